import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import type { JsonValue } from '../../src/storage/kv-store';

/**
 * Durable, crash-safe table store for the sandbox.
 *
 * Layout of a store directory:
 * - `snapshot.json`: `<sha256 hex>\n<json { format, seq, tables }>`, replaced atomically (temp file, fsync, rename,
 *   fsync of the directory). A snapshot whose checksum does not match is real corruption.
 * - `journal.log`: one line per commit, `<crc32 hex> <json { seq, ops }>`. A commit is one `write()` of one line, so
 *   a kill leaves at most a torn last line, which is dropped (and cut off) on load. Lines with `seq` at or below the
 *   snapshot's are already in the snapshot and skipped (a kill between snapshot rename and journal truncation).
 * Every write appends a line; nothing rewrites the whole state except compaction, which runs after
 * `compactEvery` commits or `compactBytes` of journal.
 */
export const STATE_FORMAT = 1;

export class StateUnreadableError extends Error {
  constructor(dir: string, reason: string) {
    super(
      `The sandbox state in ${dir} cannot be read (${reason}). ` +
        'Run `npm start -- --reset` to discard it and start again from the seed data.',
    );
    this.name = 'StateUnreadableError';
  }
}

export type StoreOp = { t: string; k: string; v: JsonValue } | { t: string; k: string; del: true };

export interface JournalStoreOptions {
  /** Compact after this many journal lines (default 5000). */
  compactEvery?: number;
  /** Compact once the journal is this large (default 32 MiB). */
  compactBytes?: number;
  /** fsync every journal append (default false: a process kill never loses a completed write() anyway). */
  fsyncEachCommit?: boolean;
}

const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValueSchema), z.record(z.string(), jsonValueSchema)]),
);
const opSchema = z.union([
  z.object({ t: z.string(), k: z.string(), del: z.literal(true) }),
  z.object({ t: z.string(), k: z.string(), v: z.unknown() }),
]);
const lineSchema = z.object({ seq: z.number().int(), ops: z.array(opSchema) });
const snapshotSchema = z.object({
  format: z.literal(STATE_FORMAT),
  seq: z.number().int(),
  tables: z.record(z.string(), z.record(z.string(), z.unknown())),
});

const SNAPSHOT = 'snapshot.json';
const JOURNAL = 'journal.log';

const crcHex = (s: string): string => crc32(s).toString(16).padStart(8, '0');
const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

export class JournalStore {
  private readonly tables = new Map<string, Map<string, JsonValue>>();
  private seq = 0;
  private fd: number | undefined;
  private journalLines = 0;
  private journalBytes = 0;
  private readonly compactEvery: number;
  private readonly compactBytes: number;
  private readonly fsyncEachCommit: boolean;

  private constructor(readonly dir: string, opts: JournalStoreOptions) {
    this.compactEvery = opts.compactEvery ?? 5000;
    this.compactBytes = opts.compactBytes ?? 32 * 1024 * 1024;
    this.fsyncEachCommit = opts.fsyncEachCommit ?? false;
  }

  /** Opens (creating if needed) the store in `dir`; throws StateUnreadableError for state it cannot trust. */
  static open(dir: string, opts: JournalStoreOptions = {}): JournalStore {
    mkdirSync(dir, { recursive: true });
    const store = new JournalStore(dir, opts);
    store.load();
    return store;
  }

  /** True when the directory holds no state yet (no snapshot, empty journal). */
  isEmpty(): boolean {
    return this.seq === 0;
  }

  get(table: string, key: string): JsonValue | undefined {
    return this.tables.get(table)?.get(key);
  }

  has(table: string, key: string): boolean {
    return this.tables.get(table)?.has(key) ?? false;
  }

  /** Live view of one table (do not mutate the values). */
  table(table: string): ReadonlyMap<string, JsonValue> {
    return this.tables.get(table) ?? new Map<string, JsonValue>();
  }

  /** Applies all ops atomically: one journal line, then memory. */
  commit(ops: StoreOp[]): void {
    if (ops.length === 0) return;
    const fd = this.requireOpen();
    const seq = this.seq + 1;
    const json = JSON.stringify({ seq, ops });
    const line = `${crcHex(json)} ${json}\n`;
    const buf = Buffer.from(line, 'utf8');
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    if (this.fsyncEachCommit) fsyncSync(fd);
    this.seq = seq;
    this.apply(ops);
    this.journalLines += 1;
    this.journalBytes += buf.length;
    if (this.journalLines >= this.compactEvery || this.journalBytes >= this.compactBytes) this.compact();
  }

  /** Writes a fresh snapshot and empties the journal. */
  compact(): void {
    this.requireOpen();
    this.writeSnapshot();
    this.truncateJournal();
  }

