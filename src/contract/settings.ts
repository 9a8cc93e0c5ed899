/** Payload and response types of the project-settings resolvers. Types only: `static/` imports them via `@contract/*`. */
import type { PeopleNames } from './people';

/** What the settings page sends to `saveProjectSettings`. `version` is the version the user loaded (0 = never saved). */
export interface SaveProjectSettingsPayload {
  confluenceSpaceKey: string;
  confluenceParentPageId: string | null;
  epicIssueTypeId: string | null;
  editorRoleId: string | null;
  version: number;
}

/** The settings of one project as the UI sees them. Before the first save every field is null and `version` is 0. */
export interface ProjectSettingsView {
  projectId: string;
  configured: boolean;
  confluenceSpaceKey: string | null;
  confluenceParentPageId: string | null;
  epicIssueTypeId: string | null;
  editorRoleId: string | null;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** `getProjectSettings` takes no fields (the project comes from the trusted context). */
export type GetProjectSettingsPayload = Record<string, never>;
/** The settings with the display name of `updatedBy`. */
export interface ProjectSettingsResponse extends ProjectSettingsView {
  people: PeopleNames;
}
export type GetProjectSettingsResponse = ProjectSettingsResponse;
export type SaveProjectSettingsResponse = ProjectSettingsResponse;
