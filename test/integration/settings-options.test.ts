import type { GetSettingsOptionsResponse, ProjectSettingsResponse } from '../../src/contract/settings';
import { ADMIN, MEMBER, type BridgeResult, useSandboxHarness } from './support/sandbox-harness';

// The settings pickers and the save checks end to end: bridge -> resolvers -> HTTP -> emulated Jira and Confluence.
jest.setTimeout(60_000);

const harness = useSandboxHarness('sms-nav-settings');
const { invoke } = harness;

function ok<T>(r: BridgeResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error?.code}: ${r.error?.message}`);
  return r.data;
}

const issuePaths = (r: BridgeResult<unknown>): string[] =>
  ((r.error?.details?.issues ?? []) as { path: string }[]).map((i) => i.path);

describe('settings options in the sandbox', () => {
  it("offers the SMS project's issue types and roles, and the pages of a space", async () => {
    const jira = ok(await invoke<GetSettingsOptionsResponse>('getSettingsOptions', ADMIN, {}));
    expect(jira.space).toBeNull();
    expect(jira.issueTypes?.filter((t) => t.isDefaultEpic)).toEqual([{ id: '10000', name: 'Epic', hierarchyLevel: 1, isDefaultEpic: true }]);
    expect(jira.issueTypes?.find((t) => t.name === 'Sub-task')).toMatchObject({ hierarchyLevel: -1, isDefaultEpic: false });
    expect(jira.roles).toEqual([
      { id: '10002', name: 'Administrators' },
      { id: '10003', name: 'Member' },
      { id: '10004', name: 'Viewer' },
    ]);

    const pages = ok(await invoke<GetSettingsOptionsResponse>('getSettingsOptions', ADMIN, { confluenceSpaceKey: 'SMS', includeJira: false }));
    expect(pages.issueTypes).toBeNull();
    expect(pages.space).toMatchObject({ key: 'SMS', homepageId: '65537', truncated: false });
    expect(pages.space?.pages).toContainEqual({ id: '65537', title: 'Service Management System Home', parentId: null, isHomepage: true });
  });

  it('answers NOT_FOUND naming an unknown space key, and refuses a member', async () => {
    const missing = await invoke('getSettingsOptions', ADMIN, { confluenceSpaceKey: 'NOPE', includeJira: false });
    expect(missing.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('NOPE'), details: { field: 'confluenceSpaceKey' } });
    expect((await invoke('getSettingsOptions', MEMBER, {})).error?.code).toBe('FORBIDDEN');
  });

  it('saves choices that exist and refuses, field by field, those that do not', async () => {
    const bad = await invoke('saveProjectSettings', ADMIN, { confluenceSpaceKey: 'SMS', confluenceParentPageId: '999999', epicIssueTypeId: '10002', editorRoleId: '99', version: 0 });
    expect(bad.error?.code).toBe('VALIDATION_FAILED');
    expect(issuePaths(bad)).toEqual(['confluenceParentPageId', 'epicIssueTypeId', 'editorRoleId']);
    const noSpace = await invoke('saveProjectSettings', ADMIN, { confluenceSpaceKey: 'NOPE', confluenceParentPageId: null, epicIssueTypeId: null, editorRoleId: null, version: 0 });
    expect(issuePaths(noSpace)).toEqual(['confluenceSpaceKey']);

    const good = { confluenceSpaceKey: 'SMS', confluenceParentPageId: '65537', epicIssueTypeId: '10000', editorRoleId: '10003' };
    const saved = ok(await invoke<ProjectSettingsResponse>('saveProjectSettings', ADMIN, { ...good, version: 0 }));
    expect(saved).toMatchObject({ ...good, version: 1, updatedBy: ADMIN });
  });

  it('sent only requests, and got only answers, that match the official specs', async () => {
    const traffic = await harness.checkTraffic();
    expect(traffic.violations).toBe('');
    expect(traffic.entries).toBeGreaterThan(5);
  });
});
