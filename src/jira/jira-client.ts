import { escapeJqlString } from '../domain/jql-value';
import { route } from '@forge/api';
import type { z } from 'zod';
import {
  AppError,
  ContractMismatchError,
  UpstreamError,
  ValidationError,
  statusError,
  type ErrorDetails,
} from '../domain/errors';
import type { ProductApi, ProductRequester, ProductResponse } from '../platform/product-api';
import { parseProductResponse, readResponseBody, realSleep, retryingRequester, type RetryOptions } from '../platform/retry';
import {
  createMetaPageSchema,
  createdIssueSchema,
  createdIssuesSchema,
  entityPropertySchema,
  errorCollectionSchema,
  issueSchema,
  issueTypesSchema,
  permissionsSchema,
  projectRoleSchema,
  projectRolesMapSchema,
  projectSchema,
  projectSearchPageSchema,
  searchResultsSchema,
  approximateCountSchema,
  taskSchema,
  transitionsSchema,
  userListSchema,
  userPageSchema,
} from './jira-wire';

/**
 * The one Jira client. Every call goes through the injected ProductApi with an inline `route` template
 * (the Forge linter only sees those), through the shared retry, and every body is parsed with zod.
 * Non-2xx answers become AppErrors: 400 ValidationError, 401/403 ForbiddenError, 404 NotFoundError,
 * 409 ConflictError, anything else UpstreamError; Jira's messages go in `details`.
 */

export interface CallOptions {
  /** 'user' (default): Jira applies the signed-in user's permissions. 'app': only after your own check. */
  as?: 'user' | 'app';
}

export interface JiraClientOptions extends RetryOptions {
  /** First wait between polls of an async task (ms). Default 500, doubles up to 2 000. */
  taskPollIntervalMs?: number;
  /** Give up polling a task after this much waiting (ms). Default 20 000. */
  taskTimeoutMs?: number;
}

export interface JiraProject {
  id: string;
  key: string;
  name: string;
  projectTypeKey?: string;
  simplified?: boolean;
  /** 'classic' (company-managed) or 'next-gen' (team-managed). */
  style?: string;
}

export interface JiraIssueType {
  id: string;
  name: string;
  /** 1 = epic level, 0 = standard, -1 = subtask. */
  hierarchyLevel: number;
  subtask: boolean;
}

export interface JiraCreateField {
  fieldId: string;
  key: string;
  name: string;
  required: boolean;
  schema: { type?: string; items?: string; system?: string; custom?: string };
  hasDefaultValue: boolean;
  allowedValues?: unknown[];
}

export interface JiraProjectRoleActor {
  type: 'user' | 'group' | 'other';
  displayName?: string;
  accountId?: string;
  groupId?: string;
  groupName?: string;
}

export interface JiraProjectRole {
  id: string;
  name: string;
  actors: JiraProjectRoleActor[];
}

/** Body of POST /issue and of each element of POST /issue/bulk (IssueUpdateDetails). */
export interface JiraIssueInput {
  fields: Record<string, unknown>;
  update?: Record<string, unknown>;
  properties?: { key: string; value: unknown }[];
}

export interface JiraIssueEdit {
  fields?: Record<string, unknown>;
  update?: Record<string, unknown>;
  properties?: { key: string; value: unknown }[];
}

export interface JiraCreatedIssue {
  id: string;
  key: string;
}

export type BulkCreateItemResult =
  | { ok: true; id: string; key: string }
  | { ok: false; status: number; messages: string[]; fieldErrors: Record<string, string> };

export interface JiraIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  /** Issue properties asked for with `properties` (absent keys are not set on the issue). */
  properties: Record<string, unknown>;
}

export interface SearchJqlOptions extends CallOptions {
  /** Default ['summary'] (Jira's own default returns ids only). */
  fields?: string[];
  /** Up to 5 issue property keys to return with each issue. */
  properties?: string[];
  maxResults?: number;
  nextPageToken?: string;
}

export interface SearchJqlPage {
  issues: JiraIssue[];
  nextPageToken?: string;
  isLast: boolean;
}

export interface SearchJqlAllOptions extends CallOptions {
  fields?: string[];
  properties?: string[];
  /** maxResults per request. Default 100. */
  pageSize?: number;
}

export interface GetIssueOptions extends CallOptions {
  /** Default ['*all']. */
  fields?: string[];
  properties?: string[];
}

