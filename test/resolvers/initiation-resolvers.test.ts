import type { InitiationView } from '../../src/contract/initiation';
import type { ResolverResult } from '../../src/contract/result';
import { BUSINESS_CASE_ELEMENT_IDS } from '../../src/domain/initiation';
import { createApp } from '../../src/wiring';
import { ADMIN, FakePermissionGateway, MEMBER, OUTSIDER, RecordingStore, noQueue, recordingLogger, resolverInvoker, userDirectoryApi } from './resolver-fakes';

const NOW = new Date('2026-03-01T09:30:00.000Z');

function setup() {
  const store = new RecordingStore();
  const gateway = new FakePermissionGateway();
  // Only display-name lookups may reach Jira here; any other product call is recorded (and fails).
  const productCalls: string[] = [];
  const lookups: { as: string; ids: string[] }[] = [];
  const app = createApp({ api: userDirectoryApi(undefined, productCalls, lookups), store, queue: noQueue, log: recordingLogger().log, permissions: gateway, now: () => NOW });
  const call = resolverInvoker(app, gateway);
  const invoke = <T,>(functionKey: string, payload: unknown, accountId: string = ADMIN) => call<T>(functionKey, payload, accountId);
  return { store, invoke, productCalls, lookups };
}

function data<T>(r: ResolverResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.data;
}
const errorCode = (r: ResolverResult<unknown>): string | undefined => (r.ok ? undefined : r.error.code);

const allElements = Object.fromEntries(BUSINESS_CASE_ELEMENT_IDS.map((id) => [id, `Text of ${id}`]));

