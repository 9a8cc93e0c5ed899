import { clauseIssuesJql } from '../../src/domain/issue-index';
import type { Route } from '@forge/api';
import type { IssueClausesResponse, ListClausesResponse, PreviewBulkMappingResponse } from '../../src/contract/mapping';
import { EVIDENCE_KINDS } from '../../src/domain/vocabulary';
import type { JobEvent } from '../../src/platform/job-queue';
import type { ProductApi, ProductRequestInit, ProductResponse } from '../../src/platform/product-api';
import { createApp } from '../../src/wiring';
import { SettingsRepository } from '../../src/storage/settings-repository';
import { ADMIN, EDITOR_ROLE_ID, FakePermissionGateway, MEMBER, OUTSIDER, PROJECT, RecordingStore, forgeContext, recordingLogger, resolverInvoker } from './resolver-fakes';

const READER = '557058:reader-without-edit';
const ISSUE = { id: '10042', key: 'SMS-42', type: 'Incident' };

/** A Jira that knows one issue of project SMS and records every call (who, method, path). */
function fakeJira(property?: unknown) {
  const calls: string[] = [];
  const searches: unknown[] = [];
  let stored = property;
  const respond = (status: number, body?: unknown): ProductResponse => ({
    ok: status < 300,
    status,
    statusText: String(status),
    headers: { get: () => (body === undefined ? null : 'application/json') },
    json: async () => body,
    text: async () => (body === undefined ? '' : JSON.stringify(body)),
  });
  const requester = (who: string) => ({
    requestJira: async (path: Route, init?: ProductRequestInit): Promise<ProductResponse> => {
      const method = init?.method ?? 'GET';
      calls.push(`${who} ${method} ${path.value.split('?')[0]}`);
      if (method === 'GET' && path.value.startsWith(`/rest/api/3/issue/${ISSUE.id}?`)) {
        return respond(200, {
          id: ISSUE.id,
          key: ISSUE.key,
          fields: {
            summary: 'VPN outage for the Berlin office',
            description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Users cannot connect; major incident declared.' }] }] },
            issuetype: { name: 'Incident' },
            labels: ['outage'],
            components: [{ name: 'Network' }],
            project: { id: PROJECT.id, key: PROJECT.key },
          },
          properties: stored === undefined ? {} : { 'sms-navigator-mapping': stored },
        });
      }
      if (method === 'PUT' && path.value === `/rest/api/3/issue/${ISSUE.id}/properties/sms-navigator-mapping`) {
        stored = JSON.parse(init?.body ?? 'null');
        return respond(200);
      }
      if (method === 'POST' && path.value === '/rest/api/3/search/jql') {
        searches.push(JSON.parse(init?.body ?? 'null'));
        return respond(200, { issues: [], isLast: true });
      }
      return respond(404, { errorMessages: [`no fake for ${method} ${path.value}`] });
    },
    requestConfluence: async (): Promise<ProductResponse> => {
      throw new Error('unexpected Confluence call');
    },
  });
  const api: ProductApi = { asUser: () => requester('user'), asApp: () => requester('app') };
  return { api, calls, searches, stored: () => stored };
}

/** `editors`: who is in the SMS editor role set in the settings (saved before the test starts). */
async function setup(property?: unknown, settings: { editors?: string[]; issueMappingOpen?: boolean } = {}) {
  const store = new RecordingStore();
  const jira = fakeJira(property);
  const gateway = new FakePermissionGateway({
    [ADMIN]: ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS', 'EDIT_ISSUES'],
    [MEMBER]: ['BROWSE_PROJECTS', 'EDIT_ISSUES'],
    [READER]: ['BROWSE_PROJECTS'],
    [OUTSIDER]: [],
  }, { [EDITOR_ROLE_ID]: settings.editors ?? [MEMBER, READER] });
  await new SettingsRepository(store.inner).save(PROJECT.id, { confluenceSpaceKey: 'SMS', confluenceParentPageId: null, epicIssueTypeId: null, editorRoleId: EDITOR_ROLE_ID, issueMappingOpen: settings.issueMappingOpen ?? false }, 0, ADMIN);
  const pushed: JobEvent[] = [];
  const app = createApp({
    api: jira.api,
    store,
    queue: { push: async (events) => (pushed.push(...events), 'job') },
    log: recordingLogger().log,
    permissions: gateway,
  });
  const call = resolverInvoker(app, gateway);
  const invoke = <T,>(functionKey: string, payload: unknown, accountId: string, onIssue = true) =>
    call<T>(functionKey, payload, accountId, onIssue ? forgeContext('jira:issuePanel', { issue: ISSUE }) : forgeContext());
  return { store, jira, gateway, pushed, invoke };
}

