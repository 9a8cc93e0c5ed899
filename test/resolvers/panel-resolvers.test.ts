import type { AssessmentView, SnapshotsView } from '../../src/contract/assessment';
import type { PlanView, ProposePlanResponse } from '../../src/contract/plan';
import type { ResolverResult } from '../../src/contract/result';
import type { GetScopeDiffResponse, GetScopeHistoryResponse, PreviewScopeResponse, ScopeView } from '../../src/contract/scope';
import { emptyScope, type Scope } from '../../src/domain/scope';
import { createApp } from '../../src/wiring';
import type { ProductApi } from '../../src/platform/product-api';
import { ADMIN, EDITOR_ROLE_ID, FakePermissionGateway, MEMBER, OUTSIDER, RecordingStore, forbiddenProductApi, forgeContext, noQueue, recordingLogger, userDirectoryApi } from './resolver-fakes';

const NOW = new Date('2026-03-01T09:30:00.000Z');

function setup(api?: ProductApi) {
  const store = new RecordingStore();
  const gateway = new FakePermissionGateway();
  const productCalls: string[] = [];
  const lookups: { as: string; ids: string[] }[] = [];
  const logger = recordingLogger();
  const app = createApp({ api: api ?? userDirectoryApi(undefined, productCalls, lookups), store, queue: noQueue, log: logger.log, permissions: gateway, now: () => NOW });
  async function invoke<T>(functionKey: string, payload: unknown, accountId: string = ADMIN) {
    gateway.currentAccountId = accountId;
    return (await app.resolverHandler({ call: { functionKey, payload }, context: forgeContext() }, { principal: { accountId } })) as ResolverResult<T>;
  }
  return { store, invoke, productCalls, lookups, lines: logger.lines };
}

const scope = (overrides: Partial<Scope> = {}): Scope => ({
  ...emptyScope(),
  organization: 'Example Ltd',
  services: [{ id: 'service-1', name: 'Payroll', description: 'Monthly payroll', customers: ['HR'] }],
  interestedParties: [{ id: 'party-1', name: 'HR', kind: 'customer', needs: '' }],
  otherParties: [{ id: 'other-1', name: 'HostCo', type: 'supplier', operates: ['8.7.1'], control: '' }],
  ...overrides,
});

function data<T>(r: ResolverResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.data;
}