describe('initiation resolvers', () => {
  it('lets anyone who can browse read it, and refuses an outsider', async () => {
    const t = setup();
    const view = data(await t.invoke<InitiationView>('getInitiation', {}, MEMBER));
    expect(view).toMatchObject({ version: 0, approval: 'none', managementSupportObtained: false });
    expect(view.catalog.businessCaseElements).toHaveLength(14);
    expect(view.register).toHaveLength(4);
    expect(errorCode(await t.invoke('getInitiation', {}, OUTSIDER))).toBe('FORBIDDEN');
  });

  it('needs write access to change anything, and writes nothing when refused', async () => {
    const t = setup();
    expect(errorCode(await t.invoke('saveBusinessCase', { version: 0, elements: allElements }, MEMBER))).toBe('FORBIDDEN');
    expect(errorCode(await t.invoke('approveBusinessCase', { version: 0 }, MEMBER))).toBe('FORBIDDEN');
    expect(t.store.writes).toEqual([]);
  });

  it('approves only a complete business case, recording the caller and the server time, not payload values', async () => {
    const t = setup();
    const partial = data(await t.invoke<InitiationView>('saveBusinessCase', { version: 0, elements: { drivers: 'Tender' }, sponsor: ADMIN }));
    const refused = await t.invoke('approveBusinessCase', { version: partial.version });
    expect(errorCode(refused)).toBe('VALIDATION_FAILED');
    expect(refused.ok ? '' : refused.error.message).toContain('b) Short- and long-term outcomes');

    const full = data(await t.invoke<InitiationView>('saveBusinessCase', { version: partial.version, elements: allElements }));
    expect(full.completeness.complete).toBe(true);
    expect(full.initiation.businessCase.sponsor).toBe(ADMIN); // absent in the payload: the sponsor is kept
    const approved = data(
      await t.invoke<InitiationView>('approveBusinessCase', { version: full.version, approvedBy: 'someone-else', approvedAt: '2020-01-01T00:00:00Z' }),
    );
    expect(approved.initiation.businessCase.approval).toMatchObject({ approvedBy: ADMIN, approvedAt: NOW.toISOString() });
    expect(approved).toMatchObject({ approval: 'approved', managementSupportObtained: true, people: { [ADMIN]: 'Pat Project-Admin' } });

    expect(errorCode(await t.invoke('approveBusinessCase', { version: full.version }))).toBe('CONFLICT');

    const edited = data(await t.invoke<InitiationView>('saveBusinessCase', { version: approved.version, elements: { ...allElements, costs: 'More' } }));
    expect(edited).toMatchObject({ approval: 'stale', managementSupportObtained: false });
    expect(t.productCalls).toEqual([]);
  });

  it('lets only the named sponsor approve: the caller comes from the context, and a refusal writes nothing', async () => {
    const t = setup();
    const unnamed = data(await t.invoke<InitiationView>('saveBusinessCase', { version: 0, elements: allElements }));
    const writes = t.store.writes.length;
    const noSponsor = await t.invoke('approveBusinessCase', { version: unnamed.version });
    expect(noSponsor.ok ? null : noSponsor.error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'no-sponsor' } });

    // An editor (the project admin) who is not the sponsor is refused, told who the sponsor is.
    const named = data(await t.invoke<InitiationView>('saveBusinessCase', { version: unnamed.version, elements: allElements, sponsor: MEMBER }));
    expect(named.people[MEMBER]).toBe('Mo Member');
    const writesBefore = t.store.writes.length;
    const other = await t.invoke('approveBusinessCase', { version: named.version, accountId: MEMBER, sponsor: ADMIN });
    expect(other.ok ? null : other.error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'not-sponsor', sponsor: MEMBER } });
    expect(other.ok ? '' : other.error.message).toBe('Only the sponsor, Mo Member, may approve the business case.');
    expect(t.store.writes.length).toBe(writesBefore);
    expect(writes).toBeLessThan(writesBefore);

    // Naming the admin as sponsor lets them approve; naming someone else afterwards makes the approval out of date.
    const mine = data(await t.invoke<InitiationView>('saveBusinessCase', { version: named.version, elements: allElements, sponsor: ADMIN }));
    const approved = data(await t.invoke<InitiationView>('approveBusinessCase', { version: mine.version }));
    expect(approved).toMatchObject({ approval: 'approved', managementSupportObtained: true });
    const moved = data(await t.invoke<InitiationView>('saveBusinessCase', { version: approved.version, elements: allElements, sponsor: MEMBER }));
    expect(moved).toMatchObject({ approval: 'stale', managementSupportObtained: false });
  });

  it('keeps measurements with their KPI when definitions are saved again, and drops removed KPIs', async () => {
    const t = setup();
    const defs = [
      { id: 'csat', name: 'Customer satisfaction', unit: '%', direction: 'higher', baseline: 70, target: 85, source: { kind: 'manual' } },
      { id: 'breaches', name: 'Breaches', unit: '', direction: 'lower', baseline: null, target: 0, source: { kind: 'jqlCount', jql: 'labels = "sla-breach"' } },
    ];
    let v = data(await t.invoke<InitiationView>('saveKpis', { version: 0, kpis: defs, baselineFindings: { workload: 'High' } }));
    v = data(await t.invoke<InitiationView>('recordKpiMeasurement', { version: v.version, kpiId: 'csat', value: 72, note: 'Q1' }));
    expect(v.initiation.kpis[0]?.measurements).toEqual([{ at: NOW.toISOString(), value: 72, note: 'Q1', by: ADMIN }]);
    expect(v.people).toEqual({ [ADMIN]: 'Pat Project-Admin' });

    v = data(await t.invoke<InitiationView>('saveKpis', { version: v.version, kpis: [{ ...defs[0], name: 'CSAT' }] }));
    expect(v.initiation.kpis).toHaveLength(1);
    expect(v.initiation.kpis[0]).toMatchObject({ name: 'CSAT', measurements: [{ value: 72 }] });
    expect(v.initiation.baselineFindings).toEqual({ workload: 'High' });

    expect(errorCode(await t.invoke('saveKpis', { version: v.version, kpis: [defs[0], defs[0]] }))).toBe('VALIDATION_FAILED');
    // A query the app cannot confine to the project is refused before anything is written.
    const writes = t.store.writes.length;
    const ordered = await t.invoke('saveKpis', { version: v.version, kpis: [{ ...defs[1], source: { kind: 'jqlCount', jql: 'status = Done ORDER BY key' } }] });
    expect(errorCode(ordered)).toBe('VALIDATION_FAILED');
    expect(t.store.writes).toHaveLength(writes);
    expect(errorCode(await t.invoke('recordKpiMeasurement', { version: v.version, kpiId: 'nope', value: 1 }))).toBe('NOT_FOUND');
    expect(errorCode(await t.invoke('recordKpiMeasurement', { version: v.version, kpiId: 'csat', value: 1, at: '2027-01-01T00:00:00Z' }))).toBe('VALIDATION_FAILED');
    expect(errorCode(await t.invoke('computeKpi', { version: v.version, kpiId: 'csat' }))).toBe('VALIDATION_FAILED');
    expect(t.productCalls).toEqual([]);
  });

  it('saves the target state with the plan checklist, and the challenge register', async () => {
    const t = setup();
    let v = data(
      await t.invoke<InitiationView>('saveTargetState', {
        version: 0,
        targetState: { kind: 'multi-phase', description: 'In a year', objectives: [{ id: 'fast', text: 'Restore faster', csfs: ['Rota'], kpiIds: [], phaseIds: [] }] },
        planChecklist: { approach: { done: true, note: '' } },
      }),
    );
    expect(v.planChecklistProgress).toEqual({ done: 1, total: 9 });
    expect(v.phaseCheck.objectivesWithoutPhase).toEqual(['fast']);
    const register = v.register.map(({ challengeId, likelihood, impact, owner, status, mitigations, note }) => ({ challengeId, likelihood, impact, owner, status, mitigations, note }));
    register[0] = { ...register[0]!, likelihood: 5, impact: 5, owner: 'Pat', mitigations: { 'weak-initial-support/business-case': true } };
    register[1] = { ...register[1]!, owner: MEMBER };
    v = data(await t.invoke<InitiationView>('saveChallengeRegister', { version: v.version, register }));
    expect(v.register[0]).toMatchObject({ score: 25, band: 'high', mitigationsDone: 1, owner: 'Pat' });
    // Owners given as account ids are named; one typed as a name stays as typed and is not sent to Jira.
    expect(v.people).toEqual({ [ADMIN]: 'Pat Project-Admin', Pat: 'Pat', [MEMBER]: 'Mo Member' });
    expect(t.lookups.at(-1)).toEqual({ as: 'asUser', ids: [ADMIN, MEMBER] });
    expect(errorCode(await t.invoke('saveChallengeRegister', { version: v.version, register: [{ ...register[0], likelihood: 9 }] }))).toBe('VALIDATION_FAILED');
  });

  it('refuses to publish before a Confluence space is set, without calling Confluence', async () => {
    const t = setup();
    expect(errorCode(await t.invoke('publishBusinessCase', {}))).toBe('CONFIG_MISSING');
    expect(t.productCalls).toEqual([]);
  });
});
