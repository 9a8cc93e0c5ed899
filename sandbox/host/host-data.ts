import { z } from 'zod';
import { ACCOUNT_HEADER, AS_APP_HEADER } from '../http-product-api';
import type { IssueRef, MacroConfig, MacroRef, ProductLookup, ProjectRef } from '../bridge/forge-context';

/**
 * What the host pages and the bridge read from the emulated products. Everything goes through the public
 * REST paths, never through the emulator's internals.
 */
export type Inject = (req: {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers?: Record<string, string>;
  payload?: string;
}) => Promise<{ statusCode: number; body: string }>;

export type Caller = { asApp: true } | { accountId: string | undefined };

/**
 * An Inject that goes over HTTP to the running server. (Fastify's own `inject` cannot be used under Jest here:
 * light-my-request loads the ESM-only `cookie` 2.x.)
 */
export function httpInject(baseUrl: () => string, doFetch: typeof fetch = fetch): Inject {
  return async (req) => {
    const res = await doFetch(new URL(req.url, baseUrl()), {
      method: req.method,
      headers: req.headers ?? {},
      ...(req.payload === undefined ? {} : { body: req.payload }),
    });
    return { statusCode: res.status, body: await res.text() };
  };
}

const projectSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  projectTypeKey: z.string().optional(),
  style: z.string().optional(),
  simplified: z.boolean().optional(),
});

const adfNodeSchema: z.ZodType<AdfNode> = z.lazy(() =>
  z.looseObject({ type: z.string(), text: z.string().optional(), content: z.array(adfNodeSchema).optional() }),
);
interface AdfNode {
  type: string;
  text?: string | undefined;
  content?: AdfNode[] | undefined;
}

const issueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: z.looseObject({
    summary: z.string().optional(),
    status: z.looseObject({ name: z.string(), statusCategory: z.looseObject({ key: z.string() }).optional() }).optional(),
    issuetype: z.looseObject({ id: z.string(), name: z.string() }).optional(),
    project: z.looseObject({ key: z.string() }).optional(),
    priority: z.looseObject({ name: z.string() }).nullable().optional(),
    assignee: z.looseObject({ displayName: z.string() }).nullable().optional(),
    description: adfNodeSchema.nullable().optional(),
  }),
});

const searchSchema = z.looseObject({ issues: z.array(issueSchema) });
const spacesSchema = z.looseObject({
  results: z.array(z.looseObject({ id: z.string(), key: z.string(), name: z.string(), homepageId: z.string().nullable().optional() })),
});
const pageSchema = z.looseObject({ id: z.string(), spaceId: z.string() });
const spaceSchema = z.looseObject({ id: z.string(), key: z.string() });
const editablePageSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  status: z.enum(['current', 'draft']),
  version: z.looseObject({ number: z.number().int() }),
  body: z.looseObject({ atlas_doc_format: z.looseObject({ value: z.string() }) }),
});

/** A page as the sandbox's editor changes it. */
export interface EditablePage {
  id: string;
  title: string;
  status: 'current' | 'draft';
  version: number;
  adf: unknown;
}

/** The first message of a Confluence v2 error answer (`{ errors: [{ title, detail }] }`). */
function confluenceMessage(json: unknown): string {
  const first = (json as { errors?: { title?: string; detail?: string }[] } | null)?.errors?.[0];
  return [first?.title, first?.detail].filter(Boolean).join(': ') || 'Confluence refused the request.';
}

export interface ProjectDetails {
  id: string;
  key: string;
  name: string;
  type: string;
  teamManaged: boolean;
}

export interface IssueSummary {
  key: string;
  summary: string;
  status: string;
  statusCategory: string;
}

export interface IssueDetails extends IssueSummary {
  id: string;
  type: string;
  projectKey: string;
  priority: string | null;
  assignee: string | null;
  /** The description's paragraphs as plain text. */
  description: string[];
}

export interface SpaceHome {
  spaceId: string;
  key: string;
  name: string;
  homepageId: string | null;
}

