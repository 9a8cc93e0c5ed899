import { z } from 'zod';

import { SITE_URL } from './catalog';
import type { EmulatorState } from './emulator-state';
import { APP_ACCOUNT_ID, confluenceError, type ApiRequest, type ApiResponse, type Identity, type Router } from './http';
import { adfToHtml, checkAdf } from './page-view';
import type { PagePropertyRecord, PageRecord, SpaceRecord } from './records';

const API = '/wiki/api/v2';

export interface ConfluenceApiOptions {
  now: () => Date;
  /** Called before a page update is applied; returning true answers 409 as if someone else saved first. */
  staleVersionFault: () => boolean;
}

/** Mounts the emulated Confluence Cloud REST v2 operations on the router. */
export function registerConfluenceApi(router: Router, state: EmulatorState, opts: ConfluenceApiOptions): void {
  const api = new ConfluenceApi(state, opts);
  const r = (method: string, path: string, h: (req: ApiRequest) => ApiResponse): void => router.add(method, `${API}${path}`, h);
  r('GET', '/spaces', (q) => api.getSpaces(q));
  r('GET', '/spaces/{id}', (q) => api.getSpace(q));
  r('GET', '/spaces/{id}/pages', (q) => api.getSpacePages(q));
  r('GET', '/pages', (q) => api.getPages(q));
  r('POST', '/pages', (q) => api.createPage(q));
  r('GET', '/pages/{id}', (q) => api.getPage(q));
  r('PUT', '/pages/{id}', (q) => api.updatePage(q));
  r('GET', '/pages/{id}/children', (q) => api.getChildren(q));
  r('GET', '/pages/{page-id}/properties', (q) => api.getProperties(q));
  r('POST', '/pages/{page-id}/properties', (q) => api.createProperty(q));
  r('GET', '/pages/{page-id}/properties/{property-id}', (q) => api.getProperty(q));
  r('PUT', '/pages/{page-id}/properties/{property-id}', (q) => api.updateProperty(q));
  r('DELETE', '/pages/{page-id}/properties/{property-id}', (q) => api.deleteProperty(q));
}

const bodyWriteSchema = z.object({ representation: z.enum(['storage', 'atlas_doc_format', 'wiki']), value: z.string() }).passthrough();

const pageCreateSchema = z
  .object({
    spaceId: z.string(),
    status: z.enum(['current', 'draft']).optional(),
    title: z.string().optional(),
    parentId: z.string().optional(),
    body: bodyWriteSchema.optional(),
  })
  .passthrough();

const pageUpdateSchema = z
  .object({
    id: z.string(),
    status: z.enum(['current', 'draft']),
    title: z.string(),
    spaceId: z.string().optional(),
    parentId: z.string().optional(),
    ownerId: z.string().optional(),
    body: bodyWriteSchema,
    version: z.object({ number: z.number().int(), message: z.string().optional() }).passthrough(),
  })
  .passthrough();

const accountOf = (id: Identity): string => (id.kind === 'app' ? APP_ACCOUNT_ID : id.user.accountId);

function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}
function decodeCursor(c: string | undefined): number {
  if (c === undefined) return 0;
  try {
    const v = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof v.o === 'number' && v.o >= 0) return v.o;
  } catch {
    // fall through
  }
  throw confluenceError(400, 'Invalid cursor');
}
function limitOf(q: Record<string, string>, def = 25): number {
  const n = q.limit === undefined ? def : Number(q.limit);
  if (!Number.isInteger(n) || n < 1 || n > 250) throw confluenceError(400, 'limit must be between 1 and 250');
  return n;
}

/**
 * Who may create, update or delete content (pages, their properties) in the sandbox's spaces: the app and every
 * role but the outsider. The one check: the REST API refuses others with 403, and the page view shows "Edit"
 * (and opens the editor) only to those who pass it, as Confluence hides Edit from people without edit permission.
 */
export function mayEditContent(id: Identity): boolean {
  return id.kind === 'app' || id.user.role !== 'outsider';
}

