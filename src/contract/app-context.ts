/** Response of `getAppContext`: who is looking at which project, and what they may do. Types only. */
import type { ProjectSettingsView } from './settings';

export type ModuleKind = 'jira:projectPage' | 'jira:issuePanel' | 'jira:projectSettingsPage';

export interface AppContextPermissions {
  /** The user may browse the project (needed for every call). */
  canRead: boolean;
  /** The user may change SMS data: project administrator, or member of the editor role set in the settings. */
  canEdit: boolean;
  /** The user administers the project (may change the settings themselves). */
  isProjectAdmin: boolean;
}

export interface AppContextResponse {
  project: { id: string; key: string; type: string | null };
  issue: { id: string; key: string } | null;
  moduleKey: string;
  user: { accountId: string };
  permissions: AppContextPermissions;
  settings: ProjectSettingsView;
  /**
   * Whether this Jira site has the app connected to Confluence (an optional app of the manifest's
   * app.compatibility). When false, nothing that publishes may be offered; `message` says what to do.
   */
  confluence: { connected: boolean; message: string | null };
}

export type GetAppContextPayload = Record<string, never>;
