import { createHash } from 'node:crypto';
import { z } from 'zod';
import { SANDBOX_USERS, findSandboxUser } from '../seed/users';
import {
  LINK_TYPES,
  PERMISSION_NAMES,
  PRIORITIES,
  PROJECT_ROLES,
  SITE_URL,
  STATUSES,
  categoryOf,
  globalPermissionsOf,
  isGlobalPermission,
  isKnownPermission,
  projectPermissionsOf,
  statusById,
  type PermissionKey,
} from './catalog';
import type { EmulatorState, Mutation } from './emulator-state';
import { APP_ACCOUNT_ID, HttpError, jiraError, type ApiRequest, type ApiResponse, type Identity, type Router } from './http';
import { JqlError, compileOrder, compileWhere, parseJql, type JqlContext } from './jql';
import type { IssueRecord, IssueTypeRecord, LinkRecord, ProjectRecord } from './records';

const API = '/rest/api/3';
const MAX_PROPERTY_BYTES = 32768;
/** How the app's own account is named to users (Forge apps act as an app user). */
export const APP_DISPLAY_NAME = 'SMS Navigator (app)';
/** Largest page GET /user/bulk serves, whatever maxResults asks. */
const MAX_USERS_PAGE = 200;

export interface JiraApiOptions {
  now: () => Date;
}

/** Mounts the emulated Jira Cloud REST v3 operations on the router. */
export function registerJiraApi(router: Router, state: EmulatorState, opts: JiraApiOptions): void {
  const api = new JiraApi(state, opts);
  const r = (method: string, path: string, h: (req: ApiRequest) => ApiResponse | Promise<ApiResponse>): void =>
    router.add(method, `${API}${path}`, h);
  r('GET', '/myself', (q) => api.myself(q));
  r('GET', '/user/bulk', (q) => api.bulkGetUsers(q));
  r('GET', '/user/search', (q) => api.searchUsers(q));
  r('GET', '/project/search', (q) => api.searchProjects(q));
  r('GET', '/project/{projectIdOrKey}', (q) => api.getProject(q));
  r('GET', '/project/{projectIdOrKey}/role', (q) => api.getProjectRoles(q));
  r('GET', '/project/{projectIdOrKey}/role/{id}', (q) => api.getProjectRole(q));
  r('GET', '/issuetype/project', (q) => api.issueTypesForProject(q));
  r('GET', '/issue/createmeta/{projectIdOrKey}/issuetypes', (q) => api.createMetaTypes(q));
  r('GET', '/issue/createmeta/{projectIdOrKey}/issuetypes/{issueTypeId}', (q) => api.createMetaFields(q));
  r('POST', '/issue', (q) => api.createIssue(q));
  r('POST', '/issue/bulk', (q) => api.createIssues(q));
  r('GET', '/issue/{issueIdOrKey}', (q) => api.getIssue(q));
  r('PUT', '/issue/{issueIdOrKey}', (q) => api.editIssue(q));
  r('GET', '/issue/{issueIdOrKey}/transitions', (q) => api.getTransitions(q));
  r('POST', '/issue/{issueIdOrKey}/transitions', (q) => api.doTransition(q));
  r('GET', '/issue/{issueIdOrKey}/properties', (q) => api.getPropertyKeys(q));
  r('GET', '/issue/{issueIdOrKey}/properties/{propertyKey}', (q) => api.getProperty(q));
  r('PUT', '/issue/{issueIdOrKey}/properties/{propertyKey}', (q) => api.setProperty(q));
  r('DELETE', '/issue/{issueIdOrKey}/properties/{propertyKey}', (q) => api.deleteProperty(q));
  r('POST', '/issue/properties/multi', (q) => api.setPropertiesMulti(q));
  r('POST', '/issue/properties', (q) => api.setPropertiesList(q));
  r('GET', '/task/{taskId}', (q) => api.getTask(q));
  r('POST', '/search/jql', (q) => api.search(q, q.body));
  r('GET', '/search/jql', (q) => api.search(q, searchQueryFromParams(q.query)));
  r('POST', '/search/approximate-count', (q) => api.approximateCount(q));
  r('GET', '/search', () => api.removedSearch());
  r('POST', '/search', () => api.removedSearch());
  r('GET', '/mypermissions', (q) => api.myPermissions(q));
  r('POST', '/permissions/check', (q) => api.checkPermissions(q));
  r('POST', '/issueLink', (q) => api.linkIssues(q));
  r('GET', '/issueLinkType', () => api.linkTypes());
}

/** A transition's id in the emulated workflow: one per target status. */
const transitionIdOf = (statusId: string): string => `t${statusId}`;

const csv = (s: string | undefined): string[] =>
  s === undefined ? [] : s.split(',').map((x) => x.trim()).filter((x) => x.length > 0);

function searchQueryFromParams(q: Record<string, string>): unknown {
  const out: Record<string, unknown> = {};
  if (q.jql !== undefined) out.jql = q.jql;
  if (q.nextPageToken !== undefined) out.nextPageToken = q.nextPageToken;
  if (q.maxResults !== undefined) out.maxResults = /^-?\d+$/.test(q.maxResults) ? Number(q.maxResults) : q.maxResults;
  if (q.fields !== undefined) out.fields = csv(q.fields);
  if (q.properties !== undefined) out.properties = csv(q.properties);
  if (q.expand !== undefined) out.expand = q.expand;
  if (q.fieldsByKeys !== undefined) out.fieldsByKeys = q.fieldsByKeys === 'true';
  return out;
}

const searchBodySchema = z
  .object({
    jql: z.string().optional(),
    nextPageToken: z.string().optional(),
    maxResults: z.number().int().optional(),
    fields: z.array(z.string()).optional(),
    properties: z.array(z.string()).optional(),
    expand: z.string().optional(),
    fieldsByKeys: z.boolean().optional(),
    failFast: z.boolean().optional(),
    reconcileIssues: z.array(z.number().int()).optional(),
  })
  .strict();

const refSchema = z.object({ id: z.union([z.string(), z.number()]).optional(), key: z.string().optional(), name: z.string().optional() }).passthrough();

const avatarUrls = (kind: string, id: string): Record<string, string> => ({
  '48x48': `${SITE_URL}/secure/${kind}avatar?avatarId=${id}`,
  '24x24': `${SITE_URL}/secure/${kind}avatar?size=small&avatarId=${id}`,
  '16x16': `${SITE_URL}/secure/${kind}avatar?size=xsmall&avatarId=${id}`,
  '32x32': `${SITE_URL}/secure/${kind}avatar?size=medium&avatarId=${id}`,
});