describe('scope resolvers', () => {
  it('saves versions with author and comment, returns statement and 8.2.3 warnings, history and a readable diff', async () => {
    const t = setup();
    const empty = data(await t.invoke<ScopeView>('getScope', {}, MEMBER));
    expect(empty).toMatchObject({ version: 0, updatedBy: null, people: {} });
    expect(empty.options.processes).toContainEqual({ id: '8.6.1', title: 'Incident management' });

    const v1 = data(await t.invoke<ScopeView>('saveScope', { scope: scope(), comment: 'First cut', version: 0 }));
    expect(v1).toMatchObject({ version: 1, updatedBy: ADMIN, updatedAt: NOW.toISOString(), comment: 'First cut', people: { [ADMIN]: 'Pat Project-Admin' } });
    expect(v1.statement).toContain('Payroll for HR');
    expect(v1.warnings).toContainEqual(expect.objectContaining({ code: 'party-control-missing', clause: '8.2.3', itemId: 'other-1' }));

    const changed = scope({ otherParties: [{ id: 'other-1', name: 'HostCo', type: 'supplier', operates: ['8.7.1'], control: 'Monthly review' }] });
    const v2 = data(await t.invoke<ScopeView>('saveScope', { scope: changed, comment: 'Control recorded', version: 1 }));
    expect(v2.warnings.map((w) => w.code)).not.toContain('party-control-missing');

    const history = data(await t.invoke<GetScopeHistoryResponse>('getScopeHistory', {}, MEMBER));
    expect(history.versions.map((v) => [v.version, v.comment])).toEqual([[2, 'Control recorded'], [1, 'First cut']]);
    expect(history.people).toEqual({ [ADMIN]: 'Pat Project-Admin' });
    const lookupsBefore = t.lookups.length;
    const diff = data(await t.invoke<GetScopeDiffResponse>('getScopeDiff', { from: 2, to: 1 }, MEMBER));
    expect(diff).toMatchObject({ fromVersion: 1, toVersion: 2, changeCount: 1 });
    expect(diff.lines.join('\n')).toContain('Control applied: (empty) → “Monthly review”');
    // One bulk lookup per view that names someone (none for the empty scope nor the diff); nothing else reaches Jira.
    expect(t.lookups.length).toBe(lookupsBefore);
    expect(t.lookups).toEqual([1, 2, 3].map(() => ({ as: 'asUser', ids: [ADMIN] })));
    expect(t.productCalls).toEqual([]);
  });

  it('previews an unsaved draft with its problems and writes nothing', async () => {
    const t = setup();
    const draft = scope({ exclusions: [{ id: 'exclusion-1', what: 'Legacy mainframe', justification: '' }] });
    const preview = data(await t.invoke<PreviewScopeResponse>('previewScope', { scope: draft }, MEMBER));
    expect(preview.warnings.map((w) => w.code)).toContain('exclusion-without-justification');
    expect(preview.problems).toContainEqual(expect.objectContaining({ path: 'exclusions.0.justification' }));
    expect(preview.statement).toContain('Legacy mainframe');
    expect(t.store.writes).toEqual([]);
  });

  it('refuses an invalid scope with VALIDATION_FAILED and writes nothing', async () => {
    const t = setup();
    const bad = scope({ exclusions: [{ id: 'exclusion-1', what: 'Legacy mainframe', justification: '' }] });
    const r = await t.invoke('saveScope', { scope: bad, comment: '', version: 0 });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await t.invoke('saveScope', { scope: scope(), comment: '', version: -1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(t.store.writes).toEqual([]);
  });

  it('refuses a stale save with CONFLICT saying when, with who saved in the details', async () => {
    const t = setup();
    await t.invoke('saveScope', { scope: scope(), comment: '', version: 0 });
    const r = await t.invoke('saveScope', { scope: scope({ notes: 'late' }), comment: '', version: 0 });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('Pat Project-Admin saved the scope at 2026-03-01 09:30 UTC (version 1; you had version 0)'), details: { updatedBy: ADMIN } },
    });
  });

  it('lets readers read but only admins or the editor role write', async () => {
    const t = setup();
    expect(await t.invoke('getScope', {}, OUTSIDER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.invoke('saveScope', { scope: scope(), comment: '', version: 0 }, MEMBER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(t.store.writes).toEqual([]);
    await t.invoke('saveProjectSettings', { confluenceSpaceKey: 'SMS', confluenceParentPageId: null, epicIssueTypeId: null, editorRoleId: EDITOR_ROLE_ID, version: 0 });
    expect(await t.invoke('saveScope', { scope: scope(), comment: 'by the editor', version: 0 }, MEMBER)).toMatchObject({ ok: true, data: { updatedBy: MEMBER } });
  });

  it('refuses a payload that names another project', async () => {
    const t = setup();
    expect(await t.invoke('getScope', { projectKey: 'OPS' })).toMatchObject({ ok: false, error: { code: 'PROJECT_MISMATCH' } });
  });
});

describe('maturity resolvers', () => {
  const el = (current: number, target: number) => ({ current, target, note: '', evidence: [] as string[] });

  it('saves units, reports summaries and the heatmap, and refuses a stale unit save', async () => {
    const t = setup();
    const before = data(await t.invoke<AssessmentView>('getAssessment', {}, MEMBER));
    expect(before.units).toHaveLength(23);
    expect(before.elements).toHaveLength(19);
    expect(before.assessedUnits).toBe(0);

    const saved = data(await t.invoke<AssessmentView>('saveUnitAssessment', { unitId: '8.6.1', version: 0, elements: { process: el(1, 2) } }));
    const unit = saved.units.find((u) => u.unitId === '8.6.1');
    expect(unit).toMatchObject({ version: 1, updatedBy: ADMIN, elements: { process: el(1, 2) } });
    expect(saved.people).toEqual({ [ADMIN]: 'Pat Project-Admin' });
    expect(saved.heatmap.rows.find((r) => r.unitId === '8.6.1')?.cells.find((c) => c.elementId === 'process')).toMatchObject({ current: 1, target: 2, gap: 1 });
    expect(saved.assessedUnits).toBe(1);

    expect(await t.invoke('saveUnitAssessment', { unitId: '8.6.1', version: 0, elements: {} })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses bad input (unknown unit, level 4, bad issue key) with VALIDATION_FAILED and writes nothing', async () => {
    const t = setup();
    const bad = [
      { unitId: '9.9', version: 0, elements: {} },
      { unitId: '8.6.1', version: 0, elements: { process: el(4, 1) } },
      { unitId: '8.6.1', version: 0, elements: { process: { ...el(1, 1), evidence: ['not a key'] } } },
    ];
    for (const payload of bad) expect(await t.invoke('saveUnitAssessment', payload)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(t.store.writes).toEqual([]);
  });

  it('records the observed level on a first assessment (Level II straight away) and a target below it as met', async () => {
    const t = setup();
    const saved = data(await t.invoke<AssessmentView>('saveUnitAssessment', { unitId: '8.6.1', version: 0, elements: { process: el(2, 3), risk: el(3, 1) } }));
    const unit = saved.units.find((u) => u.unitId === '8.6.1');
    expect(unit?.elements).toEqual({ process: el(2, 3), risk: el(3, 1) });
    const cells = saved.heatmap.rows.find((r) => r.unitId === '8.6.1')?.cells;
    expect(cells?.find((c) => c.elementId === 'process')).toMatchObject({ current: 2, target: 3, gap: 1 });
    expect(cells?.find((c) => c.elementId === 'risk')).toMatchObject({ current: 3, target: 1, gap: 0 });
  });

  it('takes snapshots, compares them and gives a trend per unit; a member cannot take one', async () => {
    const t = setup();
    await t.invoke('saveUnitAssessment', { unitId: '8.6.1', version: 0, elements: { process: el(1, 2) } });
    const first = data(await t.invoke<SnapshotsView>('takeSnapshot', { label: 'baseline' }));
    expect(await t.invoke('takeSnapshot', { label: 'baseline' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await t.invoke('takeSnapshot', { label: 'Phase 1' }, MEMBER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.invoke('takeSnapshot', { label: '  ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(first.snapshots).toHaveLength(1);
    expect(first.snapshots[0]?.takenBy).toBe(ADMIN);
    expect(first.people).toEqual({ [ADMIN]: 'Pat Project-Admin' });
    const list = data(await t.invoke<SnapshotsView>('listSnapshots', {}, MEMBER));
    expect(list.trends).toEqual([expect.objectContaining({ unitId: '8.6.1', points: [expect.objectContaining({ label: 'baseline', level: 0, assessed: true })] })]);
    const id = list.snapshots[0]?.id ?? '';
    expect(await t.invoke('compareSnapshots', { fromId: id, toId: id }, MEMBER)).toMatchObject({ ok: true, data: { improved: [], unchanged: ['8.6.1'] } });
  });
});

describe('plan resolvers', () => {
  it('proposes a plan in each approach without writing, saves it and reads it back with its Rule 1/2 check', async () => {
    const t = setup();
    expect(data(await t.invoke<PlanView>('getPlan', {}, MEMBER))).toMatchObject({ plan: null, version: 0, check: null });
    for (const approach of ['subsets', 'levels', 'combined'] as const) {
      const proposed = data(await t.invoke<ProposePlanResponse>('proposePlan', { approach }, MEMBER));
      expect(proposed.plan.approach).toBe(approach);
      expect(proposed.plan.phases.length).toBeGreaterThan(0);
    }
    expect(t.store.writes).toEqual([]);

    const { plan, check } = data(await t.invoke<ProposePlanResponse>('proposePlan', { approach: 'subsets', start: '2026-04-01' }));
    // The proposal drafts its Rule 2 interfaces: it passes its own check.
    expect(check.crossings.length).toBeGreaterThan(0);
    expect(check.crossings.some((c) => c.flagged)).toBe(false);
    expect(check.issues.filter((i) => i.severity === 'error')).toEqual([]);
    // An error blocks Save: without the interfaces the plan is refused, writing nothing.
    const bare = { ...plan, phases: plan.phases.map((p) => ({ ...p, interfaces: [] })) };
    const refused = await t.invoke('savePlan', { plan: bare, version: 0 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('defines no interface') } });
    expect(t.store.writes).toEqual([]);
    const saved = data(await t.invoke<PlanView>('savePlan', { plan, version: 0 }));
    expect(saved).toMatchObject({ version: 1, updatedBy: ADMIN, people: { [ADMIN]: 'Pat Project-Admin' } });
    expect(data(await t.invoke<PlanView>('getPlan', {}, MEMBER)).plan).toEqual(plan);
    expect(await t.invoke('savePlan', { plan, version: 0 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('checks a draft without saving, and refuses a malformed plan with VALIDATION_FAILED writing nothing', async () => {
    const t = setup();
    const { plan } = data(await t.invoke<ProposePlanResponse>('proposePlan', { approach: 'levels' }));
    const noObjectives = { ...plan, phases: plan.phases.map((p) => ({ ...p, objectives: [] })) };
    const check = data(await t.invoke<{ issues: { code: string; rule: string }[] }>('checkPlan', { plan: noObjectives }, MEMBER));
    expect(check.issues).toContainEqual(expect.objectContaining({ code: 'missing-objectives', rule: 'rule-1' }));
    expect(await t.invoke('savePlan', { plan: { ...plan, approach: 'random' }, version: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await t.invoke('proposePlan', { approach: 'levels', start: 'tomorrow' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await t.invoke('savePlan', { plan, version: 0 }, MEMBER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(t.store.writes).toEqual([]);
  });
});

describe('display names in the views', () => {
  it('names phase owners given as account ids; an owner typed as a name or unknown to Jira stays as it is', async () => {
    const t = setup();
    const { plan } = data(await t.invoke<ProposePlanResponse>('proposePlan', { approach: 'levels' }));
    const owners = [MEMBER, 'Quality team', '557058:deleted-user'];
    const owned = { ...plan, phases: plan.phases.map((p, i) => ({ ...p, owner: owners[i % owners.length] ?? null })) };
    const saved = data(await t.invoke<PlanView>('savePlan', { plan: owned, version: 0 }));
    expect(saved.people).toEqual({
      [ADMIN]: 'Pat Project-Admin',
      [MEMBER]: 'Mo Member',
      'Quality team': 'Quality team',
      '557058:deleted-user': '557058:deleted-user',
    });
    // The typed name is not sent to Jira.
    expect(t.lookups.at(-1)?.ids.sort()).toEqual(['557058:deleted-user', ADMIN, MEMBER].sort());
  });

  it('shows account ids, logs a warning and still answers when the name lookup fails', async () => {
    const productCalls: string[] = [];
    const t = setup(forbiddenProductApi(productCalls));
    const saved = data(await t.invoke<ScopeView>('saveScope', { scope: scope(), comment: 'First cut', version: 0 }));
    expect(saved).toMatchObject({ version: 1, updatedBy: ADMIN, people: { [ADMIN]: ADMIN } });
    expect(productCalls).toEqual(['asUser requestJira']);
    expect(t.lines).toContainEqual(expect.objectContaining({ level: 'warn', msg: expect.stringContaining('display names') }));
  });
});
