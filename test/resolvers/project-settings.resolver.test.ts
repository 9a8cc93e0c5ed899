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
  const app = createApp({
    api: userDirectoryApi(undefined, productCalls, lookups),
    store,
    queue: noQueue,
    log: recordingLogger().log,
    permissions: gateway,
    now: () => NOW,
  });
  const call = resolverInvoker(app, gateway);
  const invoke = <T,>(functionKey: string, payload: unknown, accountId: string, moduleType?: 'jira:projectSettingsPage') =>
    call<T>(functionKey, payload, accountId, forgeContext(moduleType));
  return { store, gateway, invoke, productCalls, lookups };
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
        epicIssueTypeId: null, editorRoleId: null, version: 0, updatedAt: null, updatedBy: null, people: {},
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
        projectId: PROJECT.id, configured: true, ...goodSettings, version: 1, updatedAt: NOW.toISOString(), updatedBy: ADMIN,
        people: { [ADMIN]: 'Pat Project-Admin' },
      },
    });
    const read = await t.invoke<ProjectSettingsView>('getProjectSettings', {}, MEMBER);
    expect(read).toEqual(saved);
    // One name lookup per call, as the caller; nothing else reaches Jira.
    expect(t.lookups).toEqual([{ as: 'asUser', ids: [ADMIN] }, { as: 'asUser', ids: [ADMIN] }]);
    expect(t.productCalls).toEqual([]);
  });

  it('refuses a save based on a stale version with CONFLICT giving who saved last in the details, and keeps their data', async () => {
    const t = setup();
    await t.invoke('saveProjectSettings', { ...goodSettings, version: 0 }, ADMIN);
    const stale = await t.invoke('saveProjectSettings', { ...goodSettings, confluenceSpaceKey: 'OTHER', version: 0 }, ADMIN);
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { expectedVersion: 0, currentVersion: 1, updatedBy: ADMIN, updatedAt: NOW.toISOString() } },
    });
    expect((stale as { error: { message: string } }).error.message).toMatch(/^Someone else saved these settings at 2026-03-01T09:30:00.000Z \(version 1; you had version 0\)/);
    const read = await t.invoke<ProjectSettingsView>('getProjectSettings', {}, ADMIN);
    expect(read).toMatchObject({ ok: true, data: { confluenceSpaceKey: 'SMS', version: 1 } });
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