export interface IssuePropertiesEntry {
  issueId: string | number;
  /** 1 to 10 property keys -> JSON values. */
  properties: Record<string, unknown>;
}

export interface JiraTaskOutcome {
  /** Absent when Jira finished synchronously without naming a task. */
  taskId?: string;
  status: 'COMPLETE';
  result?: unknown;
}

/** A workflow transition of one issue (what closing an orphan reads). */
export interface JiraTransition {
  id: string;
  name: string;
  isAvailable?: boolean;
  to: { name: string; statusCategory: { key: string } };
}

/** A person as the user search returns them. */
export interface JiraUser {
  accountId: string;
  displayName: string;
  avatarUrl: string | null;
}

export interface IssueLinkInput {
  type: { name: string } | { id: string };
  inwardIssue: { key: string } | { id: string };
  outwardIssue: { key: string } | { id: string };
}

export const BULK_CREATE_CHUNK = 50;
export const PROPERTIES_MULTI_CHUNK = 100;
export const PROPERTIES_BY_LIST_CHUNK = 10_000;
export const MAX_PROPERTIES_PER_ISSUE = 10;
const KEYS_PER_SEARCH = 100;
/** Account ids per GET /user/bulk request (also its maxResults: Jira's default page is only 10). */
export const USERS_PER_BULK = 100;
const CREATEMETA_PAGE = 200;


function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function jiraMessages(body: unknown): { messages: string[]; fieldErrors: Record<string, string> } {
  const parsed = errorCollectionSchema.safeParse(body);
  if (!parsed.success) {
    return { messages: typeof body === 'string' && body !== '' ? [body.slice(0, 500)] : [], fieldErrors: {} };
  }
  const fieldErrors = parsed.data.errors ?? {};
  const messages = [
    ...(parsed.data.errorMessages ?? []),
    ...Object.entries(fieldErrors).map(([field, msg]) => `${field}: ${msg}`),
  ];
  return { messages, fieldErrors };
}

/** Maps a non-2xx Jira answer to the app's error types. */
export function jiraError(status: number, what: string, body: unknown): AppError {
  const { messages, fieldErrors } = jiraMessages(body);
  const details: ErrorDetails = { product: 'jira', status, messages, fieldErrors };
  const suffix = messages.length > 0 ? `: ${messages.join('; ')}` : '.';
  return statusError(status, details, {
    400: `Jira rejected ${what}${suffix}`,
    403: `Jira denied ${what} (${status})${suffix}`,
    404: `Jira could not find ${what}${suffix}`,
    409: `Jira reported a conflict on ${what}${suffix}`,
    other: `Jira answered ${status} to ${what}${suffix}`,
  });
}

function issueIdNumber(id: string | number): number {
  const n = typeof id === 'number' ? id : /^\d+$/.test(id) ? Number(id) : Number.NaN;
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new ValidationError(`Issue id ${String(id)} is not a numeric Jira issue id.`, { issueId: String(id) });
  }
  return n;
}

/** Keys named by Jira's "An issue with key 'X' does not exist for field 'key'" messages, upper-cased. */
function missingKeys(err: AppError): Set<string> {
  const messages = Array.isArray(err.details?.messages) ? err.details.messages : [];
  const out = new Set<string>();
  for (const m of messages) {
    if (typeof m !== 'string') continue;
    for (const match of m.matchAll(/key '([^']+)' does not exist/gi)) if (match[1] !== undefined) out.add(match[1].toUpperCase());
  }
  return out;
}

function toIssue(raw: z.infer<typeof issueSchema>): JiraIssue {
  return { id: raw.id, key: raw.key, fields: raw.fields ?? {}, properties: raw.properties ?? {} };
}

export class JiraClient {
  private readonly retry: RetryOptions;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly taskPollIntervalMs: number;
  private readonly taskTimeoutMs: number;

  constructor(
    private readonly api: ProductApi,
    opts: JiraClientOptions = {},
  ) {
    const { taskPollIntervalMs, taskTimeoutMs, ...retry } = opts;
    this.retry = retry;
    this.sleep = opts.sleep ?? realSleep;
    this.taskPollIntervalMs = taskPollIntervalMs ?? 500;
    this.taskTimeoutMs = taskTimeoutMs ?? 20_000;
  }

