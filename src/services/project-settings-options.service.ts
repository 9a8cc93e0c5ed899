/**
 * What the settings page offers to choose from, and the check that a save only names things that exist.
 * Every product call is made as the signed-in user (asUser), so the user only sees and picks what Jira and
 * Confluence let them see.
 *
 * Product calls:
 * - options: GET /rest/api/3/issuetype/project?projectId= and GET /rest/api/3/project/{id}/role (when Jira
 *   options are asked for); GET /wiki/api/v2/spaces?keys= then GET /wiki/api/v2/spaces/{id}/pages (cursor-paged,
 *   up to SPACE_PAGE_OPTIONS_MAX pages) when a space key is given.
 * - save check (in parallel, each only when its field is set): the space by key (always: the key is required),
 *   GET /wiki/api/v2/pages/{id} for the parent page, the project's issue types, the project's roles.
 *   At most four calls, none repeated.
 */
import type {
  GetSettingsOptionsResponse,
  SettingsIssueTypeOption,
  SettingsRoleOption,
  SettingsSpaceOptions,
} from '../contract/settings';
import type { ConfluenceClient, ConfluencePage, ConfluenceSpace } from '../confluence/confluence-client';
import { epicTypeProblem } from '../domain/epics/epic-type';
import { NotFoundError, ValidationError, isAppError } from '../domain/errors';
import type { JiraClient, JiraIssueType } from '../jira/jira-client';
import type { ProjectSettingsInput } from '../storage/settings-repository';

/** At most this many pages of a space are offered as parents. */
export const SPACE_PAGE_OPTIONS_MAX = 500;

const AS_USER = { as: 'user' } as const;

/** The issue types with the project's default epic type (its first type at hierarchy level 1) marked. */
export function toIssueTypeOptions(types: readonly JiraIssueType[]): SettingsIssueTypeOption[] {
  const defaultEpic = types.find((t) => t.hierarchyLevel === 1);
  return types
    .map((t) => ({ id: t.id, name: t.name, hierarchyLevel: t.hierarchyLevel, isDefaultEpic: t.id === defaultEpic?.id }))
    .sort((a, b) => b.hierarchyLevel - a.hierarchyLevel || a.name.localeCompare(b.name));
}

/** The space by key; NOT_FOUND naming the key (details.field = 'confluenceSpaceKey') when the user cannot see it. */
async function spaceByKey(confluence: ConfluenceClient, key: string): Promise<ConfluenceSpace> {
  try {
    return await confluence.getSpaceByKey(key, AS_USER);
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') {
      throw new NotFoundError(`There is no Confluence space with key ${key}, or you cannot see it.`, {
        field: 'confluenceSpaceKey',
        spaceKey: key,
      });
    }
    throw e;
  }
}

async function spaceOptions(confluence: ConfluenceClient, key: string): Promise<SettingsSpaceOptions> {
  const space = await spaceByKey(confluence, key);
  const { pages, truncated } = await confluence.listSpacePages(space.id, { ...AS_USER, max: SPACE_PAGE_OPTIONS_MAX });
  return {
    id: space.id,
    key: space.key,
    name: space.name,
    homepageId: space.homepageId ?? null,
    pages: pages.map((p) => ({ id: p.id, title: p.title, parentId: p.parentId ?? null, isHomepage: p.id === space.homepageId })),
    truncated,
  };
}

/** Issue types and roles of the project (when `includeJira`) and the pages of the space `spaceKey` (when given). */
export async function loadSettingsOptions(
  { jira, confluence }: SettingsProducts,
  projectId: string,
  request: { includeJira: boolean; spaceKey?: string; includeSpaces?: boolean },
): Promise<GetSettingsOptionsResponse> {
  const [types, roles, space, spaces] = await Promise.all([
    request.includeJira ? jira.getIssueTypesForProject(projectId, AS_USER) : Promise.resolve(null),
    request.includeJira ? jira.getProjectRoles(projectId, AS_USER) : Promise.resolve(null),
    request.spaceKey !== undefined ? spaceOptions(confluence, request.spaceKey) : Promise.resolve(null),
    request.includeSpaces === true ? confluence.listSpaces({ ...AS_USER, max: SPACE_PAGE_OPTIONS_MAX }) : Promise.resolve(null),
  ]);
  return {
    issueTypes: types === null ? null : toIssueTypeOptions(types),
    roles: roles === null ? null : roles.map((r): SettingsRoleOption => ({ id: r.id, name: r.name })).sort((a, b) => a.name.localeCompare(b.name)),
    space,
    spaces: spaces === null ? null : spaces.spaces.map((s) => ({ key: s.key, name: s.name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** The two clients the settings page reads from (as the user). */
export interface SettingsProducts {
  jira: JiraClient;
  confluence: ConfluenceClient;
}

type FieldIssue = { path: keyof ProjectSettingsInput; message: string };

/** undefined when `p` resolves, the AppError NOT_FOUND otherwise (other errors are rethrown). */
async function unlessNotFound<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') return undefined;
    throw e;
  }
}

/**
 * Checks, as the user, that the settings name a space they can see (its key matched case-insensitively; the
 * space's own key is returned to be stored), a current page of that space, an issue type
 * of the project at the epic level (hierarchy level 1, see src/domain/epics/epic-type.ts), and a role of the project. Throws VALIDATION_FAILED with one issue
 * per wrong field (details.issues[].path = the field name).
 */
export async function validateSettingsChoices(
  { jira, confluence }: SettingsProducts,
  projectId: string,
  input: ProjectSettingsInput,
): Promise<{ confluenceSpaceKey: string | null }> {
  const { confluenceSpaceKey: key, confluenceParentPageId: pageId, epicIssueTypeId: typeId, editorRoleId: roleId } = input;
  const [space, page, types, roles] = await Promise.all([
    key === null ? Promise.resolve(null) : unlessNotFound(confluence.getSpaceByKey(key, AS_USER)),
    pageId === null ? Promise.resolve(null) : unlessNotFound<ConfluencePage>(confluence.getPage(pageId, AS_USER)),
    typeId === null ? Promise.resolve(null) : jira.getIssueTypesForProject(projectId, AS_USER),
    roleId === null ? Promise.resolve(null) : jira.getProjectRoles(projectId, AS_USER),
  ]);
  const issues: FieldIssue[] = [];
  if (space === undefined) {
    issues.push({ path: 'confluenceSpaceKey', message: `there is no Confluence space with key ${key ?? ''}, or you cannot see it` });
  }
  if (pageId !== null) {
    if (page === undefined || page === null) {
      issues.push({ path: 'confluenceParentPageId', message: `page ${pageId} does not exist, or you cannot see it` });
    } else if (space !== undefined && space !== null && (page.spaceId !== space.id || (page.status !== undefined && page.status !== 'current'))) {
      issues.push({ path: 'confluenceParentPageId', message: `page ${pageId} ("${page.title}") is not a current page of space ${space?.key ?? key ?? ''}` });
    }
  }
  const epicProblem = typeId !== null && types !== null ? epicTypeProblem(types, typeId) : undefined;
  if (epicProblem !== undefined) issues.push({ path: 'epicIssueTypeId', message: epicProblem });
  if (roleId !== null && roles !== null && !roles.some((r) => r.id === roleId)) {
    issues.push({ path: 'editorRoleId', message: `project role ${roleId} does not exist in this project` });
  }
  if (issues.length > 0) {
    throw new ValidationError('The settings name things that do not exist, or that you cannot see.', { issues });
  }
  return { confluenceSpaceKey: space?.key ?? key };
}
