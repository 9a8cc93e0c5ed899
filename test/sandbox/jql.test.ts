import { JqlError, compareKeys, compileOrder, compileWhere, parseJql, tokenize, type JqlContext } from '../../sandbox/emulator/jql';
import type { IssueRecord, ProjectRecord } from '../../sandbox/emulator/records';
import { GLOBAL_ISSUE_TYPES, SMS_PROJECT, OPS_PROJECT } from '../../sandbox/seed/jira-seed';

const base: IssueRecord = {
  id: '1', key: 'SMS-1', projectId: '10000', issueTypeId: '10003', summary: 'Email outage', description: null, statusId: '10001',
  labels: [], componentIds: [], parentId: null, priorityId: '3', reporterId: null, assigneeId: null, duedate: null,
  created: '2026-01-10T10:00:00.000Z', updated: '2026-01-10T10:00:00.000Z', resolutiondate: null, properties: {},
};
const issue = (o: Partial<IssueRecord>): IssueRecord => ({ ...base, ...o });
const issues = [
  issue({}),
  issue({ id: '2', key: 'SMS-2', summary: 'VPN "gateway" slow', statusId: '5', resolutiondate: '2026-02-01T00:00:00.000Z', labels: ['major-incident'], created: '2026-02-01T00:00:00.000Z' }),
  issue({ id: '3', key: 'SMS-10', issueTypeId: '10000', summary: 'Epic', properties: { 'sms-navigator-mapping': { clauses: ['8.6.1', '8.6.3'], kinds: ['record'], phases: [] } } }),
  issue({ id: '4', key: 'SMS-3', parentId: '3', labels: ['quick-win', 'x'], properties: { 'sms-navigator-mapping': { clauses: ['8.5.1'], kinds: ['plan'], phases: ['2'] } } }),
  issue({ id: '5', key: 'OPS-1', projectId: '10001', summary: 'Ops work' }),
];
const ctx = (browse: (id: string) => boolean = () => true): JqlContext => ({
  projects: [SMS_PROJECT, OPS_PROJECT] as ProjectRecord[],
  issueTypes: GLOBAL_ISSUE_TYPES,
  issueById: (id) => issues.find((i) => i.id === id),
  issueByKey: (k) => issues.find((i) => i.key === k.toUpperCase()),
  currentAccountId: null,
  now: new Date('2026-03-01T00:00:00.000Z'),
  canBrowse: browse,
});
const run = (jql: string, c = ctx()): string[] => {
  const q = parseJql(jql);
  const p = q.where ? compileWhere(q.where, c) : () => true;
  return issues.filter(p).sort(compileOrder(q.orderBy)).map((i) => i.key);
};

describe('JQL subset', () => {
  it('reads quoted strings with escaped quotes and backslashes', () => {
    expect(tokenize('summary ~ "VPN \\"gateway\\" slow"')).toEqual([
      { t: 'word', v: 'summary' },
      { t: 'op', v: '~' },
      { t: 'str', v: 'VPN "gateway" slow' },
    ]);
    expect(run('text ~ "\\"gateway\\""')).toEqual(['SMS-2']);
    expect(tokenize("labels = 'it\\'s'")[2]).toEqual({ t: 'str', v: "it's" });
  });

  it('filters by project, issue type, status category and labels', () => {
    expect(run('project = SMS AND issuetype = Incident AND statusCategory != Done ORDER BY key')).toEqual(['SMS-1', 'SMS-3']);
    expect(run('project in (SMS, OPS) AND labels in (quick-win, major-incident) ORDER BY key')).toEqual(['SMS-2', 'SMS-3']);
    expect(run('project = SMS AND labels IS EMPTY ORDER BY key')).toEqual(['SMS-1', 'SMS-10']);
    expect(run('status = Resolved')).toEqual(['SMS-2']);
  });

  it('matches entity properties by path and by the manifest search aliases', () => {
    expect(run('issue.property[sms-navigator-mapping].clauses = "8.6.1"')).toEqual(['SMS-10']);
    expect(run('smsClause in ("8.6.1", "8.5.1") ORDER BY key')).toEqual(['SMS-3', 'SMS-10']);
    expect(run('smsEvidence = plan')).toEqual(['SMS-3']);
    expect(run('smsPhase = "2"')).toEqual(['SMS-3']);
    expect(run('project = SMS AND smsClause IS EMPTY ORDER BY key')).toEqual(['SMS-1', 'SMS-2']);
  });

  it('honours AND over OR, NOT and parentheses', () => {
    expect(run('project = OPS OR project = SMS AND labels = x ORDER BY key')).toEqual(['OPS-1', 'SMS-3']);
    expect(run('(project = OPS OR project = SMS) AND NOT labels = x ORDER BY key')).toEqual(['OPS-1', 'SMS-1', 'SMS-2', 'SMS-10']);
  });

  it('compares dates, including relative ones', () => {
    expect(run('project = SMS AND created >= "2026-02-01" ORDER BY key')).toEqual(['SMS-2']);
    expect(run('created < "2026/01/11" ORDER BY key')).toEqual(['OPS-1', 'SMS-1', 'SMS-3', 'SMS-10']);
    expect(run('resolved >= -30d')).toEqual(['SMS-2']);
  });

  it('finds children by parent key', () => {
    expect(run('parent = SMS-10')).toEqual(['SMS-3']);
  });

  it('orders keys numerically and by created descending by default', () => {
    expect(compareKeys('SMS-3', 'SMS-10')).toBeLessThan(0);
    expect(run('project = SMS ORDER BY key DESC')).toEqual(['SMS-10', 'SMS-3', 'SMS-2', 'SMS-1']);
    expect(run('project = SMS')[0]).toBe('SMS-2');
  });

  it('rejects unknown fields, unsupported operators, bad dates and broken syntax', () => {
    expect(() => run('foo = bar')).toThrow(JqlError);
    expect(() => run('labels > a')).toThrow(/operator '>'/);
    expect(() => run('created > "yesterday-ish"')).toThrow(/invalid/);
    expect(() => run('project = SMS AND')).toThrow(JqlError);
    expect(() => run('summary ~ "open')).toThrow(/not closed/);
    expect(() => run('project = SMS ORDER BY colour')).toThrow(/sort/);
  });

  it('treats a project the caller cannot browse as unknown', () => {
    expect(() => run('project = OPS', ctx((id) => id !== '10001'))).toThrow("The value 'OPS' does not exist for the field 'project'.");
  });
});