const writes = (calls: string[]): string[] => calls.filter((c) => !c.includes(' GET ') && !c.endsWith('/search/jql'));

describe('listClauses', () => {
  it('offers every catalogue clause with its top clause and the evidence kinds to anyone who may browse, without calling Jira', async () => {
    const t = await setup();
    const r = await t.invoke<ListClausesResponse>('listClauses', {}, READER, false);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.clauses.find((c) => c.id === '8.6.1')).toMatchObject({ id: '8.6.1', parentId: '8.6', topId: '8' });
    expect(r.data.kinds.map((k) => k.id)).toEqual([...EVIDENCE_KINDS]);
    expect(t.jira.calls).toEqual([]);
    expect((await t.invoke('listClauses', {}, OUTSIDER, false)).ok).toBe(false);
  });
});

describe('getIssueClauses', () => {
  it('reads the issue of the trusted context and suggests clauses from its text with the words behind them', async () => {
    const { invoke, jira } = await setup({ clauses: ['5.2'], kinds: ['policy'], phases: [] });
    const res = await invoke<IssueClausesResponse>('getIssueClauses', {}, MEMBER);
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data.issue).toEqual({ id: ISSUE.id, key: ISSUE.key, summary: 'VPN outage for the Berlin office' });
    expect(res.data.mapped).toEqual([{ clauseId: '5.2', kind: 'policy', title: 'Policy', jql: clauseIssuesJql('SMS', '5.2') }]);
    expect(res.data.suggestions[0]).toMatchObject({ clauseId: '8.6.1' });
    expect(res.data.suggestions[0]?.reasons.length).toBeGreaterThan(0);
    expect(res.data.suggestions.length).toBeLessThanOrEqual(5);
    expect(res.data.canEdit).toBe(true);
    expect(jira.calls).toEqual([`user GET /rest/api/3/issue/${ISSUE.id}`]);
  });

  it('refuses an outsider before calling Jira, and a call without an issue in the context', async () => {
    const { invoke, jira } = await setup();
    expect(await invoke('getIssueClauses', {}, OUTSIDER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(jira.calls).toEqual([]);
    expect(await invoke('getIssueClauses', {}, MEMBER, false)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('saveIssueClauses', () => {
  it('adds a clause with its evidence kind and remembers a rejection, in one property write as the user', async () => {
    const { invoke, jira } = await setup();
    const res = await invoke<IssueClausesResponse>(
      'saveIssueClauses',
      { changes: [{ action: 'add', clauseId: '8.6.1', kind: 'record' }, { action: 'reject', clauseId: '8.7.1' }] },
      MEMBER,
    );
    if (!res.ok) throw new Error(res.error.message);
    expect(jira.stored()).toEqual({ clauses: ['8.6.1'], kinds: ['record'], phases: [], byClause: { '8.6.1': 'record' }, rejected: ['8.7.1'] });
    expect(writes(jira.calls)).toEqual([`user PUT /rest/api/3/issue/${ISSUE.id}/properties/sms-navigator-mapping`]);
    expect(res.data.suggestions.map((s) => s.clauseId)).not.toContain('8.7.1');
    expect(res.data.rejected).toEqual(['8.7.1']);
  });

  it('keeps fields other features own (phases) and does not rewrite an unchanged mapping', async () => {
    const { invoke, jira } = await setup({ clauses: ['8.6.1'], kinds: ['record'], phases: ['phase-1'], byClause: { '8.6.1': 'record' }, rejected: [] });
    await invoke('saveIssueClauses', { changes: [{ action: 'add', clauseId: '8.6.1', kind: 'record' }] }, MEMBER);
    expect(writes(jira.calls)).toEqual([]);
    await invoke('saveIssueClauses', { changes: [{ action: 'setKind', clauseId: '8.6.1', kind: 'report' }] }, MEMBER);
    expect(jira.stored()).toMatchObject({ phases: ['phase-1'], kinds: ['report'], byClause: { '8.6.1': 'report' } });
  });

  it('refuses unknown clause ids, naming them, and writes nothing', async () => {
    const { invoke, jira } = await setup();
    const res = await invoke('saveIssueClauses', { changes: [{ action: 'add', clauseId: '8.6.9', kind: 'record' }, { action: 'add', clauseId: '11', kind: 'plan' }] }, MEMBER);
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { unknownClauseIds: ['8.6.9', '11'] } } });
    expect(jira.calls).toEqual([]);
  });

  it('refuses a bad evidence kind and an empty change list at the payload check', async () => {
    const { invoke, jira } = await setup();
    expect(await invoke('saveIssueClauses', { changes: [{ action: 'add', clauseId: '8.6.1', kind: 'secret' }] }, MEMBER)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await invoke('saveIssueClauses', { changes: [] }, MEMBER)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(jira.calls).toEqual([]);
  });

  it('refuses a user who may browse but not edit issues, before reading or writing the issue', async () => {
    const { invoke, jira, gateway } = await setup();
    const res = await invoke('saveIssueClauses', { changes: [{ action: 'add', clauseId: '8.6.1', kind: 'record' }] }, READER);
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { needed: 'EDIT_ISSUES' } } });
    expect(jira.calls).toEqual([]);
    expect(gateway.calls).toContain(`getMyPermissions ${PROJECT.id} BROWSE_PROJECTS,ADMINISTER_PROJECTS,EDIT_ISSUES as user`);
  });

  it('refuses a member who can edit issues but is not in the editor role, unless the project opened mapping to everyone who can edit', async () => {
    const change = { changes: [{ action: 'add', clauseId: '8.6.1', kind: 'record' }] };
    const closed = await setup(undefined, { editors: [] });
    expect(await closed.invoke('saveIssueClauses', change, MEMBER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { needed: 'map-issue' } } });
    expect(closed.jira.calls).toEqual([]);
    const panel = await closed.invoke<IssueClausesResponse>('getIssueClauses', {}, MEMBER);
    expect(panel.ok && panel.data.canEdit).toBe(false);

    const open = await setup(undefined, { editors: [], issueMappingOpen: true });
    expect(await open.invoke('saveIssueClauses', change, MEMBER)).toMatchObject({ ok: true });
    const openPanel = await open.invoke<IssueClausesResponse>('getIssueClauses', {}, MEMBER);
    expect(openPanel.ok && openPanel.data.canEdit).toBe(true);
  });
});

