import { CLAUSES } from '../../src/domain/catalogue/catalogue';
import { CONFIDENT_SUGGESTION } from '../../src/domain/mapping/suggest-confidence';
import { ADMIN, MEMBER, OUTSIDER, useSandboxHarness } from './support/sandbox-harness';

// Clause mapping end to end against the whole sandbox (bridge -> resolvers -> HTTP -> emulated Jira, file KVS,
// in-process queue): map one issue from the panel, find it with the smsClause alias, bulk-map by JQL, re-run
// (nothing to write), undo; and every product call the app made checked against the Jira OpenAPI spec.
jest.setTimeout(120_000);

const harness = useSandboxHarness('sms-nav-mapping');
const { invoke } = harness;

async function search(jql: string, accountId = ADMIN): Promise<{ key: string; id: string; properties?: Record<string, unknown> }[]> {
  const out: { key: string; id: string; properties?: Record<string, unknown> }[] = [];
  let token: string | undefined;
  do {
    const res = await fetch(`${harness.sandbox.url}/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sandbox-account-id': accountId },
      body: JSON.stringify({ jql, fields: ['summary'], properties: ['sms-navigator-mapping'], maxResults: 100, ...(token ? { nextPageToken: token } : {}) }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { issues: { key: string; id: string; properties?: Record<string, unknown> }[]; nextPageToken?: string };
    out.push(...body.issues);
    token = body.nextPageToken;
  } while (token);
  return out;
}

async function waitForJob(jobId: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 200; i += 1) {
    const r = await invoke<{ job: Record<string, unknown> | null }>('getBulkMappingStatus', ADMIN, { jobId });
    const job = r.data.job;
    if (job && (job.status === 'done' || job.status === 'failed')) return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${jobId} did not finish`);
}

const writeCalls = (): number => {
  const byRoute = harness.sandbox.emulator.stats().byRoute;
  return (byRoute['POST /rest/api/3/issue/properties/multi'] ?? 0) + (byRoute['POST /rest/api/3/issue/properties'] ?? 0) + (byRoute['PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}'] ?? 0);
};

describe('clause mapping in the sandbox', () => {
  let issueKey: string;

  it('maps an issue from the panel and finds it with the smsClause alias', async () => {
    // A member is not in an editor role here: the project opens clause mapping to everyone who can edit the issue.
    const opened = await invoke('saveProjectSettings', ADMIN, { confluenceSpaceKey: 'SMS', confluenceParentPageId: null, epicIssueTypeId: null, editorRoleId: null, issueMappingOpen: true, version: 0 });
    expect(opened.ok).toBe(true);
    const unmapped = await search('project = SMS AND smsClause is EMPTY AND type = Incident ORDER BY key ASC');
    issueKey = unmapped[0]!.key;
    const before = await invoke<{ mapped: unknown[]; suggestions: { clauseId: string; reasons: string[]; confidence: number }[]; canEdit: boolean }>('getIssueClauses', MEMBER, {}, issueKey);
    expect(before.ok).toBe(true);
    expect(before.data.mapped).toEqual([]);
    expect(before.data.canEdit).toBe(true);
    expect(before.data.suggestions.length).toBeGreaterThan(0);
    expect(before.data.suggestions.length).toBeLessThanOrEqual(5);
    expect(before.data.suggestions[0]!.reasons.length).toBeGreaterThan(0);
    // Ordered by calibrated confidence, most likely first.
    const confidences = before.data.suggestions.map((s) => s.confidence);
    expect(confidences.every((c) => c >= 0 && c <= 1)).toBe(true);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));

    const saved = await invoke<{ mapped: { clauseId: string; kind: string; jql: string }[] }>(
      'saveIssueClauses',
      MEMBER,
      { changes: [{ action: 'add', clauseId: '7.5.4', kind: 'procedure' }, { action: 'reject', clauseId: '9.2' }] },
      issueKey,
    );
    expect(saved.ok).toBe(true);
    expect(saved.data.mapped).toEqual([{ clauseId: '7.5.4', kind: 'procedure', title: expect.any(String), jql: 'project = "SMS" AND smsClause in ("7.5.4", "7.5", "7") ORDER BY key ASC' }]);

    const found = await search('smsClause = "7.5.4"');
    expect(found.map((i) => i.key)).toEqual([issueKey]);
    expect(found[0]!.properties?.['sms-navigator-mapping']).toMatchObject({ clauses: ['7.5.4'], kinds: ['procedure'], rejected: ['9.2'] });
    expect((await search('smsEvidence = "procedure"')).map((i) => i.key)).toContain(issueKey);

    const again = await invoke<{ rejected: string[]; suggestions: { clauseId: string }[] }>('getIssueClauses', MEMBER, {}, issueKey);
    expect(again.data.rejected).toEqual(['9.2']);
    expect(again.data.suggestions.map((s) => s.clauseId)).not.toContain('9.2');
  });

  it('refuses unknown clauses and users without Edit issues, writing nothing', async () => {
    const writes = writeCalls();
    const bad = await invoke('saveIssueClauses', MEMBER, { changes: [{ action: 'add', clauseId: '8.6.99', kind: 'record' }] }, issueKey);
    expect(bad.ok).toBe(false);
    expect(bad.error?.code).toBe('VALIDATION_FAILED');
    expect(bad.error?.message).toContain('8.6.99');
    const outsider = await invoke('saveIssueClauses', OUTSIDER, { changes: [{ action: 'add', clauseId: '8.6.1', kind: 'record' }] }, issueKey);
    expect(outsider.error?.code).toBe('FORBIDDEN');
    expect(writeCalls()).toBe(writes);
  });

  it('bulk-maps by JQL within the project, changes nothing on a re-run, and undoes', async () => {
    const requests = await search('project = SMS AND type = "Service request" ORDER BY key ASC');
    expect(requests.length).toBeGreaterThan(10);
    // The JQL tries to reach the other project: the app ANDs SMS in front, so OPS issues never appear.
    const preview = await invoke<{ previewId: string; matched: number; items: { issueId: string; key: string; added: string[] }[] }>('previewBulkMapping', ADMIN, {
      source: 'jql',
      jql: 'type = "Service request" OR project = OPS',
      clauses: [{ clauseId: '8.6.2', kind: 'record' }],
    });
    expect(preview.ok).toBe(true);
    expect(preview.data.items.every((i) => i.key.startsWith('SMS-'))).toBe(true);
    const alreadyMapped = requests.filter((r) => JSON.stringify(r.properties?.['sms-navigator-mapping'] ?? {}).includes('8.6.2')).length;
    expect(preview.data.items.length).toBeGreaterThanOrEqual(requests.length - alreadyMapped);
    expect(preview.data.items.every((i) => i.added.includes('8.6.2'))).toBe(true);

    const ids = preview.data.items.map((i) => i.issueId);
    const multiBefore = harness.sandbox.emulator.stats().byRoute['POST /rest/api/3/issue/properties/multi'] ?? 0;
    const started = await invoke<{ jobId: string; total: number }>('startBulkMapping', ADMIN, { previewId: preview.data.previewId, issueIds: ids });
    expect(started.ok).toBe(true);
    expect(started.data.total).toBe(ids.length);
    const job = await waitForJob(started.data.jobId);
    expect(job).toMatchObject({ status: 'done', done: ids.length, total: ids.length, failed: [] });
    const mapped = await search('project = SMS AND smsClause = "8.6.2"');
    for (const i of preview.data.items) expect(mapped.map((m) => m.key)).toContain(i.key);
    // Unmapped issues share one value: one by-list request, no multi at all for them.
    expect((harness.sandbox.emulator.stats().byRoute['POST /rest/api/3/issue/properties/multi'] ?? 0) - multiBefore).toBeLessThanOrEqual(1);

    // A second start of the same preview is refused; a fresh preview has nothing left to change.
    const replay = await invoke('startBulkMapping', ADMIN, { previewId: preview.data.previewId, issueIds: ids });
    expect(replay.error?.code).toBe('CONFLICT');
    const writes = writeCalls();
    const rerun = await invoke<{ items: unknown[]; unchanged: number }>('previewBulkMapping', ADMIN, { source: 'jql', jql: 'type = "Service request"', clauses: [{ clauseId: '8.6.2', kind: 'record' }] });
    expect(rerun.data.items).toEqual([]);
    expect(rerun.data.unchanged).toBe(requests.length);
    expect(writeCalls()).toBe(writes);

    const status = await invoke<{ lastChange: { issues: number; undone: boolean } }>('getBulkMappingStatus', ADMIN);
    expect(status.data.lastChange).toMatchObject({ issues: ids.length, undone: false });
    const undo = await invoke<{ jobId: string }>('undoBulkMapping', ADMIN);
    expect(undo.ok).toBe(true);
    expect(await waitForJob(undo.data.jobId)).toMatchObject({ status: 'done', done: ids.length, op: 'undo' });
    const after = await search('project = SMS AND smsClause = "8.6.2"');
    expect(after.length).toBe(alreadyMapped + (await search('project = SMS AND smsClause = "8.6.2" AND type != "Service request"')).length);
    for (const i of preview.data.items) expect(after.map((m) => m.key)).not.toContain(i.key);
    const again = await invoke('undoBulkMapping', ADMIN);
    expect(again.error?.code).toBe('NOT_FOUND');
  });

  it('accepts suggestions across unmapped issues and reports coverage by status category', async () => {
    const preview = await invoke<{ previewId: string; items: { issueId: string; added: string[]; reasons: string[]; confidence?: number; confident?: boolean }[] }>('previewBulkMapping', ADMIN, { source: 'suggestions' });
    expect(preview.ok).toBe(true);
    expect(preview.data.items.length).toBeGreaterThan(20);
    expect(preview.data.items.every((i) => i.added.length === 1 && i.reasons.length > 0)).toBe(true);
    // Each suggestion carries its confidence; only those at CONFIDENT_SUGGESTION or above are marked confident.
    for (const i of preview.data.items) {
      expect(i.confidence).toBeGreaterThanOrEqual(0);
      expect(i.confident).toBe((i.confidence ?? 0) >= CONFIDENT_SUGGESTION);
    }
    expect(preview.data.items.some((i) => i.confident === true)).toBe(true);
    const chosen = preview.data.items.slice(0, 30).map((i) => i.issueId);
    const started = await invoke<{ jobId: string }>('startBulkMapping', ADMIN, { previewId: preview.data.previewId, issueIds: chosen });
    expect(await waitForJob(started.data.jobId)).toMatchObject({ status: 'done', done: 30 });

    const coverage = await invoke<{ clauses: { clauseId: string; total: number; byCategory: Record<string, number>; jql: string }[]; issues: { mapped: number }; unmapped: { issues: unknown[]; nextCursor: string | null } }>('getCoverage', MEMBER);
    expect(coverage.ok).toBe(true);
    const incident = coverage.data.clauses.find((c) => c.clauseId === '8.6.1');
    expect(incident).toBeDefined();
    expect(incident!.total).toBe(incident!.byCategory.new! + incident!.byCategory.indeterminate! + incident!.byCategory.done!);
    expect(incident!.total).toBe((await search(incident!.jql)).length);
    expect(coverage.data.unmapped.issues.length).toBe(25);
    const page2 = await invoke<{ unmapped: { issues: { key: string }[] } }>('getCoverage', MEMBER, { unmappedCursor: coverage.data.unmapped.nextCursor });
    expect(page2.data.unmapped.issues.length).toBeGreaterThan(0);
    // Every assessable clause is listed (and any other clause an issue maps to), the uncovered ones (the gaps) first.
    const assessable = CLAUSES.filter((c) => c.assessable).map((c) => c.id);
    expect(coverage.data.clauses.map((c) => c.clauseId)).toEqual(expect.arrayContaining(assessable));
    expect(coverage.data.clauses.filter((c) => !assessable.includes(c.clauseId)).every((c) => c.total > 0)).toBe(true);
    const firstCovered = coverage.data.clauses.findIndex((c) => c.total > 0);
    expect(firstCovered).toBeGreaterThan(0);
    expect(coverage.data.clauses.slice(firstCovered).every((c) => c.total > 0)).toBe(true);
  });

  it('maps an unmapped issue of the coverage list in place, for those who may map, and for no one else', async () => {
    const coverage = await invoke<{ unmapped: { issues: { id: string; key: string }[] } }>('getCoverage', ADMIN);
    const issue = coverage.data.unmapped.issues[0]!;
    const refused = await invoke('saveProjectIssueClause', OUTSIDER, { issueId: issue.id, clauseId: '8.6.1', kind: 'record' });
    expect(refused.ok).toBe(false);
    const unknown = await invoke('saveProjectIssueClause', ADMIN, { issueId: issue.id, clauseId: '99.9', kind: 'record' });
    expect(unknown.ok).toBe(false);
    const mapped = await invoke<{ mapped: { clauseId: string }[]; issue: { key: string } }>('saveProjectIssueClause', ADMIN, { issueId: issue.id, clauseId: '8.6.1', kind: 'record' });
    expect(mapped.ok).toBe(true);
    expect(mapped.data.issue.key).toBe(issue.key);
    expect(mapped.data.mapped.map((m) => m.clauseId)).toEqual(['8.6.1']);
    expect((await search(`key = ${issue.key} AND smsClause = "8.6.1"`)).map((i) => i.key)).toEqual([issue.key]);
  });

  it('sends only requests and reads only answers that match the Jira OpenAPI spec', async () => {
    const traffic = await harness.checkTraffic();
    expect(traffic.entries).toBeGreaterThan(10);
    expect(traffic.violations).toBe('');
    expect(traffic.requestsValidated).toBe(traffic.entries);
  });
});