  private requester(opts?: CallOptions): ProductRequester {
    return retryingRequester(opts?.as === 'app' ? this.api.asApp() : this.api.asUser(), this.retry);
  }

  /** Body of a 2xx answer parsed with `schema`; a non-2xx answer thrown as an AppError. */
  private async parse<S extends z.ZodType>(res: ProductResponse, schema: S, what: string): Promise<z.infer<S>> {
    return parseProductResponse(res, schema, { product: 'jira', mismatch: `Jira sent an unexpected answer to ${what}.`, toError: (status, body) => jiraError(status, what, body) });
  }

  private async expectOk(res: ProductResponse, what: string): Promise<void> {
    if (res.status >= 200 && res.status < 300) return;
    throw jiraError(res.status, what, await readResponseBody(res));
  }

  // ---------------------------------------------------------------- permissions, projects, roles

  /** GET /rest/api/3/mypermissions for a project: key -> whether the caller has it. */
  async getMyPermissions(projectId: string, keys: string[], opts?: CallOptions): Promise<Record<string, boolean>> {
    if (keys.length === 0) return {};
    const res = await this.requester(opts).requestJira(
      route`/rest/api/3/mypermissions?projectId=${projectId}&permissions=${keys.join(',')}`,
    );
    const data = await this.parse(res, permissionsSchema, `permissions for project ${projectId}`);
    const out: Record<string, boolean> = {};
    for (const key of keys) out[key] = data.permissions?.[key]?.havePermission === true;
    return out;
  }

  /** GET /rest/api/3/project/{projectIdOrKey}/role: the roles with their numeric ids. */
  async getProjectRoles(projectIdOrKey: string, opts?: CallOptions): Promise<{ id: string; name: string }[]> {
    const res = await this.requester(opts).requestJira(route`/rest/api/3/project/${projectIdOrKey}/role`);
    const map = await this.parse(res, projectRolesMapSchema, `roles of project ${projectIdOrKey}`);
    return Object.entries(map).map(([name, url]) => ({ name, id: url.replace(/\/+$/, '').split('/').pop() ?? '' }));
  }

  /** GET /rest/api/3/project/{projectIdOrKey}/role/{id}: users and groups in one role. */
  async getProjectRole(projectIdOrKey: string, roleId: string, opts?: CallOptions): Promise<JiraProjectRole> {
    const res = await this.requester(opts).requestJira(route`/rest/api/3/project/${projectIdOrKey}/role/${roleId}`);
    const role = await this.parse(res, projectRoleSchema, `role ${roleId} of project ${projectIdOrKey}`);
    return {
      id: role.id !== undefined ? String(role.id) : roleId,
      name: role.name ?? '',
      actors: (role.actors ?? []).map((a): JiraProjectRoleActor => {
        if (a.actorUser?.accountId !== undefined) {
          return { type: 'user', accountId: a.actorUser.accountId, ...(a.displayName ? { displayName: a.displayName } : {}) };
        }
        if (a.actorGroup !== undefined) {
          return {
            type: 'group',
            ...(a.actorGroup.groupId ? { groupId: a.actorGroup.groupId } : {}),
            ...(a.actorGroup.name ? { groupName: a.actorGroup.name } : {}),
            ...((a.actorGroup.displayName ?? a.displayName) ? { displayName: a.actorGroup.displayName ?? a.displayName } : {}),
          };
        }
        return { type: 'other', ...(a.displayName ? { displayName: a.displayName } : {}) };
      }),
    };
  }

  /** Account ids of the users directly in a project role (group actors are not expanded). */
  async getProjectRoleActorIds(projectIdOrKey: string, roleId: string, opts?: CallOptions): Promise<string[]> {
    const role = await this.getProjectRole(projectIdOrKey, roleId, opts);
    return role.actors.flatMap((a) => (a.type === 'user' && a.accountId !== undefined ? [a.accountId] : []));
  }

