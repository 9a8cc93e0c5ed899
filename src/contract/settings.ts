/** Payload and response types of the project-settings resolvers. Types only: `static/` imports them via `@contract/*`. */
import type { PeopleNames } from './people';

/** What the settings page sends to `saveProjectSettings`. `version` is the version the user loaded (0 = never saved). */
export interface SaveProjectSettingsPayload {
  /**
   * Matched case-insensitively ("sms" finds SMS; the space's own key is stored). Required while Confluence is
   * connected; without Confluence the stored space and parent page are kept whatever is sent (they cannot be checked).
   */
  confluenceSpaceKey: string | null;
  confluenceParentPageId: string | null;
  epicIssueTypeId: string | null;
  editorRoleId: string | null;
  /** Everyone who can edit an issue may map its clauses (default false: administrators and the editor role only). */
  issueMappingOpen?: boolean;
  version: number;
}

/** The settings of one project as the UI sees them. Before the first save every field is null and `version` is 0. */
export interface ProjectSettingsView {
  projectId: string;
  /** A Confluence space is chosen (reports can be published). */
  configured: boolean;
  confluenceSpaceKey: string | null;
  confluenceParentPageId: string | null;
  epicIssueTypeId: string | null;
  editorRoleId: string | null;
  issueMappingOpen: boolean;
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

/**
 * `getSettingsOptions` (project administrators): what the settings page offers to choose from.
 * `includeJira` (default true) asks for the issue types and roles; `confluenceSpaceKey`, when given, for that
 * space's pages. An unknown space key answers NOT_FOUND naming the key (details.field = 'confluenceSpaceKey').
 */
export interface GetSettingsOptionsPayload {
  confluenceSpaceKey?: string;
  includeJira?: boolean;
  /** List the Confluence spaces the caller can see (for the space picker, by name). */
  includeSpaces?: boolean;
}

export interface SettingsSpaceChoice {
  key: string;
  name: string;
}

export interface SettingsIssueTypeOption {
  id: string;
  name: string;
  /** 1 = epic level, 0 = standard, -1 = subtask (above 1: levels above epic). */
  hierarchyLevel: number;
  /** The type the app uses when no epic type is set: the project's first type at hierarchy level 1. */
  isDefaultEpic: boolean;
}

export interface SettingsRoleOption {
  id: string;
  name: string;
}

export interface SettingsPageOption {
  id: string;
  title: string;
  parentId: string | null;
  isHomepage: boolean;
}

export interface SettingsSpaceOptions {
  id: string;
  key: string;
  name: string;
  homepageId: string | null;
  /** Current pages of the space, sorted by title (at most 500). */
  pages: SettingsPageOption[];
  /** True when the space has more pages than were listed. */
  truncated: boolean;
}

export interface GetSettingsOptionsResponse {
  /** Null when `includeJira` was false. */
  issueTypes: SettingsIssueTypeOption[] | null;
  roles: SettingsRoleOption[] | null;
  /** Null when no space key was given. */
  space: SettingsSpaceOptions | null;
  /** The spaces the caller can see, by name (null when `includeSpaces` was not asked). */
  spaces: SettingsSpaceChoice[] | null;
}