describe('bulk mapping resolvers', () => {
  it('previews with the project ANDed in front of the user\'s JQL and stores nothing in Jira', async () => {
    const { invoke, jira } = await setup();
    const res = await invoke<PreviewBulkMappingResponse>('previewBulkMapping', { source: 'jql', jql: 'type = Incident', clauses: [{ clauseId: '8.6.1', kind: 'record' }] }, ADMIN, false);
    if (!res.ok) throw new Error(res.error.message);
    expect(res.data).toMatchObject({ matched: 0, items: [] });
    expect(jira.searches).toEqual([expect.objectContaining({ jql: 'project = "SMS" AND (type = Incident) ORDER BY key ASC', properties: ['sms-navigator-mapping'] })]);
    expect(writes(jira.calls)).toEqual([]);
  });

  it('refuses a JQL that tries to close the project parenthesis, unknown clauses, and a member outside the editor role', async () => {
    const { invoke, jira } = await setup(undefined, { editors: [] });
    expect(await invoke('previewBulkMapping', { source: 'jql', jql: 'type = Bug) OR (project = OPS', clauses: [{ clauseId: '8.6.1', kind: 'record' }] }, ADMIN, false)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await invoke('previewBulkMapping', { source: 'jql', jql: 'type = Bug', clauses: [{ clauseId: '99', kind: 'record' }] }, ADMIN, false)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { unknownClauseIds: ['99'] } },
    });
    expect(await invoke('previewBulkMapping', { source: 'suggestions' }, READER, false)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(jira.calls).toEqual([]);
  });

  it('refuses a payload naming another project', async () => {
    const { invoke } = await setup();
    expect(await invoke('previewBulkMapping', { source: 'suggestions', projectKey: 'OPS' }, ADMIN, false)).toMatchObject({ ok: false, error: { code: 'PROJECT_MISMATCH' } });
  });

  it('refuses to start an unknown preview or an empty selection, and queues nothing', async () => {
    const { invoke, pushed, store } = await setup();
    expect(await invoke('startBulkMapping', { previewId: 'nope', issueIds: ['10042'] }, ADMIN, false)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await invoke('startBulkMapping', { previewId: 'nope', issueIds: [] }, ADMIN, false)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await invoke('undoBulkMapping', {}, ADMIN, false)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(pushed).toEqual([]);
    expect(store.writes).toEqual([]);
  });
});
