import type { JsonValue } from '../../src/storage/kv-store';
import { StateUnreadableError, type JournalStore, type StoreOp } from '../state/journal-store';
import {
  TABLES,
  type IssueRecord,
  type IssueTypeRecord,
  type LinkRecord,
  type PagePropertyRecord,
  type PageRecord,
  type ProjectRecord,
  type SpaceRecord,
  type TableName,
  type TaskRecord,
} from './records';

type RecordOf = {
  project: ProjectRecord;
  issuetype: IssueTypeRecord;
  issue: IssueRecord;
  link: LinkRecord;
  task: TaskRecord;
  space: SpaceRecord;
  page: PageRecord;
  pageprop: PagePropertyRecord;
};

export type SeedTables = { [T in TableName]?: Record<string, RecordOf[T]> };

export type Mutation = { [T in TableName]: { table: T; record: RecordOf[T] } | { table: T; deleteId: string } }[TableName];

/**
 * The emulated site's data: typed tables over a JournalStore, plus the indexes the REST handlers need
 * (issue key -> id, project key -> id, next issue number per project, next ids). Records are immutable:
 * a change commits a new record object.
 */
export class EmulatorState {
  private readonly issueIdByKey = new Map<string, string>();
  private readonly projectIdByKey = new Map<string, string>();
  private readonly nextNumberByProject = new Map<string, number>();
  private nextId: Record<'issue' | 'link' | 'task' | 'page' | 'pageprop' | 'project', number> = {
    issue: 10000,
    link: 10000,
    task: 10000,
    page: 65600,
    pageprop: 1000,
    project: 10000,
  };

  constructor(readonly store: JournalStore) {
    this.validateAll();
    this.rebuildIndexes();
  }

  isEmpty(): boolean {
    return this.store.isEmpty();
  }

  /** Replaces everything with seed tables in one atomic snapshot. */
  replaceAll(tables: SeedTables): void {
    this.store.replaceAll(tables as unknown as Record<string, Record<string, JsonValue>>);
    this.rebuildIndexes();
  }

  all<T extends TableName>(table: T): IterableIterator<RecordOf[T]> {
    return this.store.table(table).values() as IterableIterator<RecordOf[T]>;
  }

  count(table: TableName): number {
    return this.store.table(table).size;
  }

  get<T extends TableName>(table: T, id: string): RecordOf[T] | undefined {
    return this.store.get(table, id) as RecordOf[T] | undefined;
  }

  /** Applies the mutations atomically (one journal line) and updates the indexes. */
  apply(mutations: readonly Mutation[]): void {
    const ops: StoreOp[] = mutations.map((m) =>
      'record' in m
        ? { t: m.table, k: m.record.id, v: m.record as unknown as JsonValue }
        : { t: m.table, k: m.deleteId, del: true },
    );
    this.store.commit(ops);
    for (const m of mutations) {
      if (!('record' in m)) continue;
      if (m.table === 'issue') this.indexIssue(m.record);
      if (m.table === 'project') this.projectIdByKey.set(m.record.key, m.record.id);
      this.bumpId(m.table, m.record.id);
    }
  }

  project(idOrKey: string): ProjectRecord | undefined {
    return this.get('project', idOrKey) ?? this.get('project', this.projectIdByKey.get(idOrKey.toUpperCase()) ?? '');
  }

  issue(idOrKey: string): IssueRecord | undefined {
    return this.get('issue', idOrKey) ?? this.get('issue', this.issueIdByKey.get(idOrKey.toUpperCase()) ?? '');
  }

  issueTypesFor(project: ProjectRecord): IssueTypeRecord[] {
    const scope = project.style === 'next-gen' ? project.id : null;
    return [...this.all('issuetype')].filter((t) => t.scopeProjectId === scope);
  }

  /** Reserves the next id of a kind (not persisted until a record with it is applied). */
  allocateId(kind: keyof EmulatorState['nextId']): string {
    const id = this.nextId[kind];
    this.nextId[kind] = id + 1;
    return String(id);
  }

  /** Reserves the next issue key of a project. */
  allocateIssueKey(project: ProjectRecord): string {
    const n = this.nextNumberByProject.get(project.id) ?? 1;
    this.nextNumberByProject.set(project.id, n + 1);
    return `${project.key}-${n}`;
  }

  private bumpId(table: TableName, id: string): void {
    if (table === 'issuetype' || table === 'space') return;
    const n = Number(id);
    if (Number.isInteger(n) && n >= this.nextId[table]) this.nextId[table] = n + 1;
  }

  private indexIssue(issue: IssueRecord): void {
    this.issueIdByKey.set(issue.key, issue.id);
    const project = this.get('project', issue.projectId);
    const n = Number(issue.key.slice(issue.key.lastIndexOf('-') + 1));
    if (project && n >= (this.nextNumberByProject.get(project.id) ?? 1)) this.nextNumberByProject.set(project.id, n + 1);
  }

  private rebuildIndexes(): void {
    this.issueIdByKey.clear();
    this.projectIdByKey.clear();
    this.nextNumberByProject.clear();
    for (const p of this.all('project')) {
      this.projectIdByKey.set(p.key, p.id);
      this.bumpId('project', p.id);
    }
    for (const i of this.all('issue')) {
      this.indexIssue(i);
      this.bumpId('issue', i.id);
    }
    for (const t of ['link', 'task', 'page', 'pageprop'] as const) for (const r of this.all(t)) this.bumpId(t, r.id);
  }

  private validateAll(): void {
    for (const [table, schema] of Object.entries(TABLES)) {
      for (const [id, row] of this.store.table(table)) {
        const parsed = schema.safeParse(row);
        if (!parsed.success) {
          throw new StateUnreadableError(this.store.dir, `${table} ${id} does not match its schema: ${parsed.error.message.slice(0, 200)}`);
        }
      }
    }
  }
}
