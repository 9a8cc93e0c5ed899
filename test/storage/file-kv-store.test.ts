import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileKvStore } from '../../sandbox/kvs/file-kv-store';
import { StateUnreadableError } from '../../sandbox/state/journal-store';
import { runKvStoreContract } from './kv-store.contract';

const dirs: string[] = [];
const stores: FileKvStore[] = [];
function freshDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'file-kvs-'));
  dirs.push(dir);
  return dir;
}
function open(dir: string, compactEvery?: number): FileKvStore {
  const s = new FileKvStore(dir, compactEvery ? { compactEvery } : {});
  stores.push(s);
  return s;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

runKvStoreContract('FileKvStore', () => open(freshDir()));

describe('FileKvStore durability', () => {
  it('keeps sets, deletes and transactions across a new instance on the same directory', async () => {
    const dir = freshDir();
    const a = open(dir);
    await a.set('s:1', { n: 1 });
    await a.set('s:2', 'two');
    await a.delete('s:2');
    await a.transact([{ op: 'set', key: 's:3', value: [3] }]);
    a.close();
    const b = open(dir);
    await expect(b.get('s:1')).resolves.toEqual({ n: 1 });
    await expect(b.get('s:2')).resolves.toBeUndefined();
    const page = await b.query('s:', { limit: 20 });
    expect(page.results.map((r) => r.key)).toEqual(['s:1', 's:3']);
  });

  it('keeps state through compaction into a snapshot', async () => {
    const dir = freshDir();
    const a = open(dir, 3);
    for (let i = 0; i < 10; i += 1) await a.set(`c:${i}`, i);
    a.close();
    const b = open(dir, 3);
    const page = await b.query('c:', { limit: 20 });
    expect(page.results.map((r) => r.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('drops a torn last journal line and keeps every complete write', async () => {
    const dir = freshDir();
    const a = open(dir);
    await a.set('t:1', 1);
    a.close();
    writeFileSync(path.join(dir, 'journal.log'), '0badc0de {"seq":2,"ops":[{"t":"kv","k":"t:2"', { flag: 'a' });
    const b = open(dir);
    await expect(b.get('t:1')).resolves.toBe(1);
    await expect(b.get('t:2')).resolves.toBeUndefined();
    await b.set('t:3', 3);
    b.close();
    const c = open(dir);
    await expect(c.get('t:3')).resolves.toBe(3);
  });

  it('refuses a damaged snapshot with an error that says how to reset', () => {
    const dir = freshDir();
    writeFileSync(path.join(dir, 'snapshot.json'), 'deadbeef\n{"format":1}');
    expect(() => open(dir)).toThrow(StateUnreadableError);
    expect(() => open(dir)).toThrow(/npm start -- --reset/);
  });
});