  /**
   * GET /rest/api/3/user/bulk: display names by account id, in chunks of USERS_PER_BULK ids (each chunk paged
   * with startAt until isLast). Ids Jira does not return (unknown, deleted) are simply absent from the result.
   */
  async getUsersByAccountIds(accountIds: string[], opts?: CallOptions): Promise<Record<string, string>> {
    const unique = [...new Set(accountIds.filter((id) => id !== ''))];
    const out: Record<string, string> = {};
    for (const part of chunk(unique, USERS_PER_BULK)) {
      for (let startAt = 0; startAt < part.length; ) {
        const params = new URLSearchParams({ startAt: String(startAt), maxResults: String(part.length) });
        for (const id of part) params.append('accountId', id);
        const res = await this.requester(opts).requestJira(route`/rest/api/3/user/bulk?${params}`);
        const page = await this.parse(res, userPageSchema, `${part.length} users`);
        const values = page.values ?? [];
        for (const u of values) if (u.displayName !== undefined && u.displayName !== '') out[u.accountId] = u.displayName;
        startAt += values.length;
        if (values.length === 0 || page.isLast !== false) break;
      }
    }
    return out;
  }

  /** GET /rest/api/3/project/{projectIdOrKey}. */
  async getProject(projectIdOrKey: string, opts?: CallOptions): Promise<JiraProject> {
    const res = await this.requester(opts).requestJira(route`/rest/api/3/project/${projectIdOrKey}`);
    const p = await this.parse(res, projectSchema, `project ${projectIdOrKey}`);
    return {
      id: p.id,
      key: p.key,
      name: p.name,
      ...(p.projectTypeKey !== undefined ? { projectTypeKey: p.projectTypeKey } : {}),
      ...(p.simplified !== undefined ? { simplified: p.simplified } : {}),
      ...(p.style !== undefined ? { style: p.style } : {}),
    };
  }

  /**
   * GET /rest/api/3/project/search?query=…: the projects whose key or name contains the query, one page of at most
   * `maxResults`, as Jira lists them for the caller (as the user: only the projects they may browse).
   */
  async searchProjects(query: string, maxResults: number, opts?: CallOptions): Promise<{ projects: JiraProject[]; more: boolean }> {
    const params = new URLSearchParams({ query, maxResults: String(maxResults), orderBy: 'key' });
    const res = await this.requester(opts).requestJira(route`/rest/api/3/project/search?${params}`);
    const page = await this.parse(res, projectSearchPageSchema, 'the project search');
    return { projects: page.values.map((p) => ({ id: p.id, key: p.key, name: p.name })), more: page.isLast === false };
  }

  /** GET /rest/api/3/issuetype/project?projectId=: issue types with their hierarchy level (1 = epic). */
  async getIssueTypesForProject(projectId: string, opts?: CallOptions): Promise<JiraIssueType[]> {
    const res = await this.requester(opts).requestJira(route`/rest/api/3/issuetype/project?projectId=${projectId}`);
    const types = await this.parse(res, issueTypesSchema, `issue types of project ${projectId}`);
    return types.map((t) => ({
      id: t.id,
      name: t.name,
      hierarchyLevel: t.hierarchyLevel ?? (t.subtask === true ? -1 : 0),
      subtask: t.subtask ?? false,
    }));
  }

  /** GET /rest/api/3/issue/createmeta/{project}/issuetypes/{issueTypeId}, every page. */
  async getCreateFields(projectIdOrKey: string, issueTypeId: string, opts?: CallOptions): Promise<JiraCreateField[]> {
    const out: JiraCreateField[] = [];
    for (let startAt = 0; ; ) {
      const res = await this.requester(opts).requestJira(
        route`/rest/api/3/issue/createmeta/${projectIdOrKey}/issuetypes/${issueTypeId}?startAt=${startAt}&maxResults=${CREATEMETA_PAGE}`,
      );
      const page = await this.parse(res, createMetaPageSchema, `create fields of ${projectIdOrKey}/${issueTypeId}`);
      const fields = page.fields ?? page.results ?? [];
      for (const f of fields) {
        out.push({
          fieldId: f.fieldId,
          key: f.key ?? f.fieldId,
          name: f.name,
          required: f.required,
          schema: {
            ...(f.schema?.type !== undefined ? { type: f.schema.type } : {}),
            ...(f.schema?.items !== undefined ? { items: f.schema.items } : {}),
            ...(f.schema?.system !== undefined ? { system: f.schema.system } : {}),
            ...(f.schema?.custom !== undefined ? { custom: f.schema.custom } : {}),
          },
          hasDefaultValue: f.hasDefaultValue ?? false,
          ...(f.allowedValues !== undefined ? { allowedValues: f.allowedValues } : {}),
        });
      }
      startAt += fields.length;
      if (fields.length === 0 || page.total === undefined || startAt >= page.total) return out;
    }
  }

