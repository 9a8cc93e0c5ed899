import type { AppContextResponse } from '../../src/contract/app-context';
import type { ProjectSettingsResponse as ProjectSettingsView } from '../../src/contract/settings';
import { createApp } from '../../src/wiring';
import {
  ADMIN,
  EDITOR_ROLE_ID,
  FakePermissionGateway,
  MEMBER,
  OUTSIDER,
  PROJECT,
  RecordingStore,
  userDirectoryApi,
  forgeContext,
  noQueue,
  recordingLogger,
  resolverInvoker,
} from './resolver-fakes';

const NOW = new Date('2026-03-01T09:30:00.000Z');

function setup() {
  const store = new RecordingStore();
  const gateway = new FakePermissionGateway();
  const productCalls: string[] = [];
  const lookups: { as: string; ids: string[] }[] = [];
  const settingsCalls: string[] = [];
  const app = createApp({
    api: userDirectoryApi(undefined, productCalls, lookups, settingsCalls),
    store,
    queue: noQueue,
    log: recordingLogger().log,
    permissions: gateway,
    now: () => NOW,
  });
  const call = resolverInvoker(app, gateway);
  const invoke = <T,>(functionKey: string, payload: unknown, accountId: string, moduleType?: 'jira:projectSettingsPage') =>
    call<T>(functionKey, payload, accountId, forgeContext(moduleType));
  return { store, gateway, invoke, productCalls, lookups, settingsCalls };
}

const goodSettings = {
  confluenceSpaceKey: 'SMS',
  confluenceParentPageId: '98305',
  epicIssueTypeId: '10000',
  editorRoleId: EDITOR_ROLE_ID,
};

