import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { JOB_MESSAGES_MAX, JobRepository } from '../../src/storage/job-repository';

const at = (s: string) => () => new Date(s);

describe('JobRepository', () => {
  it('creates a queued job and applies patches, appending messages and stamping updatedAt', async () => {
    const store = new InMemoryKvStore();
    let clock = new Date('2026-01-01T00:00:00.000Z');
    const jobs = new JobRepository(store, () => clock);
    await jobs.create({ jobId: 'j1', type: 'report', scope: '10000', accountId: 'u', input: { a: 1 } });
    clock = new Date('2026-01-01T00:01:00.000Z');
    const next = await jobs.update('j1', { status: 'running', done: 2, total: 5, addMessages: ['one'] });
    expect(next).toMatchObject({ status: 'running', done: 2, total: 5, messages: ['one'], input: { a: 1 }, updatedAt: '2026-01-01T00:01:00.000Z', createdAt: '2026-01-01T00:00:00.000Z' });
    expect(await jobs.get('j1')).toEqual(next);
    expect(await jobs.update('missing', { status: 'done' })).toBeUndefined();
  });

  it('keeps only the newest messages', async () => {
    const jobs = new JobRepository(new InMemoryKvStore(), at('2026-01-01T00:00:00.000Z'));
    await jobs.create({ jobId: 'j', type: 't' });
    await jobs.update('j', { addMessages: Array.from({ length: JOB_MESSAGES_MAX + 5 }, (_, i) => `m${i}`) });
    const job = await jobs.get('j');
    expect(job?.messages).toHaveLength(JOB_MESSAGES_MAX);
    expect(job?.messages[0]).toBe('m5');
  });

  it('hands out each slot of a type and scope once and finds the newest slot past a stale hint', async () => {
    const store = new InMemoryKvStore();
    const jobs = new JobRepository(store, at('2026-01-01T00:00:00.000Z'));
    expect(await jobs.latestSlot('epic-sync', '10000')).toEqual({ slot: 0, jobId: null });
    expect(await jobs.takeSlot('epic-sync', '10000', 1, 'a')).toBe(true);
    expect(await jobs.takeSlot('epic-sync', '10000', 1, 'b')).toBe(false);
    await store.set('job:slot:epic-sync:10000:000002', 'c'); // taken by a start that died before moving the hint
    expect(await jobs.latestSlot('epic-sync', '10000')).toEqual({ slot: 2, jobId: 'c' });
    expect(await jobs.latestSlot('epic-sync', '10001')).toEqual({ slot: 0, jobId: null });
  });

  it('lets exactly one caller end a job, and reads the end back even when the record was not updated', async () => {
    const jobs = new JobRepository(new InMemoryKvStore(), at('2026-01-01T00:00:00.000Z'));
    await jobs.create({ jobId: 'j', type: 't' });
    expect(await jobs.claimEnd('j', 'abandoned', 'u1')).toBe(true);
    expect(await jobs.claimEnd('j', 'done', null)).toBe(false);
    expect(await jobs.get('j')).toMatchObject({ status: 'abandoned', endedBy: 'u1', leaseUntil: null });
  });

  it('refuses to read back a corrupt record', async () => {
    const store = new InMemoryKvStore();
    await store.set('job:record:bad', { jobId: 'bad' });
    await expect(new JobRepository(store).get('bad')).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