  // ---------------------------------------------------------------- issues

  /** POST /rest/api/3/issue. */
  async createIssue(input: JiraIssueInput, opts?: CallOptions): Promise<JiraCreatedIssue> {
    const res = await this.requester(opts).requestJira(route`/rest/api/3/issue`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(input),
    });
    const created = await this.parse(res, createdIssueSchema, 'the new issue');
    return { id: created.id, key: created.key };
  }

  /**
   * POST /rest/api/3/issue/bulk in chunks of 50. Never throws for a product error: the result has one
   * entry per input, in input order. A chunk that fails as a whole (403, exhausted retries…) marks its
   * items failed; after a 401/403 the remaining chunks are not sent.
   */
  async createIssuesBulk(items: JiraIssueInput[], opts?: CallOptions): Promise<BulkCreateItemResult[]> {
    const results: BulkCreateItemResult[] = [];
    let denied: { status: number; messages: string[] } | undefined;
    for (const part of chunk(items, BULK_CREATE_CHUNK)) {
      if (denied !== undefined) {
        for (let i = 0; i < part.length; i += 1) results.push({ ok: false, ...denied, fieldErrors: {} });
        continue;
      }
      try {
        results.push(...(await this.createChunk(part, opts)));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        const status = typeof err.details?.status === 'number' ? err.details.status : 0;
        const msgs = Array.isArray(err.details?.messages)
          ? err.details.messages.filter((m): m is string => typeof m === 'string')
          : [];
        const messages = msgs.length > 0 ? msgs : [err.message];
        if (status === 401 || status === 403) denied = { status, messages };
        for (let i = 0; i < part.length; i += 1) results.push({ ok: false, status, messages, fieldErrors: {} });
      }
    }
    return results;
  }

  private async createChunk(part: JiraIssueInput[], opts?: CallOptions): Promise<BulkCreateItemResult[]> {
    const res = await this.requester(opts).requestJira(route`/rest/api/3/issue/bulk`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ issueUpdates: part }),
    });
    const body = await readResponseBody(res);
    const parsed = createdIssuesSchema.safeParse(body);
    const perItem = parsed.success && (res.status === 201 || res.status === 200 || (res.status === 400 && (parsed.data.errors?.length ?? 0) > 0));
    if (!perItem) {
      if (res.status >= 200 && res.status < 300) {
        throw new ContractMismatchError('Jira sent an unexpected answer to a bulk create.', { product: 'jira', status: res.status });
      }
      throw jiraError(res.status, `a bulk create of ${part.length} issues`, body);
    }
    const failures = new Map<number, BulkCreateItemResult>();
    for (const e of parsed.data.errors ?? []) {
      if (e.failedElementNumber === undefined) continue;
      const { messages, fieldErrors } = jiraMessages(e.elementErrors ?? {});
      failures.set(e.failedElementNumber, { ok: false, status: e.status ?? e.elementErrors?.status ?? 400, messages, fieldErrors });
    }
    const created = [...(parsed.data.issues ?? [])];
    return part.map((_, i): BulkCreateItemResult => {
      const failed = failures.get(i);
      if (failed !== undefined) return failed;
      // Jira lists created issues in request order, skipping the failed elements.
      const next = created.shift();
      if (next === undefined) {
        return { ok: false, status: res.status, messages: ['Jira reported no result for this item.'], fieldErrors: {} };
      }
      return { ok: true, id: next.id, key: next.key };
    });
  }

  /** GET /rest/api/3/issue/{issueIdOrKey}. */
  async getIssue(issueIdOrKey: string, opts?: GetIssueOptions): Promise<JiraIssue> {
    const params = new URLSearchParams({ fields: (opts?.fields ?? ['*all']).join(',') });
    if (opts?.properties !== undefined && opts.properties.length > 0) params.set('properties', opts.properties.join(','));
    const res = await this.requester(opts).requestJira(route`/rest/api/3/issue/${issueIdOrKey}?${params}`);
    return toIssue(await this.parse(res, issueSchema, `issue ${issueIdOrKey}`));
  }

  /**
   * Issues by key via JQL (chunks of 100 keys), in input order. Keys Jira does not return are left out:
   * Jira rejects `key in (…)` naming a deleted or invisible issue with a 400, so those keys are read
   * from its messages, dropped, and the search is repeated.
   */
  async getIssuesByKeys(keys: string[], opts?: Omit<SearchJqlAllOptions, 'pageSize'>): Promise<JiraIssue[]> {
    const unique = [...new Set(keys)];
    const byKey = new Map<string, JiraIssue>();
    for (const first of chunk(unique, KEYS_PER_SEARCH)) {
      let part = first;
      while (part.length > 0) {
        const jql = `key in (${part.map(escapeJqlString).join(', ')})`;
        try {
          const found: JiraIssue[] = [];
          for await (const issue of this.searchJqlAll(jql, { ...opts, pageSize: KEYS_PER_SEARCH })) found.push(issue);
          for (const issue of found) byKey.set(issue.key, issue);
          break;
        } catch (err) {
          const missing = err instanceof ValidationError ? missingKeys(err) : new Set<string>();
          const rest = part.filter((k) => !missing.has(k.toUpperCase()));
          if (rest.length === part.length) throw err;
          part = rest;
        }
      }
    }
    return unique.flatMap((k) => {
      const issue = byKey.get(k);
      return issue === undefined ? [] : [issue];
    });
  }

  /** PUT /rest/api/3/issue/{issueIdOrKey}. */
  async editIssue(issueIdOrKey: string, edit: JiraIssueEdit, opts?: CallOptions): Promise<void> {
    const res = await this.requester(opts).requestJira(route`/rest/api/3/issue/${issueIdOrKey}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(edit),
    });
    await this.expectOk(res, `the edit of issue ${issueIdOrKey}`);
  }

  /** GET /rest/api/3/issue/{key}/transitions: the workflow transitions the caller may make now. */
  async getTransitions(issueIdOrKey: string, opts?: CallOptions): Promise<JiraTransition[]> {
    const res = await this.requester(opts).requestJira(route`/rest/api/3/issue/${issueIdOrKey}/transitions`);
    const data = await this.parse(res, transitionsSchema, `the transitions of issue ${issueIdOrKey}`);
    return data.transitions.map((t) => ({
      id: t.id,
      name: t.name,
      ...(t.isAvailable !== undefined ? { isAvailable: t.isAvailable } : {}),
      to: { name: t.to.name, statusCategory: { key: t.to.statusCategory.key } },
    }));
  }

  /** POST /rest/api/3/issue/{key}/transitions. */
  async transitionIssue(issueIdOrKey: string, transitionId: string, opts?: CallOptions): Promise<void> {
    const res = await this.requester(opts).requestJira(route`/rest/api/3/issue/${issueIdOrKey}/transitions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ transition: { id: transitionId } }),
    });
    await this.expectOk(res, `the transition of issue ${issueIdOrKey}`);
  }

  /** GET /rest/api/3/user/search?query=…: active people (no apps) whose name or email starts with the query. */
  async searchUsers(query: string, maxResults: number, opts?: CallOptions): Promise<JiraUser[]> {
    const params = new URLSearchParams({ query, maxResults: String(maxResults) });
    const res = await this.requester(opts).requestJira(route`/rest/api/3/user/search?${params}`);
    const users = await this.parse(res, userListSchema, 'the user search');
    return users
      .filter((u) => u.active !== false && (u.accountType === undefined || u.accountType === 'atlassian'))
      .map((u) => ({ accountId: u.accountId, displayName: u.displayName ?? u.accountId, avatarUrl: u.avatarUrls?.['24x24'] ?? u.avatarUrls?.['48x48'] ?? null }));
  }

  /** POST /rest/api/3/issueLink. */
  async createIssueLink(link: IssueLinkInput, opts?: CallOptions): Promise<void> {
    const res = await this.requester(opts).requestJira(route`/rest/api/3/issueLink`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(link),
    });
    await this.expectOk(res, 'the issue link');
  }

  // ---------------------------------------------------------------- search

  /** POST /rest/api/3/search/jql: one page. */
  async searchJql(jql: string, opts?: SearchJqlOptions): Promise<SearchJqlPage> {
    const body = {
      jql,
      fields: opts?.fields ?? ['summary'],
      ...(opts?.properties !== undefined && opts.properties.length > 0 ? { properties: opts.properties } : {}),
      maxResults: opts?.maxResults ?? 100,
      ...(opts?.nextPageToken !== undefined ? { nextPageToken: opts.nextPageToken } : {}),
    };
    const res = await this.requester(opts).requestJira(route`/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    const page = await this.parse(res, searchResultsSchema, 'a JQL search');
    const token = page.nextPageToken ?? undefined;
    return {
      issues: (page.issues ?? []).map(toIssue),
      ...(token !== undefined ? { nextPageToken: token } : {}),
      isLast: page.isLast ?? token === undefined,
    };
  }

  /**
   * Jira's ESTIMATE of how many issues match a bounded `jql` (POST /search/approximate-count: one call, 2 points,
   * whatever the count). Recent changes may be missing: callers label the figure as approximate and never use it
   * where an exact figure is needed.
   */
  async approximateCount(jql: string, opts?: CallOptions): Promise<number> {
    const res = await this.requester(opts).requestJira(route`/rest/api/3/search/approximate-count`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ jql }),
    });
    return (await this.parse(res, approximateCountSchema, 'an approximate issue count')).count;
  }

  /** Whether at least one issue matches `jql`: an id-only search page of one (exact, 2 points at most). */
  async anyIssueMatches(jql: string, opts?: CallOptions): Promise<boolean> {
    const page = await this.searchJql(jql, { ...opts, fields: ['id'], maxResults: 1 });
    return page.issues.length > 0;
  }

  /** Every issue matching `jql`, page after page, following nextPageToken until isLast. */
  async *searchJqlAll(jql: string, opts?: SearchJqlAllOptions): AsyncGenerator<JiraIssue, void, undefined> {
    let nextPageToken: string | undefined;
    const seen = new Set<string>();
    for (;;) {
      const page = await this.searchJql(jql, {
        ...(opts?.as !== undefined ? { as: opts.as } : {}),
        ...(opts?.fields !== undefined ? { fields: opts.fields } : {}),
        ...(opts?.properties !== undefined ? { properties: opts.properties } : {}),
        maxResults: opts?.pageSize ?? 100,
        ...(nextPageToken !== undefined ? { nextPageToken } : {}),
      });
      for (const issue of page.issues) yield issue;
      if (page.isLast || page.nextPageToken === undefined || seen.has(page.nextPageToken)) return;
      seen.add(page.nextPageToken);
      nextPageToken = page.nextPageToken;
    }
  }

  // ---------------------------------------------------------------- issue properties

  /** GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}; undefined when it is not set (404). */
  async getIssueProperty(issueIdOrKey: string, propertyKey: string, opts?: CallOptions): Promise<unknown> {
    const res = await this.requester(opts).requestJira(
      route`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`,
    );
    if (res.status === 404) return undefined;
    const prop = await this.parse(res, entityPropertySchema, `property ${propertyKey} of issue ${issueIdOrKey}`);
    return prop.value;
  }

  /** PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey} (value: any JSON, <= 32 768 chars). */
  async setIssueProperty(issueIdOrKey: string, propertyKey: string, value: unknown, opts?: CallOptions): Promise<void> {
    const res = await this.requester(opts).requestJira(
      route`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`,
      { method: 'PUT', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(value) },
    );
    await this.expectOk(res, `property ${propertyKey} of issue ${issueIdOrKey}`);
  }

  /** DELETE …/properties/{propertyKey}; false when there was nothing to delete (404). */
  async deleteIssueProperty(issueIdOrKey: string, propertyKey: string, opts?: CallOptions): Promise<boolean> {
    const res = await this.requester(opts).requestJira(
      route`/rest/api/3/issue/${issueIdOrKey}/properties/${propertyKey}`,
      { method: 'DELETE' },
    );
    if (res.status === 404) return false;
    await this.expectOk(res, `property ${propertyKey} of issue ${issueIdOrKey}`);
    return true;
  }

  /**
   * POST /rest/api/3/issue/properties/multi (different properties per issue), chunks of 100 issues.
   * Jira answers 303 with the task location; the task is polled until COMPLETE. Not transactional.
   */
  async setIssuePropertiesMulti(entries: IssuePropertiesEntry[], opts?: CallOptions): Promise<JiraTaskOutcome[]> {
    const issues = entries.map((e) => {
      const count = Object.keys(e.properties).length;
      if (count === 0 || count > MAX_PROPERTIES_PER_ISSUE) {
        throw new ValidationError(`Issue ${String(e.issueId)} needs 1 to ${MAX_PROPERTIES_PER_ISSUE} properties, got ${count}.`);
      }
      return { issueID: issueIdNumber(e.issueId), properties: e.properties };
    });
    const outcomes: JiraTaskOutcome[] = [];
    for (const part of chunk(issues, PROPERTIES_MULTI_CHUNK)) {
      const res = await this.requester(opts).requestJira(route`/rest/api/3/issue/properties/multi`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ issues: part }),
      });
      outcomes.push(await this.awaitTask(res, `properties on ${part.length} issues`, opts));
    }
    return outcomes;
  }

  /**
   * POST /rest/api/3/issue/properties (the same 1–10 properties on many issues), chunks of 10 000 ids.
   * Transactional per request; async task polled until COMPLETE.
   */
  async bulkSetIssuePropertyByList(
    issueIds: (string | number)[],
    properties: Record<string, unknown>,
    opts?: CallOptions,
  ): Promise<JiraTaskOutcome[]> {
    const count = Object.keys(properties).length;
    if (count === 0 || count > MAX_PROPERTIES_PER_ISSUE) {
      throw new ValidationError(`A bulk property update needs 1 to ${MAX_PROPERTIES_PER_ISSUE} properties, got ${count}.`);
    }
    const ids = [...new Set(issueIds.map(issueIdNumber))];
    const outcomes: JiraTaskOutcome[] = [];
    for (const part of chunk(ids, PROPERTIES_BY_LIST_CHUNK)) {
      const res = await this.requester(opts).requestJira(route`/rest/api/3/issue/properties`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ entitiesIds: part, properties }),
      });
      outcomes.push(await this.awaitTask(res, `properties on ${part.length} issues`, opts));
    }
    return outcomes;
  }

  /** GET /rest/api/3/task/{taskId}. */
  async getTask(taskId: string, opts?: CallOptions): Promise<z.infer<typeof taskSchema>> {
    const res = await this.requester(opts).requestJira(route`/rest/api/3/task/${taskId}`);
    return this.parse(res, taskSchema, `task ${taskId}`);
  }

  /** Follows an async-task answer (303 + Location, or an already-followed 200 task body) to completion. */
  private async awaitTask(res: ProductResponse, what: string, opts?: CallOptions): Promise<JiraTaskOutcome> {
    let taskId: string | undefined;
    let task: z.infer<typeof taskSchema> | undefined;
    if (res.status >= 300 && res.status < 400) {
      const location = res.headers.get('location') ?? '';
      taskId = /\/task\/([^/?#]+)/.exec(location)?.[1];
      if (taskId === undefined) {
        throw new ContractMismatchError(`Jira accepted ${what} but named no task to follow.`, { product: 'jira', status: res.status, location });
      }
    } else {
      const body = await readResponseBody(res);
      if (res.status < 200 || res.status >= 300) throw jiraError(res.status, what, body);
      const parsed = taskSchema.safeParse(body);
      if (!parsed.success) return { status: 'COMPLETE' }; // finished synchronously, nothing to follow
      task = parsed.data;
      taskId = task.id;
    }
    let waited = 0;
    let interval = this.taskPollIntervalMs;
    for (;;) {
      if (task !== undefined) {
        if (task.status === 'COMPLETE') {
          return { taskId, status: 'COMPLETE', ...(task.result !== undefined ? { result: task.result } : {}) };
        }
        if (task.status !== 'ENQUEUED' && task.status !== 'RUNNING') {
          // Jira gives no reason a task failed or was cancelled (load, a restart): another run may succeed.
          throw new UpstreamError(
            `Jira task ${taskId} for ${what} ended ${task.status}.`,
            { product: 'jira', taskId, taskStatus: task.status, messages: task.message !== undefined ? [task.message] : [], result: task.result },
            'transient',
          );
        }
        if (waited >= this.taskTimeoutMs) {
          throw new UpstreamError(`Jira task ${taskId} for ${what} is still ${task.status} after ${waited} ms.`, { product: 'jira', taskId, taskStatus: task.status }, 'transient');
        }
        await this.sleep(interval);
        waited += interval;
        interval = Math.min(interval * 2, 2000);
      }
      task = await this.getTask(taskId, opts);
    }
  }
}
