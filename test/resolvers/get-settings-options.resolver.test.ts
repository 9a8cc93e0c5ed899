import type { GetSettingsOptionsResponse } from '../../src/contract/settings';
import { toIssueTypeOptions } from '../../src/services/project-settings-options.service';
import { createApp } from '../../src/wiring';
import {
  ADMIN,
  EDITOR_ROLE_ID,
  FakePermissionGateway,
  MEMBER,
  OUTSIDER,
  RecordingStore,
  forgeContext,
  noQueue,
  recordingLogger,
  resolverInvoker,
  userDirectoryApi,
} from './resolver-fakes';

function setup() {
  const gateway = new FakePermissionGateway();
  const unexpected: string[] = [];
  const settingsCalls: string[] = [];
  const app = createApp({
    api: userDirectoryApi(undefined, unexpected, [], settingsCalls),
    store: new RecordingStore(),
    queue: noQueue,
    log: recordingLogger().log,
    permissions: gateway,
  });
  const call = resolverInvoker(app, gateway);
  const invoke = (payload: unknown, accountId = ADMIN) => call<GetSettingsOptionsResponse>('getSettingsOptions', payload, accountId, forgeContext('jira:projectSettingsPage'));
  return { invoke, unexpected, settingsCalls };
}

describe('getSettingsOptions resolver', () => {
  it('lists the issue types (default epic type marked) and the roles, as the user, without touching Confluence', async () => {
    const t = setup();
    const result = await t.invoke({});
    expect(result).toEqual({
      ok: true,
      data: {
        issueTypes: [
          { id: '10000', name: 'Epic', hierarchyLevel: 1, isDefaultEpic: true },
          { id: '10001', name: 'Task', hierarchyLevel: 0, isDefaultEpic: false },
          { id: '10002', name: 'Sub-task', hierarchyLevel: -1, isDefaultEpic: false },
        ],
        roles: [
          { id: '10002', name: 'Administrators' },
          { id: EDITOR_ROLE_ID, name: 'Editors' },
        ],
        space: null,
        spaces: null,
      },
    });
    expect([...t.settingsCalls].sort()).toEqual(['asUser /rest/api/3/issuetype/project?projectId=10000', 'asUser /rest/api/3/project/10000/role']);
    expect(t.unexpected).toEqual([]);
  });

  it("lists a space's current pages with the home page marked, and skips Jira when includeJira is false", async () => {
    const t = setup();
    const result = await t.invoke({ confluenceSpaceKey: 'SMS', includeJira: false });
    expect(result).toEqual({
      ok: true,
      data: {
        issueTypes: null,
        roles: null,
        space: {
          id: '131073', key: 'SMS', name: 'Service Management', homepageId: '65537', truncated: false,
          pages: [
            { id: '98305', title: 'Reports', parentId: '65537', isHomepage: false },
            { id: '65537', title: 'SMS Home', parentId: null, isHomepage: true },
          ],
        },
        spaces: null,
      },
    });
    expect(t.settingsCalls).toEqual(['asUser /wiki/api/v2/spaces?keys=SMS', 'asUser /wiki/api/v2/spaces/131073/pages?status=current&sort=title&limit=250']);
  });

  it('lists the spaces the caller can see by name for the space picker, only when asked', async () => {
    const t = setup();
    const result = await t.invoke({ includeSpaces: true, includeJira: false });
    expect(result).toMatchObject({ ok: true, data: { spaces: [{ key: 'SMS', name: 'Service Management' }] } });
    expect(t.settingsCalls).toEqual(['asUser /wiki/api/v2/spaces?limit=250']);
  });

  it('answers NOT_FOUND naming the key (for the space key field) when the space does not exist', async () => {
    const t = setup();
    const result = await t.invoke({ confluenceSpaceKey: 'NOPE', includeJira: false });
    expect(result).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'There is no Confluence space with key NOPE, or you cannot see it.', details: { field: 'confluenceSpaceKey', spaceKey: 'NOPE' } },
    });
  });

  it('serves a member (a read-only lookup as the user: Browse is enough) and refuses an outsider before any product call', async () => {
    const t = setup();
    expect(await t.invoke({ confluenceSpaceKey: 'SMS' }, MEMBER)).toMatchObject({ ok: true, data: { space: { key: 'SMS' } } });
    expect(t.settingsCalls.every((c) => c.startsWith('asUser '))).toBe(true);
    t.settingsCalls.length = 0;
    expect(await t.invoke({ confluenceSpaceKey: 'SMS' }, OUTSIDER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(t.settingsCalls).toEqual([]);
  });

  it('rejects a malformed space key with VALIDATION_FAILED on that field', async () => {
    const t = setup();
    const result = await t.invoke({ confluenceSpaceKey: 'not a key' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'confluenceSpaceKey' }] } } });
    expect(t.settingsCalls).toEqual([]);
  });
});

describe('toIssueTypeOptions', () => {
  it('marks only the first hierarchy-level-1 type as the default epic and orders higher levels first', () => {
    const options = toIssueTypeOptions([
      { id: '1', name: 'Story', hierarchyLevel: 0, subtask: false },
      { id: '2', name: 'Feature', hierarchyLevel: 1, subtask: false },
      { id: '3', name: 'Epic', hierarchyLevel: 1, subtask: false },
      { id: '4', name: 'Initiative', hierarchyLevel: 2, subtask: false },
    ]);
    expect(options.map((o) => [o.name, o.isDefaultEpic])).toEqual([
      ['Initiative', false],
      ['Epic', false],
      ['Feature', true],
      ['Story', false],
    ]);
  });
});
