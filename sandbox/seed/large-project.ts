import type { EmulatorState, Mutation } from '../emulator/emulator-state';
import type { IssueRecord, ProjectRecord } from '../emulator/records';
import { MAPPING_PROPERTY_KEY } from '../emulator/catalog';
import { doc, p } from './adf';
import { SEED_BASE_DATE } from './jira-seed';
import { Prng } from './prng';
import { SANDBOX_USERS } from './users';

export interface LargeProjectInfo {
  projectId: string;
  projectKey: string;
  issueCount: number;
}

const VERBS = ['Investigate', 'Restore', 'Patch', 'Review', 'Replace', 'Configure', 'Document', 'Monitor'];
const THINGS = ['load balancer', 'mail relay', 'storage array', 'badge reader', 'payroll export', 'DNS zone', 'API gateway', 'backup job'];
const TYPES = ['10003', '10003', '10003', '10006', '10006', '10005', '10004', '10001'];
const STATUSES = ['10001', '10003', '5', '6', '10007', '3', '10000'];

/**
 * Adds a company-managed project with `n` generated issues (for the 10,000-issue benchmarks). Deterministic,
 * written in batches of 1,000 issues per journal line, then compacted into a snapshot. Does nothing when the
 * project already holds at least `n` issues.
 */
export function seedLargeProject(state: EmulatorState, n = 10_000, opts: { key?: string; seed?: number } = {}): LargeProjectInfo {
  const key = (opts.key ?? 'BIG').toUpperCase();
  let project = state.project(key);
  if (!project) {
    project = {
      id: state.allocateId('project'),
      key,
      name: `Large project ${key}`,
      description: 'Generated for scale tests.',
      style: 'classic',
      projectTypeKey: 'service_desk',
      leadAccountId: SANDBOX_USERS[1]?.accountId as string,
      components: [],
    } satisfies ProjectRecord;
    state.apply([{ table: 'project', record: project }]);
  }
  const existing = [...state.all('issue')].filter((i) => i.projectId === (project as ProjectRecord).id).length;
  const r = new Prng(opts.seed ?? 4242);
  const people = SANDBOX_USERS.slice(0, 3).map((u) => u.accountId);
  let batch: Mutation[] = [];
  for (let i = existing; i < n; i += 1) {
    const created = new Date(SEED_BASE_DATE.getTime() - r.int(0, 365 * 24 * 60) * 60_000);
    const statusId = r.pick(STATUSES);
    const done = ['5', '6', '10007'].includes(statusId);
    const summary = `${r.pick(VERBS)} ${r.pick(THINGS)} ${i + 1}`;
    const issue: IssueRecord = {
      id: state.allocateId('issue'),
      key: state.allocateIssueKey(project),
      projectId: project.id,
      issueTypeId: r.pick(TYPES),
      summary,
      description: doc(p(`Generated issue number ${i + 1} for scale tests.`)),
      statusId,
      labels: r.chance(0.3) ? [r.pick(['customer-impact', 'security', 'quick-win'])] : [],
      componentIds: [],
      parentId: null,
      priorityId: String(r.int(1, 5)),
      reporterId: r.pick(people),
      assigneeId: r.chance(0.7) ? r.pick(people) : null,
      duedate: null,
      created: created.toISOString(),
      updated: created.toISOString(),
      resolutiondate: done ? new Date(created.getTime() + 3_600_000).toISOString() : null,
      properties: r.chance(0.2) ? { [MAPPING_PROPERTY_KEY]: { clauses: [r.pick(['8.6.1', '8.6.2', '8.5.1'])], kinds: ['record'], phases: [] } } : {},
    };
    batch.push({ table: 'issue', record: issue });
    if (batch.length >= 1000) {
      state.apply(batch);
      batch = [];
    }
  }
  if (batch.length > 0) state.apply(batch);
  state.store.compact();
  return { projectId: project.id, projectKey: project.key, issueCount: Math.max(existing, n) };
}
