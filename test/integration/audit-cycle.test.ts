import type { AuditProgrammeView, AuditSampleResultView, CertificationReadinessView, CreatedIssueResponse, PublishReviewResultView, StartJobResponse } from '../../src/contract/audit';
import type { JobStatusView } from '../../src/contract/jobs';
import type { IssueClausesResponse } from '../../src/contract/mapping';
import { ADMIN, MEMBER, type BridgeResult, useSandboxHarness } from './support/sandbox-harness';

// The audit cycle end to end against the whole sandbox (bridge -> resolvers -> HTTP -> emulated Jira and
// Confluence): plan, sample, finding, corrective action, verification, readiness, review pack and its decisions.
// Every create is sent twice with the same request id: the second finds the first issue.
jest.setTimeout(180_000);

const harness = useSandboxHarness('sms-nav-audit-cycle');
const { invoke } = harness;

function ok<T>(r: BridgeResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error?.code}: ${r.error?.message}`);
  return r.data;
}

async function waitForJob<R>(jobId: string): Promise<JobStatusView<R>> {
  for (let i = 0; i < 600; i += 1) {
    const r = ok(await invoke<JobStatusView<R>>('getJobStatus', ADMIN, { jobId }));
    if (r.status === 'done' || r.status === 'failed') return r;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${jobId} did not finish`);
}

async function issue(key: string): Promise<{ fields: { labels: string[]; issuelinks: { inwardIssue?: { key: string }; outwardIssue?: { key: string } }[] } }> {
  const res = await fetch(`${harness.sandbox.url}/rest/api/3/issue/${key}?fields=labels,issuelinks`, { headers: { 'x-sandbox-account-id': ADMIN } });
  expect(res.status).toBe(200);
  return (await res.json()) as { fields: { labels: string[]; issuelinks: { inwardIssue?: { key: string }; outwardIssue?: { key: string } }[] } };
}

const linked = async (key: string): Promise<string[]> => (await issue(key)).fields.issuelinks.map((l) => l.inwardIssue?.key ?? l.outwardIssue?.key ?? '');

const PLAN = {
  title: 'Incident and service request management',
  scope: { clauses: ['9.2'], processes: ['8.6.1'] },
  criteria: 'ISO/IEC 20000-1:2018 and the SMS procedures',
  start: '2026-03-02',
  end: '2026-03-06',
  auditor: MEMBER,
};

