import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { StateUnreadableError, createEmulator } from '../../sandbox/emulator';
import { startHarness } from './emulator-harness';

describe('emulator durable state', () => {
  it('keeps issues, pages and storage across a restart on the same directory', async () => {
    const a = await startHarness();
    const created = (await a.call('POST', '/rest/api/3/issue', { fields: { project: { key: 'SMS' }, issuetype: { name: 'Task' }, summary: 'Survives restarts' } })).json() as { key: string };
    await a.call('PUT', `/rest/api/3/issue/${created.key}/properties/p`, { kept: true });
    const page = (await a.call('POST', '/wiki/api/v2/pages', { spaceId: '131073', status: 'current', title: 'Durable', body: { representation: 'storage', value: '<p>d</p>' } })).json() as { id: string };
    await a.emulator.kvStore.set('settings:SMS', { epicKey: created.key });
    await a.close({ keepDir: true });

    const b = await startHarness({ dataDir: a.dir });
    expect((await b.call('GET', `/rest/api/3/issue/${created.key}/properties/p`)).json()).toEqual({ key: 'p', value: { kept: true } });
    expect((await b.call('GET', `/wiki/api/v2/pages/${page.id}`)).statusCode).toBe(200);
    await expect(b.emulator.kvStore.get('settings:SMS')).resolves.toEqual({ epicKey: created.key });
    const next = (await b.call('POST', '/rest/api/3/issue', { fields: { project: { key: 'SMS' }, issuetype: { name: 'Task' }, summary: 'Next' } })).json() as { key: string };
    expect(Number(next.key.split('-')[1])).toBe(Number(created.key.split('-')[1]) + 1);
    await b.close();
  });

  it('reseeds on reset and on POST /__sandbox/reset', async () => {
    const a = await startHarness();
    await a.call('POST', '/rest/api/3/issue', { fields: { project: { key: 'SMS' }, issuetype: { name: 'Task' }, summary: 'Temporary' } });
    await a.emulator.kvStore.set('k', 1);
    const seeded = a.emulator.stats().issues - 1;
    expect((await a.call('POST', '/__sandbox/reset', {}, 'anonymous')).statusCode).toBe(200);
    expect(a.emulator.stats().issues).toBe(seeded);
    await expect(a.emulator.kvStore.get('k')).resolves.toBeUndefined();
    await a.call('POST', '/rest/api/3/issue', { fields: { project: { key: 'SMS' }, issuetype: { name: 'Task' }, summary: 'Again' } });
    await a.close({ keepDir: true });
    const b = await startHarness({ dataDir: a.dir, reset: true });
    expect(b.emulator.stats().issues).toBe(seeded);
    await b.close();
  });

  it('refuses damaged state with an error naming `npm start -- --reset`', async () => {
    const a = await startHarness();
    await a.close({ keepDir: true });
    writeFileSync(path.join(a.dir, 'products', 'snapshot.json'), 'not a snapshot');
    await expect(createEmulator({ dataDir: a.dir })).rejects.toThrow(StateUnreadableError);
    await expect(createEmulator({ dataDir: a.dir })).rejects.toThrow(/npm start -- --reset/);
    const fresh = await createEmulator({ dataDir: a.dir, reset: true });
    expect(fresh.stats().issues).toBeGreaterThan(190);
    await fresh.close();
  });
});

describe('emulator at scale', () => {
  it('holds a 10,000-issue project and serves 100-issue search/jql pages from it', async () => {
    const h = await startHarness();
    const info = h.emulator.seedLargeProject(10_000);
    expect(info.issueCount).toBe(10_000);
    const res = await h.call('POST', '/rest/api/3/search/jql', { jql: `project = ${info.projectKey} ORDER BY key`, maxResults: 100, fields: ['summary', 'status'], properties: ['sms-navigator-mapping'] }, 'app');
    const body = res.json() as { issues: { key: string }[]; nextPageToken?: string; isLast: boolean };
    expect(body.issues).toHaveLength(100);
    expect(body.issues[99]?.key).toBe(`${info.projectKey}-100`);
    expect(body.isLast).toBe(false);
    const last = h.emulator.searchJql({ jql: `project = ${info.projectKey} AND key = ${info.projectKey}-10000`, fields: ['summary'] });
    expect((last.issues as unknown[]).length).toBe(1);
    await h.close({ keepDir: true });
    const again = await startHarness({ dataDir: h.dir });
    expect(again.emulator.stats().issues).toBeGreaterThanOrEqual(10_200);
    expect(again.emulator.seedLargeProject(10_000).issueCount).toBe(10_000);
    await again.close();
  }, 30_000);
});