/** Plain-text paragraphs of an ADF document (enough for the host's simple issue view). */
export function adfToParagraphs(doc: AdfNode | null | undefined): string[] {
  if (!doc) return [];
  const text = (n: AdfNode): string =>
    n.type === 'text' ? (n.text ?? '') : n.type === 'hardBreak' ? '\n' : (n.content ?? []).map(text).join('');
  const out: string[] = [];
  const walk = (n: AdfNode): void => {
    if (['paragraph', 'heading', 'codeBlock', 'blockquote'].includes(n.type) || (n.type === 'listItem' && n.content)) {
      const t = text(n).trim();
      if (t) out.push(n.type === 'listItem' ? `• ${t}` : t);
      return;
    }
    (n.content ?? []).forEach(walk);
  };
  walk(doc);
  return out;
}

/** How long the bridge trusts a looked-up project or issue reference (they almost never change). */
const LOOKUP_TTL_MS = 60_000;

export class HostData implements ProductLookup {
  private readonly cache = new Map<string, { at: number; value: unknown }>();

  constructor(
    private readonly inject: Inject,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Cached lookups keep the bridge from adding product calls to every invocation (and to the traffic log). */
  private async cached<T>(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const hit = this.cache.get(key);
    if (hit && this.clock() - hit.at < LOOKUP_TTL_MS) return hit.value as T;
    const value = await load();
    if (value !== undefined) this.cache.set(key, { at: this.clock(), value });
    return value;
  }

  private async call(caller: Caller, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if ('asApp' in caller) headers[AS_APP_HEADER] = 'true';
    else if (caller.accountId !== undefined) headers[ACCOUNT_HEADER] = caller.accountId;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await this.inject({ method, url, headers, ...(body === undefined ? {} : { payload: JSON.stringify(body) }) });
    let json: unknown = null;
    try {
      json = res.body ? (JSON.parse(res.body) as unknown) : null;
    } catch {
      json = null;
    }
    return { status: res.statusCode, json };
  }

  async projectDetails(key: string): Promise<ProjectDetails | undefined> {
    return this.cached(`project:${key}`, () => this.loadProject(key));
  }

  private async loadProject(key: string): Promise<ProjectDetails | undefined> {
    const res = await this.call({ asApp: true }, 'GET', `/rest/api/3/project/${encodeURIComponent(key)}`);
    if (res.status !== 200) return undefined;
    const p = projectSchema.parse(res.json);
    return {
      id: p.id,
      key: p.key,
      name: p.name,
      type: p.projectTypeKey ?? 'software',
      teamManaged: p.style === 'next-gen' || p.simplified === true,
    };
  }

  async project(key: string): Promise<ProjectRef | undefined> {
    const p = await this.projectDetails(key);
    return p === undefined ? undefined : { id: p.id, key: p.key, type: p.type };
  }

  /** The macro node's stored configuration, read from the page as the app (Confluence renders its own pages). */
  async macroConfig(ref: MacroRef): Promise<MacroConfig | undefined> {
    const res = await this.call({ asApp: true }, 'GET', `/wiki/api/v2/pages/${encodeURIComponent(ref.contentId)}?body-format=atlas_doc_format`);
    if (res.status !== 200) return undefined;
    const value = (res.json as { body?: { atlas_doc_format?: { value?: unknown } } } | undefined)?.body?.atlas_doc_format?.value;
    if (typeof value !== 'string') return undefined;
    const found = findExtension(JSON.parse(value) as unknown, ref.localId);
    return found;
  }

  /** A page with its ADF body as the user reads it through the REST API: 200 with the page, or Confluence's status. */
  async pageForEdit(pageId: string, accountId: string): Promise<{ status: number; page?: EditablePage; message?: string }> {
    const res = await this.call({ accountId }, 'GET', `/wiki/api/v2/pages/${encodeURIComponent(pageId)}?body-format=atlas_doc_format`);
    if (res.status !== 200) return { status: res.status, message: confluenceMessage(res.json) };
    const p = editablePageSchema.parse(res.json);
    return { status: 200, page: { id: p.id, title: p.title, status: p.status, version: p.version.number, adf: JSON.parse(p.body.atlas_doc_format.value) as unknown } };
  }

  /** Saves a new ADF body as the next version of the page, as the user (Confluence checks their right to edit). */
  async savePageBody(page: EditablePage, accountId: string, adf: unknown, message: string): Promise<{ status: number; message?: string }> {
    const res = await this.call({ accountId }, 'PUT', `/wiki/api/v2/pages/${encodeURIComponent(page.id)}`, {
      id: page.id,
      status: page.status,
      title: page.title,
      body: { representation: 'atlas_doc_format', value: JSON.stringify(adf) },
      version: { number: page.version + 1, message },
    });
    return res.status === 200 ? { status: 200 } : { status: res.status, message: confluenceMessage(res.json) };
  }

  async issue(key: string): Promise<IssueRef | undefined> {
    return this.cached(`issue:${key}`, () => this.loadIssue(key));
  }

  private async loadIssue(key: string): Promise<IssueRef | undefined> {
    const res = await this.call({ asApp: true }, 'GET', `/rest/api/3/issue/${encodeURIComponent(key)}?fields=issuetype,project`);
    if (res.status !== 200) return undefined;
    const i = issueSchema.parse(res.json);
    return {
      id: i.id,
      key: i.key,
      type: i.fields.issuetype?.name ?? 'Task',
      typeId: i.fields.issuetype?.id ?? '',
      projectKey: i.fields.project?.key ?? i.key.split('-')[0] ?? '',
    };
  }

  /** The issue as the given user sees it: status 200 with details, or Jira's status (401, 403, 404). */
  async issueView(key: string, accountId: string | undefined): Promise<{ status: number; issue?: IssueDetails }> {
    const fields = 'summary,status,description,issuetype,project,priority,assignee';
    const res = await this.call({ accountId }, 'GET', `/rest/api/3/issue/${encodeURIComponent(key)}?fields=${fields}`);
    if (res.status !== 200) return { status: res.status };
    const i = issueSchema.parse(res.json);
    return {
      status: 200,
      issue: {
        id: i.id,
        key: i.key,
        summary: i.fields.summary ?? '',
        status: i.fields.status?.name ?? '',
        statusCategory: i.fields.status?.statusCategory?.key ?? 'new',
        type: i.fields.issuetype?.name ?? '',
        projectKey: i.fields.project?.key ?? '',
        priority: i.fields.priority?.name ?? null,
        assignee: i.fields.assignee?.displayName ?? null,
        description: adfToParagraphs(i.fields.description),
      },
    };
  }

  /** Issues of a project the user can see, newest keys last (empty when the user may not browse it). */
  async issues(projectKey: string, caller: Caller, maxResults: number): Promise<IssueSummary[]> {
    const res = await this.call(caller, 'POST', '/rest/api/3/search/jql', {
      jql: `project = "${projectKey.replace(/"/g, '')}" ORDER BY key ASC`,
      fields: ['summary', 'status'],
      maxResults,
    });
    if (res.status !== 200) return [];
    return searchSchema.parse(res.json).issues.map((i) => ({
      key: i.key,
      summary: i.fields.summary ?? '',
      status: i.fields.status?.name ?? '',
      statusCategory: i.fields.status?.statusCategory?.key ?? 'new',
    }));
  }

  async spaceHome(spaceKey: string): Promise<SpaceHome | undefined> {
    const res = await this.call({ asApp: true }, 'GET', `/wiki/api/v2/spaces?keys=${encodeURIComponent(spaceKey)}`);
    if (res.status !== 200) return undefined;
    const s = spacesSchema.parse(res.json).results[0];
    return s === undefined ? undefined : { spaceId: s.id, key: s.key, name: s.name, homepageId: s.homepageId ?? null };
  }

  /** Key of the space a page belongs to. */
  async pageSpaceKey(pageId: string): Promise<string | undefined> {
    const page = await this.call({ asApp: true }, 'GET', `/wiki/api/v2/pages/${encodeURIComponent(pageId)}`);
    if (page.status !== 200) return undefined;
    const { spaceId } = pageSchema.parse(page.json);
    const space = await this.call({ asApp: true }, 'GET', `/wiki/api/v2/spaces/${encodeURIComponent(spaceId)}`);
    if (space.status !== 200) return undefined;
    return spaceSchema.parse(space.json).key;
  }
}

/** The `guestParams` of the extension node with `localId` anywhere in an ADF document. */
export function findExtension(node: unknown, localId: string): MacroConfig | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const n = node as { type?: unknown; attrs?: { localId?: unknown; parameters?: { guestParams?: unknown } }; content?: unknown };
  if (n.type === 'extension' && n.attrs?.localId === localId) {
    const g = n.attrs.parameters?.guestParams;
    return g !== null && typeof g === 'object' ? (g as MacroConfig) : {};
  }
  if (Array.isArray(n.content)) {
    for (const child of n.content) {
      const hit = findExtension(child, localId);
      if (hit !== undefined) return hit;
    }
  }
  return undefined;
}