class ConfluenceApi {
  constructor(private readonly state: EmulatorState, private readonly opts: ConfluenceApiOptions) {}

  private requireWrite(id: Identity): void {
    if (!mayEditContent(id)) throw confluenceError(403, 'You do not have permission to edit content in this space.');
  }

  private spaceBean(s: SpaceRecord, withDescription: boolean): Record<string, unknown> {
    return {
      id: s.id,
      key: s.key,
      name: s.name,
      type: 'global',
      status: 'current',
      authorId: s.authorId,
      createdAt: s.createdAt,
      homepageId: s.homepageId,
      ...(withDescription ? { description: { plain: { representation: 'plain', value: s.description } } } : {}),
      _links: { webui: `/spaces/${s.key}` },
    };
  }

  private requirePage(id: string): PageRecord {
    const p = this.state.get('page', id);
    if (!p) throw confluenceError(404, 'Page not found', `No page with id ${id} exists or you cannot view it.`);
    return p;
  }

  private bodyIn(p: PageRecord, format: string | undefined): Record<string, unknown> | undefined {
    if (format === undefined) return undefined;
    if (format === 'atlas_doc_format') {
      const value =
        p.representation === 'atlas_doc_format'
          ? p.value
          : JSON.stringify({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: p.value.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim() || ' ' }] }] });
      return { atlas_doc_format: { representation: 'atlas_doc_format', value } };
    }
    if (format === 'storage' || format === 'view') {
      const value = p.representation === 'storage' ? p.value : adfToHtml(safeJson(p.value));
      return { [format]: { representation: format, value } };
    }
    throw confluenceError(400, `Unsupported body-format '${format}'`);
  }

  private pageBean(p: PageRecord, bodyFormat: string | undefined): Record<string, unknown> {
    const space = this.state.get('space', p.spaceId);
    const body = this.bodyIn(p, bodyFormat);
    return {
      id: p.id,
      status: p.status,
      title: p.title,
      spaceId: p.spaceId,
      ...(p.parentId !== null ? { parentId: p.parentId, parentType: 'page' } : {}),
      position: p.position,
      authorId: p.authorId,
      ownerId: p.authorId,
      lastOwnerId: null,
      createdAt: p.createdAt,
      version: { ...p.version },
      body: body ?? {},
      _links: {
        webui: `/spaces/${space?.key ?? ''}/pages/${p.id}`,
        editui: `/pages/resumedraft.action?draftId=${p.id}`,
        tinyui: `/x/${Buffer.from(p.id).toString('base64url')}`,
      },
    };
  }

  getSpaces(req: ApiRequest): ApiResponse {
    const keys = (req.query.keys ?? '').split(',').filter((k) => k.length > 0);
    const ids = (req.query.ids ?? '').split(',').filter((k) => k.length > 0);
    const limit = limitOf(req.query);
    const offset = decodeCursor(req.query.cursor);
    const all = [...this.state.all('space')]
      .filter((s) => keys.length === 0 || keys.includes(s.key))
      .filter((s) => ids.length === 0 || ids.includes(s.id))
      .sort((a, b) => a.key.localeCompare(b.key));
    return this.paged(req, all.slice(offset, offset + limit).map((s) => this.spaceBean(s, req.query['description-format'] !== undefined)), offset, limit, all.length);
  }

  getSpace(req: ApiRequest): ApiResponse {
    const s = this.state.get('space', req.params.id as string);
    if (!s) throw confluenceError(404, 'Space not found');
    return { status: 200, body: this.spaceBean(s, req.query['description-format'] !== undefined) };
  }

  private paged(req: ApiRequest, results: unknown[], offset: number, limit: number, total: number): ApiResponse {
    const links: Record<string, string> = { base: `${SITE_URL}/wiki` };
    const headers: Record<string, string> = {};
    if (offset + results.length < total) {
      const params = new URLSearchParams({ ...req.query, cursor: encodeCursor(offset + limit), limit: String(limit) });
      const next = `${req.path}?${params.toString()}`;
      links.next = next;
      headers.link = `<${next}>; rel="next", <${SITE_URL}/wiki>; rel="base"`;
    }
    return { status: 200, body: { results, _links: links }, headers };
  }

  getPages(req: ApiRequest): ApiResponse {
    const spaceIds = (req.query['space-id'] ?? '').split(',').filter((s) => s.length > 0);
    const ids = (req.query.id ?? '').split(',').filter((s) => s.length > 0);
    const title = req.query.title;
    const statuses = (req.query.status ?? 'current').split(',');
    const limit = limitOf(req.query);
    const offset = decodeCursor(req.query.cursor);
    const all = [...this.state.all('page')]
      .filter((p) => spaceIds.length === 0 || spaceIds.includes(p.spaceId))
      .filter((p) => ids.length === 0 || ids.includes(p.id))
      .filter((p) => title === undefined || p.title === title)
      .filter((p) => statuses.includes(p.status) || statuses.includes('any'))
      .sort((a, b) => Number(a.id) - Number(b.id));
    const format = req.query['body-format'];
    return this.paged(req, all.slice(offset, offset + limit).map((p) => this.pageBean(p, format)), offset, limit, all.length);
  }

  /** Pages of one space: depth all|root, status (default current and archived), title, sort title|-title|id|-id. */
  getSpacePages(req: ApiRequest): ApiResponse {
    const s = this.state.get('space', req.params.id as string);
    if (!s) throw confluenceError(404, 'Space not found', `No space with id ${req.params.id as string} exists or you cannot view it.`);
    const depth = req.query.depth ?? 'all';
    if (depth !== 'all' && depth !== 'root') throw confluenceError(400, `Unsupported depth '${depth}'`);
    const statuses = (req.query.status ?? 'current,archived').split(',');
    const title = req.query.title;
    const sort = req.query.sort ?? 'id';
    const order: Record<string, (a: PageRecord, b: PageRecord) => number> = {
      id: (a, b) => Number(a.id) - Number(b.id),
      '-id': (a, b) => Number(b.id) - Number(a.id),
      title: (a, b) => a.title.localeCompare(b.title) || Number(a.id) - Number(b.id),
      '-title': (a, b) => b.title.localeCompare(a.title) || Number(a.id) - Number(b.id),
    };
    const compare = order[sort];
    if (compare === undefined) throw confluenceError(400, `Unsupported sort '${sort}'`);
    const limit = limitOf(req.query);
    const offset = decodeCursor(req.query.cursor);
    const all = [...this.state.all('page')]
      .filter((p) => p.spaceId === s.id)
      .filter((p) => depth === 'all' || p.parentId === null || p.id === s.homepageId)
      .filter((p) => statuses.includes(p.status))
      .filter((p) => title === undefined || p.title === title)
      .sort(compare);
    const format = req.query['body-format'];
    return this.paged(req, all.slice(offset, offset + limit).map((p) => this.pageBean(p, format)), offset, limit, all.length);
  }

  private checkBody(body: z.infer<typeof bodyWriteSchema>): { representation: PageRecord['representation']; value: string } {
    if (body.representation === 'wiki') throw confluenceError(400, 'The wiki representation is not supported by this sandbox.');
    if (body.representation === 'atlas_doc_format') {
      const doc = safeJson(body.value);
      if (!doc || typeof doc !== 'object' || (doc as { type?: unknown }).type !== 'doc') {
        throw confluenceError(400, 'Invalid atlas_doc_format body', 'The value must be an ADF document in JSON text.');
      }
      try {
        checkAdf(doc);
      } catch (e) {
        throw confluenceError(400, 'Invalid atlas_doc_format body', (e as Error).message.slice(0, 300));
      }
    }
    return { representation: body.representation, value: body.value };
  }

  createPage(req: ApiRequest): ApiResponse {
    this.requireWrite(req.identity);
    const parsed = pageCreateSchema.safeParse(req.body);
    if (!parsed.success) throw confluenceError(400, 'Invalid request', parsed.error.issues[0]?.message);
    const b = parsed.data;
    const space = this.state.get('space', b.spaceId);
    if (!space) throw confluenceError(404, 'Space not found', `No space with id ${b.spaceId}.`);
    const status = b.status ?? 'current';
    if (status === 'current' && (b.title === undefined || b.title.trim().length === 0)) throw confluenceError(400, 'A title is required for a published page.');
    const title = b.title ?? '';
    if ([...this.state.all('page')].some((p) => p.spaceId === space.id && p.title === title && p.status === 'current')) {
      throw confluenceError(400, 'A page with this title already exists', `A page already exists with the same TITLE in this space: ${title}`);
    }
    const parentId = b.parentId ?? space.homepageId;
    const parent = this.state.get('page', parentId);
    if (!parent || parent.spaceId !== space.id) throw confluenceError(404, 'Parent page not found');
    const body = b.body ? this.checkBody(b.body) : { representation: 'storage' as const, value: '' };
    const now = this.opts.now().toISOString();
    const siblings = [...this.state.all('page')].filter((p) => p.parentId === parentId).length;
    const author = accountOf(req.identity);
    const page: PageRecord = {
      id: this.state.allocateId('page'),
      spaceId: space.id,
      parentId,
      title,
      status,
      representation: body.representation,
      value: body.value,
      authorId: author,
      createdAt: now,
      position: siblings,
      version: { number: 1, message: '', minorEdit: false, authorId: author, createdAt: now },
    };
    this.state.apply([{ table: 'page', record: page }]);
    return { status: 200, body: this.pageBean(page, body.representation) };
  }

  getPage(req: ApiRequest): ApiResponse {
    const p = this.requirePage(req.params.id as string);
    return { status: 200, body: this.pageBean(p, req.query['body-format']) };
  }

  updatePage(req: ApiRequest): ApiResponse {
    this.requireWrite(req.identity);
    const p = this.requirePage(req.params.id as string);
    const parsed = pageUpdateSchema.safeParse(req.body);
    if (!parsed.success) throw confluenceError(400, 'Invalid request', parsed.error.issues[0]?.message);
    const b = parsed.data;
    if (b.id !== p.id) throw confluenceError(400, 'The id in the body does not match the page id in the path.');
    if (this.opts.staleVersionFault() || b.version.number !== p.version.number + 1) {
      throw confluenceError(
        409,
        'Version conflict',
        `Version must be incremented on update. Current version is: ${p.version.number}, version sent: ${b.version.number}.`,
      );
    }
    if (b.title !== p.title && [...this.state.all('page')].some((x) => x.id !== p.id && x.spaceId === p.spaceId && x.title === b.title)) {
      throw confluenceError(400, 'A page with this title already exists');
    }
    let parentId = p.parentId;
    if (b.parentId !== undefined && b.parentId !== p.parentId) {
      const parent = this.state.get('page', b.parentId);
      if (!parent || parent.spaceId !== p.spaceId) throw confluenceError(400, 'The new parent page is not in this space.');
      parentId = parent.id;
    }
    const body = this.checkBody(b.body);
    const now = this.opts.now().toISOString();
    const page: PageRecord = {
      ...p,
      title: b.title,
      status: b.status,
      parentId,
      representation: body.representation,
      value: body.value,
      version: { number: b.version.number, message: b.version.message ?? '', minorEdit: false, authorId: accountOf(req.identity), createdAt: now },
    };
    this.state.apply([{ table: 'page', record: page }]);
    return { status: 200, body: this.pageBean(page, body.representation) };
  }

  getChildren(req: ApiRequest): ApiResponse {
    const p = this.requirePage(req.params.id as string);
    const limit = limitOf(req.query);
    const offset = decodeCursor(req.query.cursor);
    const kids = [...this.state.all('page')].filter((x) => x.parentId === p.id && x.status === 'current').sort((a, b) => a.position - b.position || Number(a.id) - Number(b.id));
    const results = kids.slice(offset, offset + limit).map((k) => ({ id: k.id, status: 'current', title: k.title, spaceId: k.spaceId, childPosition: k.position }));
    return this.paged(req, results, offset, limit, kids.length);
  }

  private propertyBean(pp: PagePropertyRecord): Record<string, unknown> {
    return { id: pp.id, key: pp.key, value: pp.value, version: { ...pp.version } };
  }

  private propertiesOf(pageId: string): PagePropertyRecord[] {
    return [...this.state.all('pageprop')].filter((x) => x.pageId === pageId).sort((a, b) => a.key.localeCompare(b.key));
  }

  getProperties(req: ApiRequest): ApiResponse {
    const p = this.requirePage(req.params['page-id'] as string);
    const limit = limitOf(req.query, 10);
    const offset = decodeCursor(req.query.cursor);
    const all = this.propertiesOf(p.id).filter((x) => req.query.key === undefined || x.key === req.query.key);
    return this.paged(req, all.slice(offset, offset + limit).map((x) => this.propertyBean(x)), offset, limit, all.length);
  }

  private requireProperty(req: ApiRequest): PagePropertyRecord {
    const p = this.requirePage(req.params['page-id'] as string);
    const pp = this.state.get('pageprop', req.params['property-id'] as string);
    if (!pp || pp.pageId !== p.id) throw confluenceError(404, 'Content property not found');
    return pp;
  }

  createProperty(req: ApiRequest): ApiResponse {
    this.requireWrite(req.identity);
    const p = this.requirePage(req.params['page-id'] as string);
    const parsed = z.object({ key: z.string().min(1).max(255), value: z.unknown() }).passthrough().safeParse(req.body);
    if (!parsed.success || parsed.data.value === undefined) throw confluenceError(400, 'A content property needs a key and a value.');
    if (this.propertiesOf(p.id).some((x) => x.key === parsed.data.key)) {
      throw confluenceError(409, 'Content property already exists', `The key '${parsed.data.key}' is already used on this page.`);
    }
    const now = this.opts.now().toISOString();
    const pp: PagePropertyRecord = {
      id: this.state.allocateId('pageprop'),
      pageId: p.id,
      key: parsed.data.key,
      value: parsed.data.value as PagePropertyRecord['value'],
      version: { number: 1, message: '', minorEdit: false, authorId: accountOf(req.identity), createdAt: now },
    };
    this.state.apply([{ table: 'pageprop', record: pp }]);
    return { status: 200, body: this.propertyBean(pp) };
  }

  getProperty(req: ApiRequest): ApiResponse {
    return { status: 200, body: this.propertyBean(this.requireProperty(req)) };
  }

  updateProperty(req: ApiRequest): ApiResponse {
    this.requireWrite(req.identity);
    const pp = this.requireProperty(req);
    const parsed = z
      .object({ key: z.string().optional(), value: z.unknown(), version: z.object({ number: z.number().int(), message: z.string().optional() }).passthrough() })
      .passthrough()
      .safeParse(req.body);
    if (!parsed.success || parsed.data.value === undefined) throw confluenceError(400, 'An update needs a value and version.number.');
    if (parsed.data.key !== undefined && parsed.data.key !== pp.key) throw confluenceError(400, 'The key of a content property cannot change.');
    if (parsed.data.version.number !== pp.version.number + 1) {
      throw confluenceError(409, 'Version conflict', `Current version is ${pp.version.number}; send ${pp.version.number + 1}.`);
    }
    const next: PagePropertyRecord = {
      ...pp,
      value: parsed.data.value as PagePropertyRecord['value'],
      version: { number: parsed.data.version.number, message: parsed.data.version.message ?? '', minorEdit: false, authorId: accountOf(req.identity), createdAt: this.opts.now().toISOString() },
    };
    this.state.apply([{ table: 'pageprop', record: next }]);
    return { status: 200, body: this.propertyBean(next) };
  }

  deleteProperty(req: ApiRequest): ApiResponse {
    this.requireWrite(req.identity);
    const pp = this.requireProperty(req);
    this.state.apply([{ table: 'pageprop', deleteId: pp.id }]);
    return { status: 204 };
  }
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return null;
  }
}

