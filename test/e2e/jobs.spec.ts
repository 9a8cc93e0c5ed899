import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { EMPTY_MAPPING_VALUE } from '../../src/domain/mapping/mapping-property';
import { ADMIN, SHOTS, openView, startOwnSandbox, type OwnSandbox } from './support';

// An interrupted bulk mapping, in a sandbox of its own: Jira stops answering after the first batch was written,
// the queue retries as Forge would and gives up, the job shows as interrupted with Resume and Abandon, and
// Abandon undoes exactly what the job wrote.
let sandbox: OwnSandbox;
test.beforeAll(async () => {
  sandbox = await startOwnSandbox('sms-nav-jobs-');
});
test.afterAll(async () => {
  await sandbox?.stop();
});

const MAPPING = 'sms-navigator-mapping';

async function bridge(request: APIRequestContext, functionKey: string, payload: unknown): Promise<{ ok: boolean; data: Record<string, unknown> }> {
  const res = await request.post(`${sandbox.baseURL}/bridge/invoke`, {
    headers: { cookie: `sandbox-user=${encodeURIComponent(ADMIN)}` },
    data: { functionKey, payload, moduleKey: 'sms-navigator-project-page', projectKey: 'SMS' },
  });
  return (await res.json()) as { ok: boolean; data: Record<string, unknown> };
}

/** Every SMS issue's mapping property (undefined when it has none), by issue id. */
async function mappings(request: APIRequestContext): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  let token: string | undefined;
  do {
    const res = await request.post(`${sandbox.baseURL}/rest/api/3/search/jql`, {
      headers: { 'x-sandbox-account-id': ADMIN },
      data: { jql: 'project = "SMS" ORDER BY key ASC', fields: ['summary'], properties: [MAPPING], maxResults: 100, ...(token ? { nextPageToken: token } : {}) },
    });
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { issues: { id: string; properties?: Record<string, unknown> }[]; nextPageToken?: string };
    for (const i of body.issues) out.set(i.id, i.properties?.[MAPPING]);
    token = body.nextPageToken;
  } while (token);
  return out;
}

/** The mappings as a plain object by issue id, an issue without a mapping and one with the empty mapping alike (absent). */
function comparable(m: Map<string, unknown>): Record<string, unknown> {
  const empty = JSON.stringify(EMPTY_MAPPING_VALUE);
  return Object.fromEntries([...m].filter(([, v]) => v !== undefined && JSON.stringify(v) !== empty).sort(([a], [b]) => a.localeCompare(b)));
}

const faults = (request: APIRequestContext, data: Record<string, unknown>) => request.post(`${sandbox.baseURL}/__sandbox/faults`, { data });

test('an interrupted bulk mapping shows Resume and Abandon; Abandon undoes the partial write', async ({ page, request }) => {
  test.setTimeout(300_000);
  // First every issue gets a mapping of its own (a finished bulk change), so the interrupted change overwrites
  // real mappings and the undo must give them back, not just empty them.
  const first = await bridge(request, 'previewBulkMapping', { source: 'jql', jql: 'key is not EMPTY', clauses: [{ clauseId: '8.2.1', kind: 'record' }] });
  expect(first.ok).toBe(true);
  const items = first.data.items as { issueId: string }[];
  const applied = await bridge(request, 'startBulkMapping', { previewId: first.data.previewId, issueIds: items.map((i) => i.issueId) });
  expect(applied.ok).toBe(true);
  await expect
    .poll(async () => ((await bridge(request, 'getJobStatus', { jobId: applied.data.jobId })).data as { status: string }).status, { timeout: 120_000 })
    .toBe('done');
  const before = await mappings(request);
  expect(Object.keys(comparable(before)).length).toBe(before.size);
  await page.goto(`${sandbox.baseURL}/jira/software/projects/SMS/apps/sms-navigator`);
  const panel = await openView(page, 'Clause mapping');
  await panel.getByLabel('JQL (this project is added for you)').fill('key is not EMPTY');
  await panel.getByLabel('Clause to add').fill('8.2.3');
  await panel.getByLabel('Clause to add').press('Enter');
  await panel.getByRole('button', { name: 'Preview' }).click();
  const apply = panel.getByRole('button', { name: /^Apply to \d+ issues$/ });
  await expect(apply).toBeVisible({ timeout: 30_000 });
  const total = Number(/\d+/.exec((await apply.textContent()) ?? '')?.[0]);
  expect(total).toBeGreaterThan(100); // two write requests at least

  // Every product call now takes 1.5 s, so the test can stop Jira once the first batch is written.
  await faults(request, { latencyMs: 1500 });
  await apply.click();
  for (;;) {
    const status = await bridge(request, 'getBulkMappingStatus', {});
    const job = status.data.job as { done: number } | null;
    if (status.ok && job !== null && job.done > 0) break;
    await page.waitForTimeout(100);
  }
  // Jira answers every call with 429 now: the job's run fails, the queue retries it 4 times, then gives up.
  await faults(request, { rate: 1, kinds: ['429'], retryAfterSeconds: 0 });
  await page.goto('about:blank');
  for (;;) {
    const q = (await (await request.get(`${sandbox.baseURL}/__sandbox/queue`)).json()) as { size: number };
    if (q.size === 0) break;
    await page.waitForTimeout(250);
  }
  await faults(request, {});
  const partial = await mappings(request);
  const written = [...partial].filter(([id, v]) => JSON.stringify(v) !== JSON.stringify(before.get(id))).map(([id]) => id);
  expect(written.length).toBeGreaterThan(0);
  expect(written.length).toBeLessThan(total);

  await page.goto(`${sandbox.baseURL}/jira/software/projects/SMS/apps/sms-navigator`);
  await openView(page, 'Clause mapping');
  await expect(panel.getByText('The bulk mapping change was interrupted')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Resume' })).toBeVisible();
  const abandon = panel.getByRole('button', { name: 'Abandon' });
  await expect(abandon).toBeVisible();
  await panel.getByText('The bulk mapping change was interrupted').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SHOTS, 'jobs-bulk-interrupted.png'), fullPage: true });

  await abandon.click();
  await expect(panel.getByText(/^Undo: \d+ of \d+ issues — finished$/)).toBeVisible({ timeout: 60_000 });
  // Exactly the mappings before the change: every issue, both ways (nothing left over, nothing lost).
  const after = await mappings(request);
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  expect(comparable(after)).toEqual(comparable(before));
  await panel.getByText(/^Job history/).click();
  const history = panel.getByRole('table', { name: 'The bulk mapping change history' });
  await expect(history.getByText('Abandoned', { exact: true })).toBeVisible();
  await expect(history.getByText('Done', { exact: true })).toHaveCount(2); // the first change and the undo
  await page.screenshot({ path: path.join(SHOTS, 'jobs-bulk-abandoned.png'), fullPage: true });
});