const uuidFrom = (s: string): string => {
  const h = createHash('sha1').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const jiraDate = (iso: string | null): string | null => (iso === null ? null : iso.replace('Z', '+0000'));

const isAdfDoc = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'doc' && (v as { version?: unknown }).version === 1 && Array.isArray((v as { content?: unknown }).content);

type FieldErrors = Record<string, string>;

interface CreateOutcome {
  issue?: IssueRecord;
  errors?: FieldErrors;
  errorMessages?: string[];
  status?: number;
}

class JiraApi {
  constructor(private readonly state: EmulatorState, private readonly opts: JiraApiOptions) {}

  // ---------- identity and permissions ----------

  private roleOf(id: Identity): 'app' | 'site-admin' | 'project-admin' | 'member' | 'outsider' {
    return id.kind === 'app' ? 'app' : id.user.role;
  }

  private can(id: Identity, _project: ProjectRecord, perm: PermissionKey): boolean {
    const role = this.roleOf(id);
    return isGlobalPermission(perm) ? globalPermissionsOf(role).has(perm) : projectPermissionsOf(role).has(perm);
  }

  private canBrowse(id: Identity, project: ProjectRecord): boolean {
    return this.can(id, project, 'BROWSE_PROJECTS');
  }

  private requireProject(id: Identity, idOrKey: string): ProjectRecord {
    const p = this.state.project(idOrKey);
    if (!p || !this.canBrowse(id, p)) {
      throw jiraError(404, `No project could be found with ${/^\d+$/.test(idOrKey) ? 'id' : 'key'} '${idOrKey}'.`);
    }
    return p;
  }

  private requireIssue(id: Identity, idOrKey: string): { issue: IssueRecord; project: ProjectRecord } {
    const issue = this.state.issue(idOrKey);
    const project = issue ? this.state.project(issue.projectId) : undefined;
    if (!issue || !project || !this.canBrowse(id, project)) {
      throw jiraError(404, 'Issue does not exist or you do not have permission to see it.');
    }
    return { issue, project };
  }

  private userBean(accountId: string | null): Record<string, unknown> | null {
    if (accountId === null) return null;
    const u = findSandboxUser(accountId);
    return {
      self: `${SITE_URL}${API}/user?accountId=${encodeURIComponent(accountId)}`,
      accountId,
      avatarUrls: avatarUrls('user', '10122'),
      displayName: u?.displayName ?? (accountId === APP_ACCOUNT_ID ? APP_DISPLAY_NAME : 'Former user'),
      active: u !== undefined || accountId === APP_ACCOUNT_ID,
      timeZone: 'Etc/UTC',
      accountType: accountId === APP_ACCOUNT_ID ? 'app' : 'atlassian',
    };
  }

  // ---------- beans ----------

  private issueTypeBean(t: IssueTypeRecord): Record<string, unknown> {
    const bean: Record<string, unknown> = {
      self: `${SITE_URL}${API}/issuetype/${t.id}`,
      id: t.id,
      description: t.description,
      iconUrl: `${SITE_URL}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${t.avatarId}?size=medium`,
      name: t.name,
      subtask: t.hierarchyLevel === -1,
      avatarId: t.avatarId,
      hierarchyLevel: t.hierarchyLevel,
    };
    if (t.scopeProjectId !== null) {
      bean.entityId = uuidFrom(`issuetype:${t.id}`);
      bean.scope = { type: 'PROJECT', project: { id: t.scopeProjectId } };
    }
    return bean;
  }

  private projectBean(p: ProjectRecord, withDetails: boolean): Record<string, unknown> {
    const base: Record<string, unknown> = {
      expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
      self: `${SITE_URL}${API}/project/${p.id}`,
      id: p.id,
      key: p.key,
      name: p.name,
      avatarUrls: avatarUrls('project', '10411'),
      projectTypeKey: p.projectTypeKey,
      simplified: p.style === 'next-gen',
      style: p.style,
      isPrivate: false,
      properties: {},
    };
    if (!withDetails) return base;
    return {
      ...base,
      description: p.description,
      lead: this.userBean(p.leadAccountId),
      components: p.components.map((c) => this.componentBean(c)),
      issueTypes: this.state.issueTypesFor(p).map((t) => this.issueTypeBean(t)),
      assigneeType: 'UNASSIGNED',
      versions: [],
      roles: Object.fromEntries(PROJECT_ROLES.map((r) => [r.name, `${SITE_URL}${API}/project/${p.id}/role/${r.id}`])),
    };
  }

  private componentBean(c: { id: string; name: string; description: string }): Record<string, unknown> {
    return { self: `${SITE_URL}${API}/component/${c.id}`, id: c.id, name: c.name, description: c.description };
  }

  private statusBean(statusId: string): Record<string, unknown> {
    const s = statusById(statusId) ?? { id: statusId, name: 'Unknown', category: 'new' as const };
    const cat = categoryOf(s);
    return {
      self: `${SITE_URL}${API}/status/${s.id}`,
      description: '',
      iconUrl: `${SITE_URL}/images/icons/statuses/generic.png`,
      name: s.name,
      id: s.id,
      statusCategory: { self: `${SITE_URL}${API}/statuscategory/${cat.id}`, id: cat.id, key: cat.key, colorName: cat.colorName, name: cat.name },
    };
  }

  private priorityBean(id: string): Record<string, unknown> {
    const p = PRIORITIES.find((x) => x.id === id) ?? PRIORITIES[2];
    return { self: `${SITE_URL}${API}/priority/${p.id}`, iconUrl: `${SITE_URL}/images/icons/priorities/${p.name.toLowerCase()}.svg`, name: p.name, id: p.id };
  }

  private linkedIssueBean(i: IssueRecord): Record<string, unknown> {
    const t = this.state.get('issuetype', i.issueTypeId);
    return {
      id: i.id,
      key: i.key,
      self: `${SITE_URL}${API}/issue/${i.id}`,
      fields: {
        summary: i.summary,
        status: this.statusBean(i.statusId),
        priority: this.priorityBean(i.priorityId),
        ...(t ? { issuetype: this.issueTypeBean(t) } : {}),
      },
    };
  }

  private allFields(i: IssueRecord, project: ProjectRecord): Record<string, () => unknown> {
    return {
      summary: () => i.summary,
      description: () => i.description ?? null,
      issuetype: () => {
        const t = this.state.get('issuetype', i.issueTypeId);
        return t ? this.issueTypeBean(t) : null;
      },
      project: () => this.projectBean(project, false),
      status: () => this.statusBean(i.statusId),
      statuscategorychangedate: () => jiraDate(i.updated),
      parent: () => {
        const parent = i.parentId ? this.state.get('issue', i.parentId) : undefined;
        return parent ? this.linkedIssueBean(parent) : undefined;
      },
      labels: () => [...i.labels],
      components: () => i.componentIds.map((id) => project.components.find((c) => c.id === id)).filter((c) => c !== undefined).map((c) => this.componentBean(c)),
      priority: () => this.priorityBean(i.priorityId),
      assignee: () => this.userBean(i.assigneeId),
      reporter: () => this.userBean(i.reporterId),
      creator: () => this.userBean(i.reporterId),
      created: () => jiraDate(i.created),
      updated: () => jiraDate(i.updated),
      resolutiondate: () => jiraDate(i.resolutiondate),
      resolution: () =>
        i.resolutiondate === null ? null : { self: `${SITE_URL}${API}/resolution/10000`, id: '10000', name: 'Done', description: 'Work on this issue is complete.' },
      duedate: () => i.duedate,
      issuelinks: () => this.linksOf(i),
      subtasks: () =>
        [...this.state.all('issue')]
          .filter((c) => c.parentId === i.id && this.state.get('issuetype', c.issueTypeId)?.hierarchyLevel === -1)
          .map((c) => this.linkedIssueBean(c)),
    };
  }

  private linksOf(i: IssueRecord): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (const l of this.state.all('link')) {
      if (l.inwardIssueId !== i.id && l.outwardIssueId !== i.id) continue;
      const type = LINK_TYPES.find((t) => t.id === l.typeId);
      const otherId = l.inwardIssueId === i.id ? l.outwardIssueId : l.inwardIssueId;
      const other = this.state.get('issue', otherId);
      if (!type || !other) continue;
      out.push({
        id: l.id,
        self: `${SITE_URL}${API}/issueLink/${l.id}`,
        type: { ...type, self: `${SITE_URL}${API}/issueLinkType/${type.id}` },
        [l.inwardIssueId === i.id ? 'outwardIssue' : 'inwardIssue']: this.linkedIssueBean(other),
      });
    }
    return out;
  }

  /** IssueBean with the requested fields/properties; `fields` undefined means all. */
  private issueBean(i: IssueRecord, fields: string[] | undefined, properties: string[]): Record<string, unknown> {
    const project = this.state.get('project', i.projectId) as ProjectRecord;
    const all = this.allFields(i, project);
    let names: string[];
    if (fields === undefined || fields.some((f) => f === '*all' || f === '*navigable')) names = Object.keys(all);
    else names = fields.filter((f) => !f.startsWith('-'));
    const excluded = new Set((fields ?? []).filter((f) => f.startsWith('-')).map((f) => f.slice(1)));
    const out: Record<string, unknown> = {};
    for (const n of names) {
      if (excluded.has(n) || n === 'id' || n === 'key') continue;
      const get = all[n];
      if (!get) continue;
      const v = get();
      if (v !== undefined) out[n] = v;
    }
    const bean: Record<string, unknown> = {
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id: i.id,
      self: `${SITE_URL}${API}/issue/${i.id}`,
      key: i.key,
      fields: out,
    };
    const wantAllProps = properties.includes('*all');
    const props = Object.entries(i.properties).filter(([k]) => wantAllProps || properties.includes(k));
    if (properties.length > 0) bean.properties = Object.fromEntries(props);
    return bean;
  }

  // ---------- operations ----------

  myself(req: ApiRequest): ApiResponse {
    const id = req.identity;
    const accountId = id.kind === 'app' ? APP_ACCOUNT_ID : id.user.accountId;
    return {
      status: 200,
      body: {
        ...this.userBean(accountId),
        locale: 'en_US',
        groups: { size: 0, items: [] },
        applicationRoles: { size: 1, items: [] },
        expand: 'groups,applicationRoles',
      },
    };
  }

  /**
   * GET /user/bulk?accountId=…&accountId=…: the known users among the ids (sandbox users and the app), as a
   * PageBeanUser; unknown ids are left out. Needs at least one accountId (400 otherwise), as Jira does.
   */
  /**
   * GET /user/search: active users whose display name (any word) starts with `query`, or the one `accountId`.
   * Like Jira, a caller without "Browse users and groups" (USER_PICKER) gets an empty list, not an error.
   */
  searchUsers(req: ApiRequest): ApiResponse {
    const query = (req.query.query ?? '').trim().toLowerCase();
    const accountId = req.query.accountId;
    if (query === '' && accountId === undefined) throw jiraError(400, 'The query parameter is mandatory.');
    const startAt = Math.max(0, Number(req.query.startAt ?? 0) || 0);
    const maxResults = Math.min(Math.max(1, Number(req.query.maxResults ?? 50) || 50), 1000);
    const mayBrowse = req.identity.kind === 'app' || globalPermissionsOf(req.identity.user.role).has('USER_PICKER');
    if (!mayBrowse) return { status: 200, body: [] };
    const matches = SANDBOX_USERS.filter((u) =>
      accountId !== undefined
        ? u.accountId === accountId
        : u.displayName.toLowerCase().split(/[\s-]+/).some((w) => w.startsWith(query)) || u.displayName.toLowerCase().startsWith(query),
    );
    const body = matches.slice(startAt, startAt + maxResults).flatMap((u) => {
      const bean = this.userBean(u.accountId);
      return bean === null ? [] : [bean];
    });
    return { status: 200, body };
  }

  /** The workflow: every status of the catalogue can be reached from every other (global transitions). */
  private transitionsOf(issue: IssueRecord): Record<string, unknown>[] {
    return STATUSES.filter((st) => st.id !== issue.statusId).map((st) => ({
      id: transitionIdOf(st.id),
      name: st.name,
      to: this.statusBean(st.id),
      hasScreen: false,
      isGlobal: true,
      isInitial: false,
      isAvailable: true,
      isConditional: false,
      isLooped: false,
    }));
  }

  getTransitions(req: ApiRequest): ApiResponse {
    const { issue } = this.requireIssue(req.identity, req.params.issueIdOrKey as string);
    return { status: 200, body: { transitions: this.transitionsOf(issue) } };
  }

  /** POST /issue/{key}/transitions: moves the issue to the transition's status (resolution date set in the done category). */
  doTransition(req: ApiRequest): ApiResponse {
    const { issue, project } = this.requireIssue(req.identity, req.params.issueIdOrKey as string);
    if (!this.can(req.identity, project, 'TRANSITION_ISSUES')) throw jiraError(403, 'You do not have permission to transition this issue.');
    const body = z.object({ transition: z.object({ id: z.string().min(1) }).passthrough() }).passthrough().safeParse(req.body);
    if (!body.success) throw jiraError(400, 'A transition id is required.');
    const target = STATUSES.find((st) => transitionIdOf(st.id) === body.data.transition.id);
    if (target === undefined || target.id === issue.statusId) {
      throw new HttpError(400, { errorMessages: [`Transition id '${body.data.transition.id}' is not valid for this issue.`], errors: {} });
    }
    const now = this.opts.now().toISOString();
    const done = categoryOf(target).key === 'done';
    const updated: IssueRecord = { ...issue, statusId: target.id, resolutiondate: done ? (issue.resolutiondate ?? now) : null, updated: now };
    this.state.apply([{ table: 'issue', record: updated }]);
    return { status: 204 };
  }

  bulkGetUsers(req: ApiRequest): ApiResponse {
    const ids = [...new Set(csv(req.query.accountId))];
    if (ids.length === 0) throw jiraError(400, 'The accountId query parameter needs to be provided.');
    const startAt = Math.max(0, Number(req.query.startAt ?? 0) || 0);
    const maxResults = Math.min(Math.max(1, Number(req.query.maxResults ?? 10) || 10), MAX_USERS_PAGE);
    const known = ids.filter((id) => findSandboxUser(id) !== undefined || id === APP_ACCOUNT_ID);
    const values = known.slice(startAt, startAt + maxResults).flatMap((id) => {
      const bean = this.userBean(id);
      return bean === null ? [] : [bean];
    });
    return {
      status: 200,
      body: { self: `${SITE_URL}${API}/user/bulk`, maxResults, startAt, total: known.length, isLast: startAt + values.length >= known.length, values },
    };
  }

  searchProjects(req: ApiRequest): ApiResponse {
    const startAt = Number(req.query.startAt ?? 0);
    const maxResults = Math.min(Number(req.query.maxResults ?? 50), 100);
    const keys = csv(req.query.keys).map((k) => k.toUpperCase());
    const ids = csv(req.query.id);
    const text = (req.query.query ?? '').toLowerCase();
    const all = [...this.state.all('project')]
      .filter((p) => this.canBrowse(req.identity, p))
      .filter((p) => keys.length === 0 || keys.includes(p.key))
      .filter((p) => ids.length === 0 || ids.includes(p.id))
      .filter((p) => !text || p.key.toLowerCase().includes(text) || p.name.toLowerCase().includes(text))
      .sort((a, b) => a.key.localeCompare(b.key));
    const page = all.slice(startAt, startAt + maxResults);
    return {
      status: 200,
      body: {
        self: `${SITE_URL}${API}/project/search?startAt=${startAt}&maxResults=${maxResults}`,
        maxResults,
        startAt,
        total: all.length,
        isLast: startAt + page.length >= all.length,
        values: page.map((p) => this.projectBean(p, true)),
      },
    };
  }

  getProject(req: ApiRequest): ApiResponse {
    const p = this.requireProject(req.identity, req.params.projectIdOrKey as string);
    return { status: 200, body: this.projectBean(p, true) };
  }

  private requireRoleViewer(req: ApiRequest): ProjectRecord {
    const p = this.requireProject(req.identity, req.params.projectIdOrKey as string);
    if (!this.can(req.identity, p, 'ADMINISTER_PROJECTS')) {
      throw jiraError(403, 'You cannot view the roles of this project: it needs the Administer Projects permission.');
    }
    return p;
  }

  getProjectRoles(req: ApiRequest): ApiResponse {
    const p = this.requireRoleViewer(req);
    return { status: 200, body: Object.fromEntries(PROJECT_ROLES.map((r) => [r.name, `${SITE_URL}${API}/project/${p.id}/role/${r.id}`])) };
  }

  getProjectRole(req: ApiRequest): ApiResponse {
    const p = this.requireRoleViewer(req);
    const role = PROJECT_ROLES.find((r) => String(r.id) === req.params.id);
    if (!role) throw jiraError(404, `No project role with id ${req.params.id as string} was found.`);
    const actors = SANDBOX_USERS.filter((u) => role.members.includes(u.role)).map((u, i) => ({
      id: 10000 + i,
      displayName: u.displayName,
      type: 'atlassian-user-role-actor',
      actorUser: { accountId: u.accountId },
    }));
    return {
      status: 200,
      body: {
        self: `${SITE_URL}${API}/project/${p.id}/role/${role.id}`,
        name: role.name,
        id: role.id,
        description: role.description,
        actors,
        scope: p.style === 'next-gen' ? { type: 'PROJECT', project: { id: p.id } } : undefined,
      },
    };
  }

  issueTypesForProject(req: ApiRequest): ApiResponse {
    const projectId = req.query.projectId;
    if (!projectId || !/^\d+$/.test(projectId)) throw jiraError(400, 'The projectId query parameter is required and must be a number.');
    const p = this.state.get('project', projectId);
    if (!p || !this.canBrowse(req.identity, p)) throw jiraError(404, `No project could be found with id '${projectId}'.`);
    const level = req.query.level !== undefined ? Number(req.query.level) : undefined;
    const types = this.state.issueTypesFor(p).filter((t) => level === undefined || t.hierarchyLevel === level);
    return { status: 200, body: types.map((t) => this.issueTypeBean(t)) };
  }

  /** Fields offered on create, per project style and issue type. */
  private createFields(p: ProjectRecord, t: IssueTypeRecord): Record<string, unknown>[] {
    const f = (fieldId: string, name: string, required: boolean, schema: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
      required,
      schema,
      name,
      key: fieldId,
      fieldId,
      hasDefaultValue: false,
      operations: fieldId === 'labels' || fieldId === 'components' ? ['add', 'set', 'remove'] : ['set'],
      ...extra,
    });
    const fields = [
      f('summary', 'Summary', true, { type: 'string', system: 'summary' }),
      f('issuetype', 'Issue Type', true, { type: 'issuetype', system: 'issuetype' }, { allowedValues: [this.issueTypeBean(t)] }),
      f('project', 'Project', true, { type: 'project', system: 'project' }, { allowedValues: [this.projectBean(p, false)] }),
      f('description', 'Description', false, { type: 'string', system: 'description' }),
      f('labels', 'Labels', false, { type: 'array', items: 'string', system: 'labels' }, { autoCompleteUrl: `${SITE_URL}/rest/api/1.0/labels/suggest?query=` }),
      f('priority', 'Priority', false, { type: 'priority', system: 'priority' }, { allowedValues: PRIORITIES.map((x) => this.priorityBean(x.id)), hasDefaultValue: true, defaultValue: this.priorityBean('3') }),
      f('assignee', 'Assignee', false, { type: 'user', system: 'assignee' }),
      f('reporter', 'Reporter', false, { type: 'user', system: 'reporter' }),
      f('duedate', 'Due date', false, { type: 'date', system: 'duedate' }),
    ];
    if (p.style === 'classic') {
      fields.push(f('components', 'Components', false, { type: 'array', items: 'component', system: 'components' }, { allowedValues: p.components.map((c) => this.componentBean(c)) }));
    }
    if (t.hierarchyLevel <= 0) {
      fields.push(f('parent', 'Parent', t.hierarchyLevel === -1, { type: 'issuelink', system: 'parent' }));
    }
    return fields;
  }

  private requireCreatableProject(req: ApiRequest): ProjectRecord {
    const p = this.requireProject(req.identity, req.params.projectIdOrKey as string);
    if (!this.can(req.identity, p, 'CREATE_ISSUES')) throw jiraError(403, 'You do not have permission to create issues in this project.');
    return p;
  }

  createMetaTypes(req: ApiRequest): ApiResponse {
    const p = this.requireCreatableProject(req);
    const types = this.state.issueTypesFor(p);
    const startAt = Number(req.query.startAt ?? 0);
    const maxResults = Number(req.query.maxResults ?? 50);
    const page = types.slice(startAt, startAt + maxResults);
    return {
      status: 200,
      body: { issueTypes: page.map((t) => this.issueTypeBean(t)), maxResults, startAt, total: types.length },
    };
  }

  createMetaFields(req: ApiRequest): ApiResponse {
    const p = this.requireCreatableProject(req);
    const t = this.state.issueTypesFor(p).find((x) => x.id === req.params.issueTypeId);
    if (!t) throw jiraError(400, `The issue type with id '${req.params.issueTypeId as string}' does not exist or is not valid in project ${p.key}.`);
    const fields = this.createFields(p, t);
    const startAt = Number(req.query.startAt ?? 0);
    const maxResults = Number(req.query.maxResults ?? 50);
    const page = fields.slice(startAt, startAt + maxResults);
    return { status: 200, body: { fields: page, maxResults, startAt, total: fields.length } };
  }

  /** Validates one create payload; on success returns a new record (not yet stored). */
  private buildIssue(identity: Identity, body: unknown, pending: readonly IssueRecord[]): CreateOutcome {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return { status: 400, errorMessages: ['The request body must be a JSON object.'] };
    const b = body as { fields?: unknown; update?: unknown; properties?: unknown };
    if (typeof b.fields !== 'object' || b.fields === null || Array.isArray(b.fields)) {
      return { status: 400, errorMessages: [], errors: { project: 'Specify a valid project ID or key', summary: 'You must specify a summary of the issue.', issuetype: 'Specify an issue type' } };
    }
    const fields = b.fields as Record<string, unknown>;
    const errors: FieldErrors = {};
    const projectRef = refSchema.safeParse(fields.project);
    let project: ProjectRecord | undefined;
    if (!projectRef.success || (projectRef.data.id === undefined && projectRef.data.key === undefined)) errors.project = 'Specify a valid project ID or key';
    else {
      project = this.state.project(String(projectRef.data.id ?? projectRef.data.key));
      if (!project || !this.canBrowse(identity, project)) {
        errors.project = 'valid project is required';
        project = undefined;
      }
    }
    if (project && !this.can(identity, project, 'CREATE_ISSUES')) {
      return { status: 403, errorMessages: ['You do not have permission to create issues in this project.'] };
    }
    let type: IssueTypeRecord | undefined;
    const typeRef = refSchema.safeParse(fields.issuetype);
    if (!typeRef.success || (typeRef.data.id === undefined && typeRef.data.name === undefined)) errors.issuetype = 'Specify an issue type';
    else if (project) {
      type = this.state
        .issueTypesFor(project)
        .find((t) => (typeRef.data.id !== undefined ? t.id === String(typeRef.data.id) : t.name.toLowerCase() === String(typeRef.data.name).toLowerCase()));
      if (!type) errors.issuetype = 'Specify a valid issue type';
    }
    const summary = fields.summary;
    if (typeof summary !== 'string' || summary.trim().length === 0) errors.summary = 'You must specify a summary of the issue.';
    else if (summary.length > 255) errors.summary = 'Summary must be less than 255 characters.';
    else if (/[\r\n]/.test(summary)) errors.summary = 'The summary is invalid because it contains newline characters.';

    const draft: Partial<IssueRecord> = { labels: [], componentIds: [], description: null, priorityId: '3', assigneeId: null, duedate: null, parentId: null };
    if (project && type) this.applyEditableFields(fields, project, type, draft, errors, pending, true);
    for (const k of Object.keys(fields)) {
      if (!['project', 'issuetype', 'summary', ...EDITABLE].includes(k) && !errors[k]) {
        errors[k] = `Field '${k}' cannot be set. It is not on the appropriate screen, or unknown.`;
      }
    }
    if (type?.hierarchyLevel === -1 && draft.parentId === null && !errors.parent) errors.parent = 'Sub-tasks must have a parent: specify parent.key or parent.id.';
    let properties: Record<string, unknown> = {};
    if (b.properties !== undefined) {
      const parsed = z.array(z.object({ key: z.string().min(1).max(255), value: z.unknown() })).safeParse(b.properties);
      if (!parsed.success) errors.properties = 'Properties must be a list of { key, value }.';
      else {
        for (const p of parsed.data) {
          const size = Buffer.byteLength(JSON.stringify(p.value ?? null));
          if (size > MAX_PROPERTY_BYTES) errors.properties = `The property '${p.key}' has a value longer than ${MAX_PROPERTY_BYTES} bytes.`;
        }
        properties = Object.fromEntries(parsed.data.map((p) => [p.key, p.value ?? null]));
      }
    }
    if (b.update !== undefined && (typeof b.update !== 'object' || b.update === null)) errors.update = 'update must be an object.';
    if (Object.keys(errors).length > 0 || !project || !type) return { status: 400, errors, errorMessages: [] };
    const now = this.opts.now().toISOString();
    const reporter = identity.kind === 'app' ? APP_ACCOUNT_ID : identity.user.accountId;
    const issue: IssueRecord = {
      id: this.state.allocateId('issue'),
      key: this.state.allocateIssueKey(project),
      projectId: project.id,
      issueTypeId: type.id,
      summary: summary as string,
      description: draft.description ?? null,
      statusId: type.initialStatusId,
      labels: draft.labels ?? [],
      componentIds: draft.componentIds ?? [],
      parentId: draft.parentId ?? null,
      priorityId: draft.priorityId ?? '3',
      reporterId: typeof draft.reporterId === 'string' ? draft.reporterId : reporter,
      assigneeId: draft.assigneeId ?? null,
      duedate: draft.duedate ?? null,
      created: now,
      updated: now,
      resolutiondate: null,
      properties: properties as IssueRecord['properties'],
    };
    return { issue };
  }

  /** Shared by create and edit: description, labels, components, parent, priority, assignee, reporter, duedate. */
  private applyEditableFields(
    fields: Record<string, unknown>,
    project: ProjectRecord,
    type: IssueTypeRecord,
    draft: Partial<IssueRecord>,
    errors: FieldErrors,
    pending: readonly IssueRecord[],
    creating: boolean,
  ): void {
    if ('description' in fields) {
      const d = fields.description;
      if (d === null) draft.description = null;
      else if (isAdfDoc(d)) draft.description = d;
      else errors.description = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
    }
    if ('labels' in fields) {
      const l = fields.labels;
      if (!Array.isArray(l) || l.some((x) => typeof x !== 'string')) errors.labels = 'Labels must be a list of strings.';
      else {
        const bad = (l as string[]).find((x) => /\s/.test(x) || x.length === 0 || x.length > 255);
        if (bad !== undefined) errors.labels = `The label '${bad}' contains spaces which is invalid.`;
        else draft.labels = [...new Set(l as string[])];
      }
    }
    if ('components' in fields) {
      if (project.style === 'next-gen') errors.components = "Field 'components' cannot be set. It is not on the appropriate screen, or unknown.";
      else {
        const c = z.array(refSchema).safeParse(fields.components);
        if (!c.success) errors.components = 'Components must be a list of { id } or { name }.';
        else {
          const ids: string[] = [];
          for (const ref of c.data) {
            const comp = project.components.find((x) => (ref.id !== undefined ? x.id === String(ref.id) : x.name === ref.name));
            if (!comp) errors.components = `Component name '${ref.name ?? ref.id ?? ''}' is not valid`;
            else ids.push(comp.id);
          }
          draft.componentIds = ids;
        }
      }
    }
    if ('parent' in fields) {
      const ref = fields.parent;
      if (ref === null || (typeof ref === 'object' && (ref as { none?: unknown }).none === true)) {
        if (type.hierarchyLevel === -1) errors.parent = 'A sub-task must keep its parent.';
        else draft.parentId = null;
      } else {
        const r = refSchema.safeParse(ref);
        if (!r.success || (r.data.id === undefined && r.data.key === undefined)) errors.parent = 'Specify a parent issue key or id.';
        else {
          const idOrKey = String(r.data.id ?? r.data.key);
          const parent = this.state.issue(idOrKey) ?? pending.find((p) => p.id === idOrKey || p.key === idOrKey.toUpperCase());
          const parentType = parent ? this.state.get('issuetype', parent.issueTypeId) : undefined;
          if (!parent || !parentType) errors.parent = `Could not find issue by id or key '${idOrKey}'.`;
          else if (parent.projectId !== project.id && type.hierarchyLevel === -1) errors.parent = 'A sub-task must be in the same project as its parent.';
          else if (parentType.hierarchyLevel !== type.hierarchyLevel + 1) {
            errors.parent = 'Given parent work item does not belong to appropriate hierarchy.';
          } else draft.parentId = parent.id;
        }
      }
    }
    if ('priority' in fields) {
      const r = refSchema.safeParse(fields.priority);
      const p = r.success ? PRIORITIES.find((x) => x.id === String(r.data.id) || x.name === r.data.name) : undefined;
      if (!p) errors.priority = 'Specify a valid priority id or name.';
      else draft.priorityId = p.id;
    }
    for (const who of ['assignee', 'reporter'] as const) {
      if (!(who in fields)) continue;
      const v = fields[who];
      if (v === null) {
        if (who === 'assignee') draft.assigneeId = null;
        else errors.reporter = 'Reporter is required.';
        continue;
      }
      const acc = z.object({ accountId: z.string() }).passthrough().safeParse(v);
      if (!acc.success || (!findSandboxUser(acc.data.accountId) && acc.data.accountId !== APP_ACCOUNT_ID)) errors[who] = `Specify a valid accountId for ${who}.`;
      else if (who === 'assignee') draft.assigneeId = acc.data.accountId;
      else draft.reporterId = acc.data.accountId;
    }
    if ('duedate' in fields) {
      const v = fields.duedate;
      if (v === null) draft.duedate = null;
      else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) draft.duedate = v;
      else errors.duedate = "Error parsing date string: use the format 'yyyy-MM-dd'.";
    }
    void creating;
  }

  createIssue(req: ApiRequest): ApiResponse {
    const out = this.buildIssue(req.identity, req.body, []);
    if (!out.issue) throw new HttpError(out.status ?? 400, { errorMessages: out.errorMessages ?? [], errors: out.errors ?? {} });
    this.state.apply([{ table: 'issue', record: out.issue }]);
    return { status: 201, body: { id: out.issue.id, key: out.issue.key, self: `${SITE_URL}${API}/issue/${out.issue.id}` } };
  }

  createIssues(req: ApiRequest): ApiResponse {
    const parsed = z.object({ issueUpdates: z.array(z.unknown()) }).passthrough().safeParse(req.body);
    if (!parsed.success) throw jiraError(400, 'The request body must be { issueUpdates: [...] }.');
    const items = parsed.data.issueUpdates;
    if (items.length > 50) throw jiraError(400, `You can create at most 50 issues in one request; this one has ${items.length}.`);
    const created: IssueRecord[] = [];
    const errors: Record<string, unknown>[] = [];
    items.forEach((item, index) => {
      const out = this.buildIssue(req.identity, item, created);
      if (out.issue) created.push(out.issue);
      else {
        errors.push({
          status: out.status ?? 400,
          elementErrors: { errorMessages: out.errorMessages ?? [], errors: out.errors ?? {} },
          failedElementNumber: index,
        });
      }
    });
    if (created.length > 0) this.state.apply(created.map((issue) => ({ table: 'issue' as const, record: issue })));
    const body = {
      issues: created.map((i) => ({ id: i.id, key: i.key, self: `${SITE_URL}${API}/issue/${i.id}` })),
      errors,
    };
    return { status: created.length === 0 && items.length > 0 ? 400 : 201, body };
  }

  getIssue(req: ApiRequest): ApiResponse {
    const { issue } = this.requireIssue(req.identity, req.params.issueIdOrKey as string);
    const fields = req.query.fields !== undefined ? csv(req.query.fields) : undefined;
    return { status: 200, body: this.issueBean(issue, fields && fields.length > 0 ? fields : undefined, csv(req.query.properties)) };
  }

  editIssue(req: ApiRequest): ApiResponse {
    const { issue, project } = this.requireIssue(req.identity, req.params.issueIdOrKey as string);
    if (!this.can(req.identity, project, 'EDIT_ISSUES')) throw jiraError(403, 'You do not have permission to edit issues in this project.');
    const body = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw jiraError(400, 'The request body must be a JSON object.');
    const b = body as { fields?: unknown; update?: unknown; properties?: unknown };
    const type = this.state.get('issuetype', issue.issueTypeId) as IssueTypeRecord;
    const errors: FieldErrors = {};
    const draft: Partial<IssueRecord> = {};
    const fields = (b.fields ?? {}) as Record<string, unknown>;
    if (typeof fields !== 'object' || Array.isArray(fields)) throw jiraError(400, 'fields must be an object.');
    if ('summary' in fields) {
      const s = fields.summary;
      if (typeof s !== 'string' || s.trim().length === 0) errors.summary = 'You must specify a summary of the issue.';
      else if (s.length > 255) errors.summary = 'Summary must be less than 255 characters.';
      else draft.summary = s;
    }
    this.applyEditableFields(fields, project, type, draft, errors, [], false);
    for (const k of Object.keys(fields)) {
      if (!['summary', ...EDITABLE].includes(k) && !errors[k]) errors[k] = `Field '${k}' cannot be set. It is not on the appropriate screen, or unknown.`;
    }
    if (b.update !== undefined) {
      const upd = z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).safeParse(b.update);
      if (!upd.success) errors.update = 'update must map field names to lists of operations.';
      else {
        for (const [field, ops] of Object.entries(upd.data)) {
          if (field !== 'labels') {
            errors[field] = `Field '${field}' cannot be updated with operations here; use fields.${field}.`;
            continue;
          }
          let labels = [...(draft.labels ?? issue.labels)];
          for (const op of ops) {
            if (typeof op.add === 'string') labels = [...new Set([...labels, op.add])];
            else if (typeof op.remove === 'string') labels = labels.filter((l) => l !== op.remove);
            else if (Array.isArray(op.set)) labels = [...new Set(op.set.filter((x): x is string => typeof x === 'string'))];
            else errors.labels = 'Label operations are add, remove or set.';
          }
          if (labels.some((l) => /\s/.test(l))) errors.labels = 'Labels cannot contain spaces.';
          draft.labels = labels;
        }
      }
    }
    let properties = issue.properties;
    if (b.properties !== undefined) {
      const parsed = z.array(z.object({ key: z.string().min(1), value: z.unknown() })).safeParse(b.properties);
      if (!parsed.success) errors.properties = 'Properties must be a list of { key, value }.';
      else properties = { ...issue.properties, ...Object.fromEntries(parsed.data.map((p) => [p.key, (p.value ?? null) as IssueRecord['properties'][string]])) };
    }
    if (Object.keys(errors).length > 0) throw new HttpError(400, { errorMessages: [], errors });
    const updated: IssueRecord = { ...issue, ...draft, properties, updated: this.opts.now().toISOString() };
    this.state.apply([{ table: 'issue', record: updated }]);
    if (req.query.returnIssue === 'true') return { status: 200, body: this.issueBean(updated, undefined, []) };
    return { status: 204 };
  }

  // ---------- properties ----------

  private checkPropertyKey(key: string): void {
    if (key.length === 0 || key.length > 255) throw jiraError(400, 'The property key must be 1 to 255 characters long.');
  }

  getPropertyKeys(req: ApiRequest): ApiResponse {
    const { issue } = this.requireIssue(req.identity, req.params.issueIdOrKey as string);
    return {
      status: 200,
      body: {
        keys: Object.keys(issue.properties)
          .sort()
          .map((key) => ({ self: `${SITE_URL}${API}/issue/${issue.id}/properties/${encodeURIComponent(key)}`, key })),
      },
    };
  }

  getProperty(req: ApiRequest): ApiResponse {
    const { issue } = this.requireIssue(req.identity, req.params.issueIdOrKey as string);
    const key = req.params.propertyKey as string;
    if (!(key in issue.properties)) throw jiraError(404, `The property with key '${key}' does not exist.`);
    return { status: 200, body: { key, value: issue.properties[key] } };
  }

  setProperty(req: ApiRequest): ApiResponse {
    const { issue, project } = this.requireIssue(req.identity, req.params.issueIdOrKey as string);
    if (!this.can(req.identity, project, 'EDIT_ISSUES')) throw jiraError(403, 'You do not have permission to edit this issue.');
    const key = req.params.propertyKey as string;
    this.checkPropertyKey(key);
    if (req.body === undefined || req.body === null) throw jiraError(400, 'The property value must be a non-empty JSON value.');
    if (Buffer.byteLength(JSON.stringify(req.body)) > MAX_PROPERTY_BYTES) {
      throw jiraError(400, `The property value is longer than ${MAX_PROPERTY_BYTES} bytes.`);
    }
    const existed = key in issue.properties;
    this.state.apply([{ table: 'issue', record: { ...issue, properties: { ...issue.properties, [key]: req.body as IssueRecord['properties'][string] } } }]);
    return { status: existed ? 200 : 201 };
  }

  deleteProperty(req: ApiRequest): ApiResponse {
    const { issue, project } = this.requireIssue(req.identity, req.params.issueIdOrKey as string);
    if (!this.can(req.identity, project, 'EDIT_ISSUES')) throw jiraError(403, 'You do not have permission to edit this issue.');
    const key = req.params.propertyKey as string;
    if (!(key in issue.properties)) throw jiraError(404, `The property with key '${key}' does not exist.`);
    const properties = { ...issue.properties };
    delete properties[key];
    this.state.apply([{ table: 'issue', record: { ...issue, properties } }]);
    return { status: 204 };
  }

  private finishTask(description: string, result: unknown): ApiResponse {
    const now = this.opts.now().getTime();
    const id = this.state.allocateId('task');
    this.state.apply([{ table: 'task', record: { id, description, submitted: now, finished: now, result: result as never } }]);
    return { status: 303, headers: { location: `${API}/task/${id}` } };
  }

  setPropertiesMulti(req: ApiRequest): ApiResponse {
    const parsed = z
      .object({ issues: z.array(z.object({ issueID: z.number().int(), properties: z.record(z.string(), z.unknown()) }).strict()).max(100) })
      .strict()
      .safeParse(req.body);
    if (!parsed.success) throw jiraError(400, `Invalid request: ${parsed.error.issues[0]?.message ?? 'bad body'} (at most 100 issues of { issueID, properties }).`);
    const mutations: Mutation[] = [];
    const failed: string[] = [];
    for (const item of parsed.data.issues) {
      const issue = this.state.issue(String(item.issueID));
      const project = issue ? this.state.project(issue.projectId) : undefined;
      if (!issue || !project || !this.can(req.identity, project, 'EDIT_ISSUES')) {
        failed.push(String(item.issueID));
        continue;
      }
      for (const [k, v] of Object.entries(item.properties)) {
        this.checkPropertyKey(k);
        if (Buffer.byteLength(JSON.stringify(v ?? null)) > MAX_PROPERTY_BYTES) throw jiraError(400, `The property '${k}' is longer than ${MAX_PROPERTY_BYTES} bytes.`);
      }
      mutations.push({ table: 'issue', record: { ...issue, properties: { ...issue.properties, ...(item.properties as IssueRecord['properties']) } } });
    }
    if (mutations.length > 0) this.state.apply(mutations);
    return this.finishTask('Setting issue properties', { updated: mutations.length, failedIssueIds: failed });
  }

  setPropertiesList(req: ApiRequest): ApiResponse {
    const parsed = z
      .object({ entitiesIds: z.array(z.number().int()).max(10000), properties: z.record(z.string(), z.unknown()) })
      .strict()
      .safeParse(req.body);
    if (!parsed.success) throw jiraError(400, `Invalid request: ${parsed.error.issues[0]?.message ?? 'bad body'}.`);
    if (Object.keys(parsed.data.properties).length > 10) throw jiraError(400, 'At most 10 properties can be set in one request.');
    for (const k of Object.keys(parsed.data.properties)) this.checkPropertyKey(k);
    const mutations: Mutation[] = [];
    for (const id of parsed.data.entitiesIds) {
      const issue = this.state.issue(String(id));
      const project = issue ? this.state.project(issue.projectId) : undefined;
      if (!issue || !project || !this.can(req.identity, project, 'EDIT_ISSUES')) continue;
      mutations.push({ table: 'issue', record: { ...issue, properties: { ...issue.properties, ...(parsed.data.properties as IssueRecord['properties']) } } });
    }
    if (mutations.length > 0) this.state.apply(mutations); // transactional: one journal line
    return this.finishTask('Setting issue properties in bulk', { updated: mutations.length });
  }

  getTask(req: ApiRequest): ApiResponse {
    const t = this.state.get('task', req.params.taskId as string);
    if (!t) throw jiraError(404, `Task ${req.params.taskId as string} not found.`);
    return {
      status: 200,
      body: {
        self: `${SITE_URL}${API}/task/${t.id}`,
        id: t.id,
        description: t.description,
        status: 'COMPLETE',
        result: t.result,
        submittedBy: 0,
        progress: 100,
        elapsedRuntime: t.finished - t.submitted,
        submitted: t.submitted,
        started: t.submitted,
        finished: t.finished,
        lastUpdate: t.finished,
      },
    };
  }

  // ---------- search ----------

  removedSearch(): ApiResponse {
    throw jiraError(410, 'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.');
  }

  private jqlContext(identity: Identity): JqlContext {
    const projects = [...this.state.all('project')];
    // One answer per project and search: a search visits every issue (100,000 in the scale benchmarks).
    const browsable = new Map<string, boolean>();
    return {
      projects,
      issueTypes: [...this.state.all('issuetype')],
      issueById: (id) => this.state.get('issue', id),
      issueByKey: (key) => this.state.issue(key),
      currentAccountId: identity.kind === 'user' ? identity.user.accountId : null,
      now: this.opts.now(),
      canBrowse: (projectId) => {
        const known = browsable.get(projectId);
        if (known !== undefined) return known;
        const p = this.state.get('project', projectId);
        const may = p !== undefined && this.canBrowse(identity, p);
        browsable.set(projectId, may);
        return may;
      },
    };
  }

  /** Parses and compiles a bounded JQL query for `identity` (a JQL error or an unbounded query: 400, as Jira). */
  private compileBounded(identity: Identity, jql: string): { ctx: JqlContext; pred: (i: IssueRecord) => boolean; order: (a: IssueRecord, b: IssueRecord) => number } {
    try {
      const query = parseJql(jql);
      if (query.where === null) throw jiraError(400, 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
      const ctx = this.jqlContext(identity);
      return { ctx, pred: compileWhere(query.where, ctx), order: compileOrder(query.orderBy) };
    } catch (e) {
      if (e instanceof JqlError) throw jiraError(400, e.message);
      throw e;
    }
  }

  /** Runs a JQL query as `identity`; exposed for benchmarks through the emulator. */
  runSearch(identity: Identity, raw: unknown): Record<string, unknown> {
    const parsed = searchBodySchema.safeParse(raw ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw jiraError(400, `Invalid request payload: ${first ? `${first.path.join('.') || 'body'}: ${first.message}` : 'unreadable body'}.`);
    }
    const q = parsed.data;
    const jql = q.jql ?? '';
    const { ctx, pred, order } = this.compileBounded(identity, jql);
    const fields = q.fields ?? ['id'];
    const properties = q.properties ?? [];
    const onlyIds = fields.every((f) => f === 'id' || f === 'key') && properties.length === 0;
    const maxResults = Math.max(0, Math.min(q.maxResults ?? 50, onlyIds ? 5000 : 100));
    const hash = createHash('sha1').update(jql).digest('hex').slice(0, 12);
    let offset = 0;
    if (q.nextPageToken !== undefined) {
      try {
        const t = JSON.parse(Buffer.from(q.nextPageToken, 'base64url').toString('utf8')) as { o?: unknown; h?: unknown };
        if (typeof t.o !== 'number' || t.h !== hash) throw new Error('mismatch');
        offset = t.o;
      } catch {
        throw jiraError(400, 'The nextPageToken is invalid or belongs to another query.');
      }
    }
    const hits: IssueRecord[] = [];
    for (const issue of this.state.all('issue')) {
      if (ctx.canBrowse(issue.projectId) && pred(issue)) hits.push(issue);
    }
    hits.sort(order);
    const page = hits.slice(offset, offset + maxResults);
    const more = offset + page.length < hits.length;
    const issues = page.map((i) =>
      onlyIds && fields.length === 1 && fields[0] === 'id' && properties.length === 0
        ? { id: i.id }
        : this.issueBean(i, fields.filter((f) => f !== 'id' && f !== 'key'), properties),
    );
    const body: Record<string, unknown> = { issues, isLast: !more };
    if (more) body.nextPageToken = Buffer.from(JSON.stringify({ o: offset + page.length, h: hash })).toString('base64url');
    return body;
  }

  /**
   * POST /search/approximate-count (countIssues): `{ jql }` (bounded, no other property) → `{ count }`. Jira says
   * the figure is an estimate that may miss recent updates; the emulator counts exactly what the user may browse,
   * so the app must (and does) label it as approximate and never use it where an exact figure is needed.
   */
  approximateCount(req: ApiRequest): ApiResponse {
    const parsed = z.object({ jql: z.string().optional() }).strict().safeParse(req.body ?? {});
    if (!parsed.success) throw jiraError(400, 'Invalid request payload: only "jql" may be given.');
    const { ctx, pred } = this.compileBounded(req.identity, parsed.data.jql ?? '');
    let count = 0;
    for (const issue of this.state.all('issue')) if (ctx.canBrowse(issue.projectId) && pred(issue)) count += 1;
    return { status: 200, body: { count } };
  }

  search(req: ApiRequest, raw: unknown): ApiResponse {
    return { status: 200, body: this.runSearch(req.identity, raw) };
  }

  // ---------- permissions ----------

  myPermissions(req: ApiRequest): ApiResponse {
    const keys = csv(req.query.permissions);
    if (keys.length === 0) throw jiraError(400, 'The permissions parameter is required: name the permissions to check, e.g. permissions=BROWSE_PROJECTS.');
    const unknown = keys.filter((k) => !isKnownPermission(k));
    if (unknown.length > 0) throw jiraError(400, `Unrecognized permission keys: ${unknown.join(', ')}.`);
    let project: ProjectRecord | undefined;
    const pRef = req.query.projectId ?? req.query.projectKey;
    const iRef = req.query.issueId ?? req.query.issueKey;
    if (pRef !== undefined) {
      project = this.state.project(pRef);
      if (!project) throw jiraError(404, `No project could be found with ${req.query.projectId !== undefined ? 'id' : 'key'} '${pRef}'.`);
    } else if (iRef !== undefined) {
      const issue = this.state.issue(iRef);
      project = issue ? this.state.project(issue.projectId) : undefined;
      if (!issue || !project) throw jiraError(404, `Issue does not exist or you do not have permission to see it.`);
    }
    const role = this.roleOf(req.identity);
    const perms: Record<string, unknown> = {};
    for (const k of keys as PermissionKey[]) {
      const global = isGlobalPermission(k);
      let have: boolean;
      if (global) have = globalPermissionsOf(role).has(k);
      else if (project) have = this.can(req.identity, project, k);
      else have = projectPermissionsOf(role).has(k); // "in at least one project"
      perms[k] = { id: String(Object.keys(PERMISSION_NAMES).indexOf(k) + 1), key: k, name: PERMISSION_NAMES[k], type: global ? 'GLOBAL' : 'PROJECT', description: `Holds ${PERMISSION_NAMES[k]}.`, havePermission: have };
    }
    return { status: 200, body: { permissions: perms } };
  }

  checkPermissions(req: ApiRequest): ApiResponse {
    const parsed = z
      .object({
        accountId: z.string().optional(),
        globalPermissions: z.array(z.string()).optional(),
        projectPermissions: z.array(z.object({ permissions: z.array(z.string()), projects: z.array(z.number().int()).optional(), issues: z.array(z.number().int()).optional() }).strict()).optional(),
      })
      .strict()
      .safeParse(req.body);
    if (!parsed.success) throw jiraError(400, `Invalid request: ${parsed.error.issues[0]?.message ?? 'bad body'}.`);
    const b = parsed.data;
    let subject: Identity = req.identity;
    if (b.accountId !== undefined) {
      const isSelf = req.identity.kind === 'user' && req.identity.user.accountId === b.accountId;
      const mayAsk = req.identity.kind === 'app' || (req.identity.kind === 'user' && req.identity.user.role === 'site-admin');
      if (!isSelf && !mayAsk) throw jiraError(403, 'Only administrators can check the permissions of another user.');
      const u = findSandboxUser(b.accountId);
      if (!u) throw jiraError(400, `The accountId '${b.accountId}' is not a user of this site.`);
      subject = { kind: 'user', user: u };
    }
    const all = [...(b.globalPermissions ?? []), ...(b.projectPermissions ?? []).flatMap((p) => p.permissions)];
    const unknown = all.filter((k) => !isKnownPermission(k));
    if (unknown.length > 0) throw jiraError(400, `Unrecognized permission keys: ${unknown.join(', ')}.`);
    const role = this.roleOf(subject);
    const globalPermissions = (b.globalPermissions ?? []).filter((k) => globalPermissionsOf(role).has(k as PermissionKey));
    const projectPermissions = (b.projectPermissions ?? []).flatMap((entry) =>
      entry.permissions.map((perm) => {
        const projects = (entry.projects ?? []).filter((pid) => {
          const p = this.state.get('project', String(pid));
          return p !== undefined && this.can(subject, p, perm as PermissionKey);
        });
        const issues = (entry.issues ?? []).filter((iid) => {
          const i = this.state.get('issue', String(iid));
          const p = i ? this.state.get('project', i.projectId) : undefined;
          return p !== undefined && this.can(subject, p, perm as PermissionKey);
        });
        return { permission: perm, projects, issues };
      }),
    );
    return { status: 200, body: { globalPermissions, projectPermissions } };
  }

  // ---------- links ----------

  linkIssues(req: ApiRequest): ApiResponse {
    const parsed = z
      .object({ type: refSchema, inwardIssue: refSchema, outwardIssue: refSchema, comment: z.unknown().optional() })
      .strict()
      .safeParse(req.body);
    if (!parsed.success) throw jiraError(400, 'Specify type, inwardIssue and outwardIssue.');
    const b = parsed.data;
    const type = LINK_TYPES.find((t) => (b.type.id !== undefined ? t.id === String(b.type.id) : t.name.toLowerCase() === String(b.type.name).toLowerCase()));
    if (!type) throw jiraError(404, `No issue link type with name '${b.type.name ?? b.type.id ?? ''}' found.`);
    const ref = (r: z.infer<typeof refSchema>): string => String(r.id ?? r.key ?? '');
    const inward = this.requireIssue(req.identity, ref(b.inwardIssue));
    const outward = this.requireIssue(req.identity, ref(b.outwardIssue));
    if (!this.can(req.identity, inward.project, 'LINK_ISSUES')) throw jiraError(403, 'You do not have the permission to link issues.');
    const exists = [...this.state.all('link')].some((l) => l.typeId === type.id && l.inwardIssueId === inward.issue.id && l.outwardIssueId === outward.issue.id);
    if (!exists) {
      const link: LinkRecord = { id: this.state.allocateId('link'), typeId: type.id, inwardIssueId: inward.issue.id, outwardIssueId: outward.issue.id };
      this.state.apply([{ table: 'link', record: link }]);
    }
    return { status: 201 };
  }

  linkTypes(): ApiResponse {
    return { status: 200, body: { issueLinkTypes: LINK_TYPES.map((t) => ({ ...t, self: `${SITE_URL}${API}/issueLinkType/${t.id}` })) } };
  }
}

const EDITABLE = ['description', 'labels', 'components', 'parent', 'priority', 'assignee', 'reporter', 'duedate'];

export type { JiraApi };
/** Runs a search directly against the state (no HTTP): the benchmark helper. */
export function createJiraSearcher(state: EmulatorState, opts: JiraApiOptions): (identity: Identity, body: unknown) => Record<string, unknown> {
  const api = new JiraApi(state, opts);
  return (identity, body) => {
    try {
      return api.runSearch(identity, body);
    } catch (e) {
      if (e instanceof HttpError) throw new Error(`search failed: ${JSON.stringify(e.body)}`);
      throw e;
    }
  };
}