describe('getProjectSettings / saveProjectSettings resolvers', () => {
  it('returns unconfigured defaults at version 0 before the first save', async () => {
    const t = setup();
    const result = await t.invoke<ProjectSettingsView>('getProjectSettings', {}, MEMBER);
    expect(result).toEqual({
      ok: true,
      data: {
        projectId: PROJECT.id, configured: false, confluenceSpaceKey: null, confluenceParentPageId: null,
        epicIssueTypeId: null, editorRoleId: null, issueMappingOpen: false, version: 0, updatedAt: null, updatedBy: null, people: {},
      },
    });
    expect(t.lookups).toEqual([]);
  });

  it('saves as a project admin, bumps the version and returns who saved when', async () => {
    const t = setup();
    const saved = await t.invoke<ProjectSettingsView>('saveProjectSettings', { ...goodSettings, version: 0 }, ADMIN, 'jira:projectSettingsPage');
    expect(saved).toEqual({
      ok: true,
      data: {
        projectId: PROJECT.id, configured: true, ...goodSettings, issueMappingOpen: false, version: 1, updatedAt: NOW.toISOString(), updatedBy: ADMIN,
        people: { [ADMIN]: 'Pat Project-Admin' },
      },
    });
    const read = await t.invoke<ProjectSettingsView>('getProjectSettings', {}, MEMBER);
    expect(read).toEqual(saved);
    // One name lookup per call, as the caller; the save checks its four choices once each, as the caller.
    expect(t.lookups).toEqual([{ as: 'asUser', ids: [ADMIN] }, { as: 'asUser', ids: [ADMIN] }]);
    expect([...t.settingsCalls].sort()).toEqual([
      'asUser /rest/api/3/issuetype/project?projectId=10000',
      'asUser /rest/api/3/project/10000/role',
      'asUser /wiki/api/v2/pages/98305?body-format=atlas_doc_format',
      'asUser /wiki/api/v2/spaces?keys=SMS',
    ]);
    expect(t.productCalls).toEqual([]);
  });

  it('refuses a save based on a stale version with CONFLICT giving who saved last in the details, and keeps their data', async () => {
    const t = setup();
    await t.invoke('saveProjectSettings', { ...goodSettings, version: 0 }, ADMIN);
    const stale = await t.invoke('saveProjectSettings', { ...goodSettings, confluenceParentPageId: null, version: 0 }, ADMIN);
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { expectedVersion: 0, currentVersion: 1, updatedBy: ADMIN, updatedAt: NOW.toISOString() } },
    });
    expect((stale as { error: { message: string } }).error.message).toMatch(/^Pat Project-Admin saved these settings at 2026-03-01 09:30 UTC \(version 1; you had version 0\)/);
    const read = await t.invoke<ProjectSettingsView>('getProjectSettings', {}, ADMIN);
    expect(read).toMatchObject({ ok: true, data: { confluenceParentPageId: '98305', version: 1 } });
  });

  it('refuses, naming each field, a space the user cannot see, a page of another space, a subtask type and an unknown role', async () => {
    const t = setup();
    const unknownSpace = await t.invoke('saveProjectSettings', { ...goodSettings, confluenceSpaceKey: 'NOPE', version: 0 }, ADMIN);
    expect(unknownSpace).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'confluenceSpaceKey', message: 'there is no Confluence space with key NOPE, or you cannot see it' }] } },
    });
    const wrong = await t.invoke('saveProjectSettings', { confluenceSpaceKey: 'SMS', confluenceParentPageId: '99999', epicIssueTypeId: '10002', editorRoleId: '77777', version: 0 }, ADMIN);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect((wrong as unknown as { error: { details: { issues: unknown[] } } }).error.details.issues).toEqual([
      { path: 'confluenceParentPageId', message: 'page 99999 ("Elsewhere") is not a current page of space SMS' },
      { path: 'epicIssueTypeId', message: 'Sub-task is at hierarchy level -1, not the epic level (1): it cannot hold the work items' },
      { path: 'editorRoleId', message: 'project role 77777 does not exist in this project' },
    ]);
    const missing = await t.invoke('saveProjectSettings', { ...goodSettings, confluenceParentPageId: '12345', epicIssueTypeId: '424242', version: 0 }, ADMIN);
    expect((missing as unknown as { error: { details: { issues: unknown[] } } }).error.details.issues).toEqual([
      { path: 'confluenceParentPageId', message: 'page 12345 does not exist, or you cannot see it' },
      { path: 'epicIssueTypeId', message: 'issue type 424242 is not used in this project' },
    ]);
    expect(t.store.writes).toEqual([]);
    expect(t.settingsCalls.every((c) => c.startsWith('asUser '))).toBe(true);
  });

  it('refuses a standard issue type (hierarchy level 0) as the epic type, writing nothing', async () => {
    const t = setup();
    const task = await t.invoke('saveProjectSettings', { ...goodSettings, epicIssueTypeId: '10001', version: 0 }, ADMIN);
    expect(task).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'epicIssueTypeId', message: 'Task is at hierarchy level 0, not the epic level (1): it cannot hold the work items' }] } },
    });
    expect(t.store.writes).toEqual([]);
  });

  it('matches the space key case-insensitively and stores the space\'s own key ("sms" works like "SMS")', async () => {
    const t = setup();
    const saved = await t.invoke('saveProjectSettings', { confluenceSpaceKey: 'sms', confluenceParentPageId: null, epicIssueTypeId: null, editorRoleId: null, version: 0 }, ADMIN);
    expect(saved).toMatchObject({ ok: true, data: { version: 1, confluenceSpaceKey: 'SMS', configured: true } });
    expect(t.settingsCalls).toEqual(['asUser /wiki/api/v2/spaces?keys=sms%2CSMS']);
  });

  it('checks only the space when the optional choices are empty', async () => {
    const t = setup();
    const saved = await t.invoke('saveProjectSettings', { confluenceSpaceKey: 'SMS', confluenceParentPageId: null, epicIssueTypeId: null, editorRoleId: null, version: 0 }, ADMIN);
    expect(saved).toMatchObject({ ok: true, data: { version: 1 } });
    expect(t.settingsCalls).toEqual(['asUser /wiki/api/v2/spaces?keys=SMS']);
  });

  it('refuses settings changes from a member even when they are in the editor role (settings decide who may write)', async () => {
    const t = setup();
    await t.invoke('saveProjectSettings', { ...goodSettings, version: 0 }, ADMIN);
    t.store.writes.length = 0;
    const result = await t.invoke('saveProjectSettings', { ...goodSettings, editorRoleId: null, version: 1 }, MEMBER);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(t.store.writes).toEqual([]);
  });

  it('rejects a malformed space key and ids with VALIDATION_FAILED and writes nothing', async () => {
    const t = setup();
    const result = await t.invoke(
      'saveProjectSettings',
      { confluenceSpaceKey: 'not a key!', confluenceParentPageId: 'abc', epicIssueTypeId: null, editorRoleId: null, version: -1 },
      ADMIN,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const paths = (result as unknown as { error: { details: { issues: { path: string }[] } } }).error.details.issues.map((i) => i.path).sort();
    expect(paths).toEqual(['confluenceParentPageId', 'confluenceSpaceKey', 'version']);
    expect(t.store.writes).toEqual([]);
  });

  it('rejects a save whose payload names another project with PROJECT_MISMATCH and writes nothing', async () => {
    const t = setup();
    const result = await t.invoke('saveProjectSettings', { ...goodSettings, version: 0, projectKey: 'OPS' }, ADMIN);
    expect(result).toMatchObject({ ok: false, error: { code: 'PROJECT_MISMATCH' } });
    expect(t.store.writes).toEqual([]);
  });
});

describe('getAppContext resolver', () => {
  it('tells an admin they can read and edit, with the project and the settings', async () => {
    const t = setup();
    const result = await t.invoke<AppContextResponse>('getAppContext', {}, ADMIN);
    expect(result).toEqual({
      ok: true,
      data: {
        project: { id: PROJECT.id, key: PROJECT.key, type: 'software' },
        issue: null,
        moduleKey: 'sms-navigator-project-page',
        user: { accountId: ADMIN },
        permissions: { canRead: true, canEdit: true, isProjectAdmin: true },
        settings: expect.objectContaining({ configured: false, version: 0 }),
        confluence: { connected: true, message: null },
      },
    });
  });

  it('tells a member they can edit only once the admin has put their role in the settings', async () => {
    const t = setup();
    const before = await t.invoke<AppContextResponse>('getAppContext', {}, MEMBER);
    expect(before).toMatchObject({ ok: true, data: { permissions: { canRead: true, canEdit: false, isProjectAdmin: false } } });
    await t.invoke('saveProjectSettings', { ...goodSettings, version: 0 }, ADMIN);
    const after = await t.invoke<AppContextResponse>('getAppContext', {}, MEMBER);
    expect(after).toMatchObject({
      ok: true,
      data: { permissions: { canRead: true, canEdit: true, isProjectAdmin: false }, settings: { editorRoleId: EDITOR_ROLE_ID } },
    });
  });

  it('refuses an outsider with FORBIDDEN', async () => {
    const t = setup();
    const result = await t.invoke('getAppContext', {}, OUTSIDER);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