describe('the audit cycle in the sandbox', () => {
  let auditKey = '';
  let ncKey = '';
  let actionKey = '';

  it('refuses an auditor who owns an audited process, with the typed reason, and creates nothing', async () => {
    const programme = ok(await invoke<AuditProgrammeView>('getAuditProgramme', ADMIN));
    ok(await invoke('saveProcessOwners', ADMIN, { version: programme.version, owners: [{ unitId: '8.6.1', owner: MEMBER }] }));
    const refused = await invoke<CreatedIssueResponse>('planAudit', ADMIN, { requestId: 'audit-plan-0001', plan: PLAN });
    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe('VALIDATION_FAILED');
    expect(refused.error?.details).toMatchObject({ reason: 'auditor_not_independent', auditor: MEMBER, ownedUnits: ['8.6.1'] });
    expect(ok(await invoke<AuditProgrammeView>('getAuditProgramme', ADMIN)).audits).toEqual([]);
  });

  it('plans the audit as one Jira issue, however often the request is sent', async () => {
    const programme = ok(await invoke<AuditProgrammeView>('getAuditProgramme', ADMIN));
    ok(await invoke('saveProcessOwners', ADMIN, { version: programme.version, owners: [{ unitId: '8.6.1', owner: ADMIN }] }));
    const first = ok(await invoke<CreatedIssueResponse>('planAudit', ADMIN, { requestId: 'audit-plan-0001', plan: PLAN }));
    const again = ok(await invoke<CreatedIssueResponse>('planAudit', ADMIN, { requestId: 'audit-plan-0001', plan: PLAN }));
    expect(first.created).toBe(true);
    expect(again).toEqual({ issueKey: first.issueKey, created: false });
    auditKey = first.issueKey;
    expect((await issue(auditKey)).fields.labels).toContain('sms-audit');
    const view = ok(await invoke<AuditProgrammeView>('getAuditProgramme', MEMBER));
    expect(view.audits.map((a) => a.auditKey)).toEqual([auditKey]);
    expect(view.audits[0]?.clauses.map((c) => c.clauseId)).toEqual(['8.6.1', '9.2']);
  });

  it('draws the same sample twice from the same seed and records it on the audit issue', async () => {
    const sizes = { '8.6.1': 5, '9.2': 2 };
    const draw = async (): Promise<AuditSampleResultView> => {
      const started = ok(await invoke<StartJobResponse>('startAuditSample', ADMIN, { auditKey, seed: 'cycle-2026', sizes }));
      const job = await waitForJob<AuditSampleResultView>(started.jobId);
      expect(job.status).toBe('done');
      return job.result as AuditSampleResultView;
    };
    const a = await draw();
    const b = await draw();
    const keys = (r: AuditSampleResultView): string[][] => r.clauses.map((c) => c.issueKeys);
    expect(keys(b)).toEqual(keys(a));
    expect(a.clauses.find((c) => c.clauseId === '8.6.1')?.issueKeys.length).toBeGreaterThan(0);
    const view = ok(await invoke<AuditProgrammeView>('getAuditProgramme', ADMIN));
    expect(view.audits[0]?.sample).toMatchObject({ seed: 'cycle-2026', sizes, clauses: Object.fromEntries(a.clauses.map((c) => [c.clauseId, c.issueKeys])) });
  });

  it('records a major nonconformity linked to the audit and mapped to the clause, once', async () => {
    const req = { requestId: 'finding-0001', auditKey, clauseId: '8.6.1', grade: 'major_nc', summary: 'Major incidents are not reviewed', detail: 'No review for 3 of 5 sampled majors.' };
    const first = ok(await invoke<CreatedIssueResponse>('recordFinding', ADMIN, req));
    const again = ok(await invoke<CreatedIssueResponse>('recordFinding', ADMIN, req));
    expect(again).toEqual({ issueKey: first.issueKey, created: false });
    ncKey = first.issueKey;
    expect((await issue(ncKey)).fields.labels).toEqual(['sms-major-nc']);
    expect(await linked(ncKey)).toEqual([auditKey]);
    const refused = await invoke('recordFinding', ADMIN, { ...req, requestId: 'finding-0002', clauseId: '8.2.1' });
    expect(refused.error?.code).toBe('VALIDATION_FAILED');
    const view = ok(await invoke<AuditProgrammeView>('getAuditProgramme', ADMIN));
    // The demo seed has findings of its own: this one is told apart by its key.
    expect(view.nonconformities.filter((n) => n.issueKey === ncKey)).toEqual([expect.objectContaining({ grade: 'major_nc', clauses: ['8.6.1'], auditKey, stage: 'needs_action', open: true })]);
    expect(view.figures.openMajor.exact).toBe(true);
    expect(view.figures.openMajor.jql).toContain(ncKey);
  });

  it('keeps the nonconformity open until its corrective action is done and verified as effective', async () => {
    const req = { requestId: 'action-0001', nonconformityKey: ncKey, rootCause: 'No owner for the review', action: 'Name an owner and review every major within 5 days', dueDate: '2026-04-30' };
    const first = ok(await invoke<CreatedIssueResponse>('createCorrectiveAction', ADMIN, req));
    expect(ok(await invoke<CreatedIssueResponse>('createCorrectiveAction', ADMIN, req))).toEqual({ issueKey: first.issueKey, created: false });
    actionKey = first.issueKey;
    expect(await linked(actionKey)).toEqual([ncKey]);

    const early = await invoke('verifyCorrectiveAction', ADMIN, { actionKey, effective: true, note: 'Checked the last five majors.' });
    expect(early.error?.code).toBe('VALIDATION_FAILED');
    const readinessBefore = ok(await invoke<CertificationReadinessView>('getCertificationReadiness', ADMIN, { targetAuditDate: '2026-09-01' }));
    expect(readinessBefore.openMajorNonconformities.jql).toContain(ncKey);
    expect(readinessBefore.unverifiedActions).toMatchObject({ value: 1, exact: true });
    expect(readinessBefore.unverifiedActions.jql).toContain(actionKey);
    expect(readinessBefore.verdict).toBe('not_ready');

    expect(ok(await invoke('completeCorrectiveAction', ADMIN, { actionKey }))).toEqual({ actionKey, changed: true });
    const ours = (v: AuditProgrammeView) => v.nonconformities.find((n) => n.issueKey === ncKey);
    let view = ok(await invoke<AuditProgrammeView>('getAuditProgramme', ADMIN));
    expect(ours(view)).toMatchObject({ stage: 'awaiting_verification', open: true });
    // The issue view follows the same lifecycle: done in Jira is not closed while effectiveness is unverified.
    const panel = async () => ok(await invoke<IssueClausesResponse>('getIssueClauses', ADMIN, {}, ncKey)).finding;
    expect(await panel()).toMatchObject({ grade: 'major_nc', open: true });

    expect(ok(await invoke('verifyCorrectiveAction', ADMIN, { actionKey, effective: true, note: 'Checked the last five majors.' }))).toEqual({ actionKey, changed: true });
    expect(ok(await invoke('verifyCorrectiveAction', ADMIN, { actionKey, effective: true, note: 'Checked again.' }))).toEqual({ actionKey, changed: false });
    view = ok(await invoke<AuditProgrammeView>('getAuditProgramme', ADMIN));
    expect(ours(view)).toMatchObject({ stage: 'closed', open: false });
    expect(await panel()).toMatchObject({ grade: 'major_nc', open: false });
    expect(ours(view)?.actions[0]?.verification).toMatchObject({ effective: true, verifiedBy: ADMIN });
    const readinessAfter = ok(await invoke<CertificationReadinessView>('getCertificationReadiness', ADMIN, { targetAuditDate: '2026-09-01' }));
    expect(readinessAfter.openMajorNonconformities.value).toBe(readinessBefore.openMajorNonconformities.value - 1);
    expect(readinessAfter.openMajorNonconformities.jql).not.toContain(ncKey);
    expect(readinessAfter.unverifiedActions.value).toBe(0);
  });

  it('publishes the management review pack through the page upsert, once per review date, and records its decisions', async () => {
    const settings = ok(await invoke<{ version: number }>('getProjectSettings', ADMIN));
    ok(await invoke('saveProjectSettings', ADMIN, { confluenceSpaceKey: 'SMS', confluenceParentPageId: null, epicIssueTypeId: null, editorRoleId: null, version: settings.version }));
    const publish = async (): Promise<PublishReviewResultView> => {
      const started = ok(await invoke<StartJobResponse>('startPublishReview', ADMIN, { reviewDate: '2026-03-20', periodStart: '2026-01-01' }));
      const job = await waitForJob<PublishReviewResultView>(started.jobId);
      expect(job.messages.join(' ')).not.toContain('fail');
      expect(job.status).toBe('done');
      return job.result as PublishReviewResultView;
    };
    const first = await publish();
    const second = await publish();
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ pageId: first.pageId, created: false });
    const cycle = ok(await invoke<AuditProgrammeView>('getAuditProgramme', ADMIN));
    expect(first.issuesRead).toBe(cycle.audits.length + cycle.nonconformities.length + cycle.otherFindings.length + 1);

    const decision = { requestId: 'review-out-0001', reviewDate: '2026-03-20', kind: 'action', summary: 'Staff the major incident review', dueDate: '2026-05-01' };
    const d1 = ok(await invoke<CreatedIssueResponse>('recordReviewOutput', ADMIN, decision));
    expect(ok(await invoke<CreatedIssueResponse>('recordReviewOutput', ADMIN, decision))).toEqual({ issueKey: d1.issueKey, created: false });
    const view = ok(await invoke<AuditProgrammeView>('getAuditProgramme', ADMIN));
    expect(view.reviewOutputs.map((r) => r.issueKey)).toEqual([d1.issueKey]);
    expect(view.reviews).toEqual([expect.objectContaining({ reviewDate: '2026-03-20', pageId: first.pageId })]);
  });

  it('needs write access for every change', async () => {
    expect((await invoke('planAudit', MEMBER, { requestId: 'audit-plan-0009', plan: { ...PLAN, auditor: ADMIN } })).error?.code).toBe('FORBIDDEN');
    expect((await invoke('verifyCorrectiveAction', MEMBER, { actionKey, effective: false, note: 'x' })).error?.code).toBe('FORBIDDEN');
  });

  it('speaks the real REST shapes (the traffic validates against the OpenAPI specs)', async () => {
    const traffic = await harness.checkTraffic();
    expect(traffic.violations).toBe('');
  });
});
