import { buildSeedTables } from '../../sandbox/seed';
import type { ComputeKpiResponse, InitiationView, KpiDefinition, PublishBusinessCaseResponse } from '../../src/contract/initiation';
import { ADMIN, MEMBER, type BridgeResult, useSandboxHarness } from './support/sandbox-harness';
import { createHttpProductApi } from '../../sandbox/http-product-api';
import type { ProductRequester } from '../../src/platform/product-api';
import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { InitiationRepository } from '../../src/storage/initiation-repository';
import { SettingsRepository } from '../../src/storage/settings-repository';
import { createApp } from '../../src/wiring';

// The Initiation tab end to end against the whole sandbox (bridge -> resolvers -> HTTP -> emulated Jira and
// Confluence, file KVS). KPI values are checked against counts made here, straight from the seed tables the
// emulator was reset with, with our own filtering and median: none of the app's KPI code is used for them.
jest.setTimeout(120_000);

const SMS_PROJECT_ID = '10000';
const INCIDENT_TYPE_ID = '10003';
const CHANGE_TYPE_ID = '10005';

const harness = useSandboxHarness('sms-nav-initiation');
const { invoke } = harness;

function ok<T>(r: BridgeResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error?.code}: ${r.error?.message}`);
  return r.data;
}

// ---- hand counts over the seed ----
const seedIssues = Object.values(buildSeedTables().issue ?? {});
const smsIssues = seedIssues.filter((i) => i.projectId === SMS_PROJECT_ID);

function handMedianHours(issues: typeof seedIssues): { median: number; n: number } {
  const hours = issues
    .filter((i) => i.resolutiondate !== null)
    .map((i) => (new Date(i.resolutiondate as string).getTime() - new Date(i.created).getTime()) / 3_600_000)
    .sort((a, b) => a - b);
  const n = hours.length;
  const median = n % 2 === 1 ? hours[(n - 1) / 2]! : (hours[n / 2 - 1]! + hours[n / 2]!) / 2;
  return { median: Math.round(median * 100) / 100, n };
}

const KPIS: KpiDefinition[] = [
  { id: 'open-incidents', name: 'Incidents (all time)', unit: 'incidents', direction: 'lower', baseline: null, target: 10, source: { kind: 'jqlCount', jql: 'issuetype = Incident' } },
  { id: 'sla-breaches', name: 'Breaches of commitments', unit: 'breaches', direction: 'lower', baseline: null, target: 0, source: { kind: 'jqlCount', jql: 'labels = "sla-breach"' } },
  { id: 'all-issues', name: 'All issues', unit: 'issues', direction: 'higher', baseline: null, target: null, source: { kind: 'jqlCount', jql: '' } },
  { id: 'other-project', name: 'Trying to count OPS', unit: 'issues', direction: 'lower', baseline: null, target: null, source: { kind: 'jqlCount', jql: 'project = OPS OR project = SMS' } },
  { id: 'time-to-restore', name: 'Time to restore', unit: 'hours', direction: 'lower', baseline: null, target: 24, source: { kind: 'jqlMedianDuration', jql: 'issuetype = Incident', from: 'created', to: 'resolutiondate', durationUnit: 'hours' } },
  { id: 'change-lead-time', name: 'Change lead time', unit: 'days', direction: 'lower', baseline: null, target: 3, source: { kind: 'jqlMedianDuration', jql: 'issuetype = Change AND resolved IS NOT EMPTY', from: 'created', to: 'resolutiondate', durationUnit: 'days' } },
  { id: 'csat', name: 'Customer satisfaction', unit: '%', direction: 'higher', baseline: 70, target: 85, source: { kind: 'manual' } },
];

describe('initiation in the sandbox', () => {
  let version = 0;

  it('saves KPI definitions; a member without write access is refused', async () => {
    const refused = await invoke('saveKpis', MEMBER, { version: 0, kpis: KPIS });
    expect(refused.error?.code).toBe('FORBIDDEN');
    const view = ok(await invoke<InitiationView>('saveKpis', ADMIN, { version: 0, kpis: KPIS }));
    expect(view.initiation.kpis.map((k) => k.id)).toEqual(KPIS.map((k) => k.id));
    version = view.version;
  });

  async function compute(kpiId: string): Promise<ComputeKpiResponse> {
    const r = ok(await invoke<ComputeKpiResponse>('computeKpi', ADMIN, { version, kpiId }));
    version = r.view.version;
    return r;
  }

  it('counts the issues of a JQL query exactly as a hand count over the seeded data', async () => {
    const incidents = smsIssues.filter((i) => i.issueTypeId === INCIDENT_TYPE_ID).length;
    const breaches = smsIssues.filter((i) => i.labels.includes('sla-breach')).length;
    expect(incidents).toBeGreaterThan(20);
    expect(breaches).toBeGreaterThan(0);

    expect((await compute('open-incidents')).computation).toMatchObject({ value: incidents, issueCount: incidents });
    expect((await compute('sla-breaches')).computation.value).toBe(breaches);
    const all = await compute('all-issues');
    expect(all.computation.value).toBe(smsIssues.length);
    expect(smsIssues.length).toBeGreaterThan(150);
  });

  it('never counts another project: the query is narrowed to SMS', async () => {
    const opsIssues = seedIssues.filter((i) => i.projectId !== SMS_PROJECT_ID).length;
    expect(opsIssues).toBeGreaterThan(0);
    const r = await compute('other-project');
    expect(r.computation.value).toBe(smsIssues.length);
    expect(r.computation.jql).toBe('project = "SMS" AND (project = OPS OR project = SMS)');
  });

  it('computes the median time between two dates as a hand computation does', async () => {
    const incidents = handMedianHours(smsIssues.filter((i) => i.issueTypeId === INCIDENT_TYPE_ID));
    const restore = await compute('time-to-restore');
    expect(restore.computation.value).toBe(incidents.median);
    expect(restore.computation.sampleSize).toBe(incidents.n);
    expect(restore.computation.issueCount).toBe(smsIssues.filter((i) => i.issueTypeId === INCIDENT_TYPE_ID).length);

    const changes = handMedianHours(smsIssues.filter((i) => i.issueTypeId === CHANGE_TYPE_ID && i.resolutiondate !== null));
    const lead = await compute('change-lead-time');
    expect(lead.computation.value).toBe(Math.round((hoursToDays(changes.median)) * 100) / 100);
    expect(lead.computation.sampleSize).toBe(changes.n);

    // The computed values are stored as measurements with a note saying what was counted.
    const kpi = lead.view.initiation.kpis.find((k) => k.id === 'time-to-restore');
    expect(kpi?.measurements).toHaveLength(1);
    expect(kpi?.measurements[0]).toMatchObject({ value: incidents.median, by: ADMIN });
    expect(kpi?.measurements[0]?.note).toContain(`over ${incidents.n} of`);
  });

  it('refuses to compute a manual KPI and records its measurements by hand', async () => {
    const manual = await invoke('computeKpi', ADMIN, { version, kpiId: 'csat' });
    expect(manual.error?.code).toBe('VALIDATION_FAILED');
    let view = ok(await invoke<InitiationView>('recordKpiMeasurement', ADMIN, { version, kpiId: 'csat', value: 72, note: 'Q1 survey' }));
    view = ok(await invoke<InitiationView>('recordKpiMeasurement', ADMIN, { version: view.version, kpiId: 'csat', value: 78.5, note: 'Q2 survey' }));
    version = view.version;
    const progress = view.kpiProgress.find((p) => p.kpiId === 'csat');
    expect(progress?.latest?.value).toBe(78.5);
    expect(progress?.progress).toBeCloseTo((78.5 - 70) / (85 - 70), 5);
  });

  it('publishes the Business case page and updates it in place, viewable in the sandbox Confluence', async () => {
    const before = await invoke('publishBusinessCase', ADMIN);
    expect(before.error?.code).toBe('CONFIG_MISSING');
    const settings = ok(await invoke<{ version: number }>('getProjectSettings', ADMIN));
    ok(await invoke('saveProjectSettings', ADMIN, { confluenceSpaceKey: 'SMS', confluenceParentPageId: null, epicIssueTypeId: null, editorRoleId: null, version: settings.version }));

    const first = ok(await invoke<PublishBusinessCaseResponse>('publishBusinessCase', ADMIN));
    expect(first.page).toMatchObject({ created: true, version: 1, title: 'Business case: Service Management' });
    expect(first.page.url).toBe(`/wiki/spaces/SMS/pages/${first.page.pageId}`);
    expect(first.view.initiation.published).toMatchObject({ pageId: first.page.pageId, publishedBy: ADMIN });

    const again = ok(await invoke<PublishBusinessCaseResponse>('publishBusinessCase', ADMIN));
    expect(again.page).toMatchObject({ pageId: first.page.pageId, created: false, version: 2 });

    const html = await (await fetch(`${harness.sandbox.url}${first.page.url}`, { headers: { cookie: `sandbox-user=${encodeURIComponent(ADMIN)}` } })).text();
    expect(html).toContain('Business case: Service Management');
    expect(html).toContain('Customer satisfaction');
    expect(html).toContain('Time to restore');
  });

  it('publishBusinessCase checks before it writes: a stale version is refused (CONFLICT naming who saved when) with no Confluence call, and an edit landing during the page write never turns a written page into a refusal', async () => {
    const store = new InMemoryKvStore();
    const confluenceWrites: string[] = [];
    const initiation = new InitiationRepository(store);
    let onPageWrite: (() => Promise<void>) | undefined;
    const inner = createHttpProductApi(harness.sandbox.url, () => ADMIN);
    const watch = (r: ProductRequester): ProductRequester => ({
      requestJira: (p, i) => r.requestJira(p, i),
      requestConfluence: async (p, i) => {
        if ((i?.method ?? 'GET') !== 'GET') {
          confluenceWrites.push(`${i?.method} ${p.value}`);
          const hook = onPageWrite;
          onPageWrite = undefined;
          await hook?.(); // another user saves the initiation while the page is being written
        }
        return r.requestConfluence(p, i);
      },
    });
    const app = createApp({ api: { asUser: () => watch(inner.asUser()), asApp: () => watch(inner.asApp()) }, store, queue: { push: async () => 'q' }, log: () => undefined });
    const call = async <T,>(payload: unknown): Promise<BridgeResult<T>> =>
      (await app.resolverHandler(
        { call: { functionKey: 'publishBusinessCase', payload }, context: { accountId: ADMIN, siteUrl: harness.sandbox.url, moduleKey: 'sms-navigator-project-page', extension: { type: 'jira:projectPage', project: { id: SMS_PROJECT_ID, key: 'SMS', type: 'software' } } } },
        { principal: { accountId: ADMIN } },
      )) as BridgeResult<T>;
    await new SettingsRepository(store).save(SMS_PROJECT_ID, { confluenceSpaceKey: 'SMS', confluenceParentPageId: null, epicIssueTypeId: null, editorRoleId: null }, 0, ADMIN);
    await initiation.update(SMS_PROJECT_ID, 0, MEMBER, (cur) => cur);
    await initiation.update(SMS_PROJECT_ID, 1, MEMBER, (cur) => cur);

    const stale = await call({ expectedVersion: 1 });
    expect(stale.error).toMatchObject({ code: 'CONFLICT', details: { updatedByName: 'Mo Member' } });
    expect(stale.error?.message).toMatch(/^Mo Member saved the initiation at \d{4}-\d\d-\d\d \d\d:\d\d UTC \(version 2; you had version 1\)/);
    expect(confluenceWrites).toEqual([]);

    onPageWrite = async () => {
      await initiation.update(SMS_PROJECT_ID, 2, MEMBER, (cur) => cur);
    };
    const raced = await call<PublishBusinessCaseResponse>({ expectedVersion: 2 });
    expect(raced.error).toBeUndefined();
    expect(confluenceWrites).toHaveLength(1);
    expect(raced.data.view.initiation.published).toMatchObject({ pageId: raced.data.page.pageId, publishedBy: ADMIN });
    expect((await initiation.get(SMS_PROJECT_ID)).version).toBe(4); // the edit made meanwhile (3) is kept
  });

  it('sent only requests and got only responses that match the official OpenAPI specs', async () => {
    const traffic = await harness.checkTraffic();
    expect(traffic.requestsValidated).toBeGreaterThan(5);
    expect(traffic.violations).toBe('');
  });
});

function hoursToDays(hours: number): number {
  return hours / 24;
}
