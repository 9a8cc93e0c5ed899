/**
 * The project settings' use cases: what the first call of every UI module needs (who may do what, the settings,
 * whether Confluence is connected), the settings view, the options the settings page offers, and a checked save.
 */
import type { AppContextPermissions, AppContextResponse } from '../contract/app-context';
import type { GetProjectSettingsResponse, GetSettingsOptionsResponse, SaveProjectSettingsResponse } from '../contract/settings';
import { CONFLUENCE_NOT_CONNECTED_MESSAGE, ValidationError } from '../domain/errors';
import type { ConfluenceClient } from '../confluence/confluence-client';
import type { JiraClient } from '../jira/jira-client';
import type { Logger } from '../platform/logger';
import type { PermissionGateway } from '../platform/permission-gateway';
import { type ProjectSettingsInput, type SettingsRepository, toSettingsView } from '../storage/settings-repository';
import { isEditorRoleMember } from './access';
import { loadSettingsOptions, validateSettingsChoices } from './project-settings-options.service';
import type { NameLookup } from './user-names.service';

export interface ProjectSettingsServiceDeps {
  settings: SettingsRepository;
  jira: JiraClient;
  confluence: ConfluenceClient;
  permissions: PermissionGateway;
  names: NameLookup;
  log: Logger;
}

export class ProjectSettingsService {
  constructor(private readonly deps: ProjectSettingsServiceDeps) {}

  /**
   * Who is looking at which project, what they may do, the project's settings, and whether Confluence is connected
   * to the site (no product call: the installation says). `access` is what defineResolver checked (read access).
   */
  async appContext(caller: { project: AppContextResponse['project']; issue: AppContextResponse['issue']; moduleKey: string; accountId: string; access: AppContextPermissions }): Promise<AppContextResponse> {
    const { permissions: gateway, settings, confluence } = this.deps;
    // The framework checked read access; for the UI we also need to know whether the user may edit.
    const permissions = caller.access.isProjectAdmin
      ? caller.access
      : { ...caller.access, canEdit: await isEditorRoleMember(gateway, settings, caller.accountId, caller.project.id) };
    const connected = await confluence.isConnected();
    return {
      project: caller.project,
      issue: caller.issue,
      moduleKey: caller.moduleKey,
      user: { accountId: caller.accountId },
      permissions,
      settings: await settings.getView(caller.project.id),
      confluence: { connected, message: connected ? null : CONFLUENCE_NOT_CONNECTED_MESSAGE },
    };
  }

  async view(projectId: string): Promise<GetProjectSettingsResponse> {
    const view = await this.deps.settings.getView(projectId);
    return { ...view, people: await this.deps.names([view.updatedBy]) };
  }

  /** The issue types and roles (`includeJira`), the spaces (`includeSpaces`) and, given a space key, that space's pages. */
  options(projectId: string, request: { includeJira: boolean; includeSpaces: boolean; confluenceSpaceKey?: string }): Promise<GetSettingsOptionsResponse> {
    const { confluenceSpaceKey, ...rest } = request;
    return loadSettingsOptions(this.deps, projectId, { ...rest, ...(confluenceSpaceKey !== undefined ? { spaceKey: confluenceSpaceKey } : {}) });
  }

  /**
   * Saves the settings with optimistic concurrency (`version` = the version the page loaded), after checking as the
   * user that the space, parent page, issue type and role exist. While Confluence is not connected the Jira fields
   * are saved and the stored space and page kept unchanged.
   */
  async save(projectId: string, accountId: string, input: ProjectSettingsInput & { version: number }): Promise<SaveProjectSettingsResponse> {
    const { settings, confluence, names, log } = this.deps;
    const { version, ...typed } = input;
    // Without Confluence the space and its page cannot be checked: the stored ones are kept and the Jira fields saved.
    const connected = await confluence.isConnected();
    const stored = connected ? undefined : await settings.get(projectId);
    const fields = connected
      ? typed
      : { ...typed, confluenceSpaceKey: stored?.confluenceSpaceKey ?? null, confluenceParentPageId: stored?.confluenceParentPageId ?? null };
    if (connected && fields.confluenceSpaceKey === null) {
      throw new ValidationError('Choose the Confluence space for reports.', { issues: [{ path: 'confluenceSpaceKey', message: 'is required' }] });
    }
    const checked = await validateSettingsChoices(this.deps, projectId, connected ? fields : { ...fields, confluenceSpaceKey: null, confluenceParentPageId: null });
    const record = await settings.save(projectId, connected ? { ...fields, ...checked } : fields, version, accountId);
    log('info', 'project settings saved', { projectId, version: record.version });
    return { ...toSettingsView(projectId, record), people: await names([record.updatedBy]) };
  }
}
