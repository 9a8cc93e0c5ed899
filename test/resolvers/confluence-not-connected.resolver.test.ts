import type { AppContextResponse } from '../../src/contract/app-context';
import type { ResolverResult } from '../../src/contract/result';
import { CONFLUENCE_NOT_CONNECTED_MESSAGE } from '../../src/domain/errors';
import type { JobEvent } from '../../src/platform/job-queue';
import type { AtlassianApp, ProductApi } from '../../src/platform/product-api';
import { getAppContext } from '../../src/resolvers/get-app-context.resolver';
import { getSettingsOptions } from '../../src/resolvers/get-settings-options.resolver';
import { publishBusinessCase } from '../../src/resolvers/publish-business-case.resolver';
import { saveProjectSettings } from '../../src/resolvers/save-project-settings.resolver';
import { startPublishReport } from '../../src/resolvers/start-publish-report.resolver';
import { buildServices } from '../../src/wiring';
import { ADMIN, FakePermissionGateway, PROJECT, RecordingStore, forgeContext, recordingLogger, userDirectoryApi } from './resolver-fakes';

const NOW = new Date('2026-11-20T10:00:00.000Z');

/** The fake products of resolver-fakes, on an installation that is (or is not) connected to Confluence. */
function setup(connected: boolean) {
  const permissions = new FakePermissionGateway();
  const store = new RecordingStore();
  const unexpected: string[] = [];
  const settingsCalls: string[] = [];
  const base = userDirectoryApi(undefined, unexpected, [], settingsCalls);
  const api: ProductApi = { ...base, isConnected: (app: AtlassianApp) => Promise.resolve(app === 'jira' || connected) };
  const pushed: JobEvent[] = [];
  const services = buildServices({ api, store, queue: { push: async (e) => (pushed.push(...e), 'q') }, now: () => NOW, log: recordingLogger().log, permissions });
  const call = async <T>(def: { run: (r: { payload: unknown; context: unknown }, d: typeof services) => Promise<ResolverResult<unknown>> }, payload: unknown): Promise<ResolverResult<T>> => {
    permissions.currentAccountId = ADMIN;
    return (await def.run({ payload, context: { ...forgeContext(), accountId: ADMIN } }, services)) as ResolverResult<T>;
  };
  const configure = () => services.settings.save(PROJECT.id, { confluenceSpaceKey: 'SMS', confluenceParentPageId: null, epicIssueTypeId: null, editorRoleId: null }, 0, ADMIN);
  return { call, store, pushed, unexpected, settingsCalls, configure };
}

const notConnected = { ok: false, error: { code: 'CONFLUENCE_NOT_CONNECTED', message: CONFLUENCE_NOT_CONNECTED_MESSAGE } };

describe('Confluence not connected to the site', () => {
  it('getAppContext says so, with the line to show, and says connected otherwise', async () => {
    const off = await setup(false).call<AppContextResponse>(getAppContext, {});
    expect(off.ok && off.data.confluence).toEqual({ connected: false, message: CONFLUENCE_NOT_CONNECTED_MESSAGE });
    const on = await setup(true).call<AppContextResponse>(getAppContext, {});
    expect(on.ok && on.data.confluence).toEqual({ connected: true, message: null });
  });

  it('startPublishReport is refused before any job is created or queued', async () => {
    const s = setup(false);
    await s.configure();
    const writesBefore = s.store.writes.length;
    expect(await s.call(startPublishReport, { siteUrl: 'https://example.atlassian.net' })).toMatchObject(notConnected);
    expect(s.pushed).toEqual([]);
    expect(s.store.writes.slice(writesBefore)).toEqual([]);
    expect(s.unexpected).toEqual([]);
  });

  it('publishBusinessCase is refused before any product call or write', async () => {
    const s = setup(false);
    await s.configure();
    const writesBefore = s.store.writes.length;
    expect(await s.call(publishBusinessCase, {})).toMatchObject(notConnected);
    expect(s.store.writes.slice(writesBefore)).toEqual([]);
    expect(s.unexpected).toEqual([]);
    expect(s.settingsCalls).toEqual([]);
  });

  it('the settings: the space lookup answers the typed error; the Jira options load and a save keeps the Confluence fields', async () => {
    const s = setup(false);
    expect(await s.call(getSettingsOptions, { confluenceSpaceKey: 'SMS' })).toMatchObject(notConnected);
    const jira = await s.call<{ issueTypes: unknown[] | null }>(getSettingsOptions, { includeJira: true });
    expect(jira.ok && jira.data.issueTypes?.length).toBeGreaterThan(0);
    // Nothing stored yet: the Jira fields are saved, no space is chosen (the typed key cannot be checked).
    const save = await s.call<{ version: number; configured: boolean; confluenceSpaceKey: string | null; issueMappingOpen: boolean }>(saveProjectSettings, {
      confluenceSpaceKey: 'SMS',
      confluenceParentPageId: null,
      epicIssueTypeId: null,
      editorRoleId: null,
      issueMappingOpen: true,
      version: 0,
    });
    expect(save).toMatchObject({ ok: true, data: { version: 1, configured: false, confluenceSpaceKey: null, issueMappingOpen: true } });
    expect(s.settingsCalls.every((c) => !c.includes('/wiki/'))).toBe(true);
  });
});