  /** Replaces the whole state (used by reset/seed) in one atomic snapshot. */
  replaceAll(tables: Record<string, Record<string, JsonValue>>): void {
    this.requireOpen();
    this.tables.clear();
    for (const [t, rows] of Object.entries(tables)) this.tables.set(t, new Map(Object.entries(rows)));
    this.seq += 1;
    this.compact();
  }

  close(): void {
    if (this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
    }
  }

  /** Deletes every state file in `dir` (the `--reset` path). */
  static wipe(dir: string): void {
    rmSync(path.join(dir, SNAPSHOT), { force: true });
    rmSync(path.join(dir, `${SNAPSHOT}.tmp`), { force: true });
    rmSync(path.join(dir, JOURNAL), { force: true });
  }

  private requireOpen(): number {
    if (this.fd === undefined) throw new Error(`JournalStore ${this.dir} is closed`);
    return this.fd;
  }

  private apply(ops: readonly StoreOp[]): void {
    for (const op of ops) {
      let t = this.tables.get(op.t);
      if ('del' in op) {
        t?.delete(op.k);
        continue;
      }
      if (!t) {
        t = new Map();
        this.tables.set(op.t, t);
      }
      t.set(op.k, op.v);
    }
  }

  private load(): void {
    const snapFile = path.join(this.dir, SNAPSHOT);
    if (existsSync(snapFile)) {
      const raw = readFileSync(snapFile, 'utf8');
      const nl = raw.indexOf('\n');
      const sum = nl < 0 ? '' : raw.slice(0, nl);
      const body = nl < 0 ? '' : raw.slice(nl + 1);
      if (nl < 0 || sha(body) !== sum) throw new StateUnreadableError(this.dir, `${SNAPSHOT} fails its checksum`);
      let parsed: z.infer<typeof snapshotSchema>;
      try {
        parsed = snapshotSchema.parse(JSON.parse(body));
      } catch (e) {
        throw new StateUnreadableError(this.dir, `${SNAPSHOT} has an unknown shape: ${(e as Error).message.slice(0, 200)}`);
      }
      for (const [t, rows] of Object.entries(parsed.tables)) {
        this.tables.set(t, new Map(Object.entries(rows as Record<string, JsonValue>)));
      }
      this.seq = parsed.seq;
    }
    const journalFile = path.join(this.dir, JOURNAL);
    this.fd = openSync(journalFile, 'a+');
    const size = fstatSync(this.fd).size;
    if (size === 0) return;
    const text = readFileSync(journalFile, 'utf8');
    let offset = 0;
    let goodEnd = 0;
    while (offset < text.length) {
      const nl = text.indexOf('\n', offset);
      if (nl < 0) break; // torn last line: dropped below
      const line = text.slice(offset, nl);
      const sp = line.indexOf(' ');
      const json = sp < 0 ? '' : line.slice(sp + 1);
      const ok = sp === 8 && crcHex(json) === line.slice(0, 8);
      if (!ok) {
        const rest = text.slice(nl + 1);
        if (rest.length > 0) {
          throw new StateUnreadableError(this.dir, `${JOURNAL} has a damaged entry at byte ${Buffer.byteLength(text.slice(0, offset))}`);
        }
        break; // damaged final line without anything after it: treat as torn
      }
      let entry: z.infer<typeof lineSchema>;
      try {
        entry = lineSchema.parse(JSON.parse(json));
      } catch (e) {
        throw new StateUnreadableError(this.dir, `${JOURNAL} entry has an unknown shape: ${(e as Error).message.slice(0, 200)}`);
      }
      if (entry.seq > this.seq) {
        this.apply(entry.ops as StoreOp[]);
        this.seq = entry.seq;
      }
      this.journalLines += 1;
      offset = nl + 1;
      goodEnd = offset;
    }
    const goodBytes = Buffer.byteLength(text.slice(0, goodEnd), 'utf8');
    if (goodBytes !== size) ftruncateSync(this.fd, goodBytes);
    this.journalBytes = goodBytes;
  }

  private writeSnapshot(): void {
    const tables: Record<string, Record<string, JsonValue>> = {};
    for (const [t, rows] of this.tables) tables[t] = Object.fromEntries(rows);
    const body = JSON.stringify({ format: STATE_FORMAT, seq: this.seq, tables });
    const tmp = path.join(this.dir, `${SNAPSHOT}.tmp`);
    const fd = openSync(tmp, 'w');
    try {
      const buf = Buffer.from(`${sha(body)}\n${body}`, 'utf8');
      let off = 0;
      while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path.join(this.dir, SNAPSHOT));
    fsyncDir(this.dir);
  }

  private truncateJournal(): void {
    const fd = this.requireOpen();
    ftruncateSync(fd, 0);
    fsyncSync(fd);
    this.journalLines = 0;
    this.journalBytes = 0;
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some file systems refuse fsync on directories; the rename is still atomic
  }
}

export { jsonValueSchema };
