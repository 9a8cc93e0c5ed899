import { NotAllowedError, route } from '@forge/api';
import type { z } from 'zod';
import {
  type AppError,
  ConflictError,
  ConfluenceNotConnectedError,
  NotFoundError,
  ContractMismatchError,
  statusError,
} from '../domain/errors';
import type { ProductApi, ProductRequester, ProductResponse } from '../platform/product-api';
import { parseProductResponse, productMessages, retryingRequester, type RetryOptions } from '../platform/retry';
import {
  adfDocumentSchema,
  childPagesResultSchema,
  contentPropertiesResultSchema,
  contentPropertySchema,
  pageSchema,
  pagesResultSchema,
  spacesResultSchema,
  type AdfDocument,
} from './confluence-wire';

export type { AdfDocument } from './confluence-wire';

/**
 * The one Confluence client (REST v2 under /wiki/api/v2). Inline `route` at every call, shared retry,
 * zod on every body. 400 ValidationError, 401/403 ForbiddenError, 404 NotFoundError, 409 ConflictError
 * (a stale version: re-read and retry), 413 LimitExceededError, anything else UpstreamError.
 * Confluence is an optional app of this Jira app: when the installation is not connected to it, every call
 * fails with ConfluenceNotConnectedError (CONFLUENCE_NOT_CONNECTED) before anything is sent, and a refusal by
 * Forge itself (the `NotAllowedError` family of @forge/api, e.g. RequestProductNotAllowedError) becomes the
 * same error. docs/forge-facts.md has the sources.
 */

export interface CallOptions {
  as?: 'user' | 'app';
}

export type ConfluenceClientOptions = RetryOptions;

export interface ConfluenceSpace {
  id: string;
  key: string;
  name: string;
  homepageId?: string;
}

export interface ConfluencePageSummary {
  id: string;
  title: string;
  spaceId?: string;
  parentId?: string;
  status?: string;
  /** Current version number (1 for a new page). */
  version?: number;
}

export interface ConfluencePage {
  id: string;
  title: string;
  spaceId?: string;
  parentId?: string;
  status?: string;
  version: number;
  /** The page body as parsed ADF; undefined when the page has no ADF body. */
  adf?: AdfDocument;
  /** Relative web UI link (…/spaces/KEY/pages/ID/Title), when Confluence gives it. */
  webui?: string;
}

export interface ConfluenceChildPage {
  id: string;
  title: string;
  status?: string;
  childPosition?: number;
}

export interface ConfluencePageProperty {
  id: string;
  key: string;
  value: unknown;
  version: number;
}

export interface CreatePageInput {
  spaceId: string;
  parentId?: string;
  title: string;
  adf: AdfDocument;
}

export interface UpdatePageInput {
  id: string;
  title: string;
  adf: AdfDocument;
  /** The version number you read; the client sends currentVersion + 1. A stale one gives ConflictError. */
  currentVersion: number;
  message?: string;
  parentId?: string;
}

const PAGE_LIMIT = 250;

export function confluenceError(status: number, what: string, body: unknown): AppError {
  const messages = productMessages(body);
  const details = { product: 'confluence', status, messages };
  const suffix = messages.length > 0 ? `: ${messages.join('; ')}` : '.';
  return statusError(status, details, {
    400: `Confluence rejected ${what}${suffix}`,
    403: `Confluence denied ${what} (${status})${suffix}`,
    404: `Confluence could not find ${what}${suffix}`,
    409: `${what} was changed by someone else; read it again and retry${suffix}`,
    413: `${what} is too large for Confluence${suffix}`,
    other: `Confluence answered ${status} to ${what}${suffix}`,
  });
}

/** The `cursor` of the rel="next" URL in a Link header (or a `_links.next` URL), if any. */
export function nextCursor(linkHeader: string | null, bodyNext?: string): string | undefined {
  let url: string | undefined;
  if (linkHeader) {
    for (const part of linkHeader.split(',')) {
      const m = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
      if (m?.[1] !== undefined && /rel\s*=\s*"?next"?/i.test(m[2] ?? '')) url = m[1];
    }
  }
  url ??= bodyNext;
  if (url === undefined || url === '') return undefined;
  const cursor = new URL(url, 'https://confluence.invalid').searchParams.get('cursor');
  return cursor === null || cursor === '' ? undefined : cursor;
}

function toSummary(p: z.infer<typeof pageSchema>): ConfluencePageSummary {
  return {
    id: p.id,
    title: p.title,
    ...(p.spaceId !== undefined ? { spaceId: p.spaceId } : {}),
    ...(p.parentId != null ? { parentId: p.parentId } : {}),
    ...(p.status !== undefined ? { status: p.status } : {}),
    ...(p.version !== undefined ? { version: p.version.number } : {}),
  };
}

function toPage(p: z.infer<typeof pageSchema>, fallbackAdf?: AdfDocument): ConfluencePage {
  const raw = p.body?.atlas_doc_format?.value;
  let adf: AdfDocument | undefined = fallbackAdf;
  if (raw !== undefined && raw.trim() !== '') {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new ContractMismatchError(`Confluence page ${p.id} has an ADF body that is not JSON.`, { product: 'confluence', pageId: p.id });
    }
    const parsed = adfDocumentSchema.safeParse(json);
    if (!parsed.success) {
      throw new ContractMismatchError(`Confluence page ${p.id} has an ADF body that is not a document.`, { product: 'confluence', pageId: p.id });
    }
    adf = parsed.data;
  }
  return {
    ...toSummary(p),
    version: p.version?.number ?? 1,
    ...(adf !== undefined ? { adf } : {}),
    ...(p._links?.webui !== undefined ? { webui: p._links.webui } : {}),
  };
}

function toProperty(p: z.infer<typeof contentPropertySchema>): ConfluencePageProperty {
  return { id: p.id, key: p.key, value: p.value, version: p.version?.number ?? 1 };
}

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' } as const;

/** The fields a page create and a page update both send: current status, title, optional parent, ADF body. */
function pageWriteFields(input: { title: string; parentId?: string; adf: AdfDocument }) {
  return {
    status: 'current',
    title: input.title,
    ...(input.parentId !== undefined ? { parentId: input.parentId } : {}),
    body: { representation: 'atlas_doc_format', value: JSON.stringify(input.adf) },
  };
}

export class ConfluenceClient {
  private readonly retry: RetryOptions;

  constructor(
    private readonly api: ProductApi,
    opts: ConfluenceClientOptions = {},
  ) {
    this.retry = opts;
  }

  /** Whether this installation is connected to Confluence (no product call is made to find out). */
  async isConnected(): Promise<boolean> {
    return this.api.isConnected === undefined ? true : this.api.isConnected('confluence');
  }

  /** Throws ConfluenceNotConnectedError when the installation is not connected to Confluence. */
  async requireConnected(): Promise<void> {
    if (!(await this.isConnected())) throw new ConfluenceNotConnectedError({ product: 'confluence' });
  }

  private requester(opts?: CallOptions): ProductRequester {
    const inner = retryingRequester(opts?.as === 'app' ? this.api.asApp() : this.api.asUser(), this.retry);
    return {
      requestJira: (path, init) => inner.requestJira(path, init),
      requestConfluence: async (path, init) => {
        await this.requireConnected();
        try {
          return await inner.requestConfluence(path, init);
        } catch (err) {
          // Forge refuses a call into an app the installation may not reach before it leaves the runtime.
          if (err instanceof NotAllowedError) throw new ConfluenceNotConnectedError({ product: 'confluence', forgeError: err.message });
          throw err;
        }
      },
    };
  }

  private async parse<S extends z.ZodType>(res: ProductResponse, schema: S, what: string): Promise<z.infer<S>> {
    return parseProductResponse(res, schema, { product: 'confluence', mismatch: `Confluence sent an unexpected answer for ${what}.`, toError: (status, body) => confluenceError(status, what, body) });
  }

  /** GET /wiki/api/v2/spaces?keys=; NotFoundError naming the key when there is no such space (or no access). */
  async getSpaceByKey(key: string, opts?: CallOptions): Promise<ConfluenceSpace> {
    // Matched case-insensitively, as people type keys ("sms" finds SMS): asks for the key as typed and in capitals
    // (site space keys are capitals; a personal space "~…" keeps its case), the exact match first.
    const keys = [...new Set([key, key.startsWith('~') ? key : key.toUpperCase()])].join(',');
    const res = await this.requester(opts).requestConfluence(route`/wiki/api/v2/spaces?keys=${keys}`);
    const data = await this.parse(res, spacesResultSchema, `space ${key}`);
    const space = data.results.find((s) => s.key === key) ?? data.results.find((s) => s.key.toLowerCase() === key.toLowerCase());
    if (space === undefined) throw new NotFoundError(`Confluence space ${key} does not exist or you cannot see it.`, { spaceKey: key });
    return {
      id: space.id,
      key: space.key,
      name: space.name ?? space.key,
      ...(space.homepageId != null ? { homepageId: space.homepageId } : {}),
    };
  }

  /**
   * GET /wiki/api/v2/spaces: the spaces the caller can see (cursor-paged, 250 a request) until `max` are listed;
   * `truncated` when there are more.
   */
  async listSpaces(opts?: CallOptions & { max?: number }): Promise<{ spaces: ConfluenceSpace[]; truncated: boolean }> {
    const max = opts?.max ?? 500;
    const spaces: ConfluenceSpace[] = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (;;) {
      const params = new URLSearchParams({ limit: String(Math.min(PAGE_LIMIT, Math.max(1, max - spaces.length))) });
      if (cursor !== undefined) params.set('cursor', cursor);
      const res = await this.requester(opts).requestConfluence(route`/wiki/api/v2/spaces?${params}`);
      const data = await this.parse(res, spacesResultSchema, 'spaces');
      for (const s of data.results) spaces.push({ id: s.id, key: s.key, name: s.name ?? s.key, ...(s.homepageId != null ? { homepageId: s.homepageId } : {}) });
      cursor = nextCursor(res.headers.get('link'), data._links?.next);
      if (cursor === undefined || seen.has(cursor)) return { spaces, truncated: false };
      if (spaces.length >= max) return { spaces: spaces.slice(0, max), truncated: true };
      seen.add(cursor);
    }
  }

  /** GET /wiki/api/v2/pages?space-id=&title=&status=current: the page with exactly that title, if any. */
  async findPageByTitle(spaceId: string, title: string, opts?: CallOptions): Promise<ConfluencePageSummary | undefined> {
    const res = await this.requester(opts).requestConfluence(
      route`/wiki/api/v2/pages?space-id=${spaceId}&title=${title}&status=current&limit=25`,
    );
    const data = await this.parse(res, pagesResultSchema, `page "${title}"`);
    const page = data.results.find((p) => p.title === title);
    return page === undefined ? undefined : toSummary(page);
  }

  /** GET /wiki/api/v2/pages/{id}?body-format=atlas_doc_format, ADF parsed. */
  async getPage(id: string, opts?: CallOptions): Promise<ConfluencePage> {
    const res = await this.requester(opts).requestConfluence(route`/wiki/api/v2/pages/${id}?body-format=atlas_doc_format`);
    return toPage(await this.parse(res, pageSchema, `page ${id}`));
  }

  /** POST /wiki/api/v2/pages (published, ADF body). */
  async createPage(input: CreatePageInput, opts?: CallOptions): Promise<ConfluencePage> {
    const body = { spaceId: input.spaceId, ...pageWriteFields(input) };
    const res = await this.requester(opts).requestConfluence(route`/wiki/api/v2/pages`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(body),
    });
    return toPage(await this.parse(res, pageSchema, `page "${input.title}"`), input.adf);
  }

  /** PUT /wiki/api/v2/pages/{id} with version currentVersion + 1; 409 -> ConflictError. */
  async updatePage(input: UpdatePageInput, opts?: CallOptions): Promise<ConfluencePage> {
    const body = {
      id: input.id,
      ...pageWriteFields(input),
      version: { number: input.currentVersion + 1, ...(input.message !== undefined ? { message: input.message } : {}) },
    };
    const res = await this.requester(opts).requestConfluence(route`/wiki/api/v2/pages/${input.id}`, {
      method: 'PUT',
      headers: JSON_HEADERS,
      body: JSON.stringify(body),
    });
    return toPage(await this.parse(res, pageSchema, `page ${input.id}`), input.adf);
  }

  /** GET /wiki/api/v2/pages/{id}/children, every page of results (limit 250, cursor from the Link header). */
  async getChildPages(id: string, opts?: CallOptions): Promise<ConfluenceChildPage[]> {
    const out: ConfluenceChildPage[] = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (;;) {
      const params = new URLSearchParams({ limit: String(PAGE_LIMIT) });
      if (cursor !== undefined) params.set('cursor', cursor);
      const res = await this.requester(opts).requestConfluence(route`/wiki/api/v2/pages/${id}/children?${params}`);
      const data = await this.parse(res, childPagesResultSchema, `children of page ${id}`);
      for (const c of data.results) {
        out.push({
          id: c.id,
          title: c.title,
          ...(c.status !== undefined ? { status: c.status } : {}),
          ...(c.childPosition != null ? { childPosition: c.childPosition } : {}),
        });
      }
      cursor = nextCursor(res.headers.get('link'), data._links?.next);
      if (cursor === undefined || seen.has(cursor)) return out;
      seen.add(cursor);
    }
  }

  /**
   * GET /wiki/api/v2/spaces/{id}/pages?status=current&sort=title: the space's current pages by title, following
   * the cursor (limit 250 per request) until `max` pages are listed; `truncated` when the space has more.
   */
  async listSpacePages(
    spaceId: string,
    opts?: CallOptions & { max?: number },
  ): Promise<{ pages: ConfluencePageSummary[]; truncated: boolean }> {
    const max = opts?.max ?? 500;
    const pages: ConfluencePageSummary[] = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (;;) {
      const params = new URLSearchParams({ status: 'current', sort: 'title', limit: String(Math.min(PAGE_LIMIT, Math.max(1, max - pages.length))) });
      if (cursor !== undefined) params.set('cursor', cursor);
      const res = await this.requester(opts).requestConfluence(route`/wiki/api/v2/spaces/${spaceId}/pages?${params}`);
      const data = await this.parse(res, pagesResultSchema, `pages of space ${spaceId}`);
      for (const p of data.results) pages.push(toSummary(p));
      cursor = nextCursor(res.headers.get('link'), data._links?.next);
      if (cursor === undefined || seen.has(cursor)) return { pages, truncated: false };
      if (pages.length >= max) return { pages: pages.slice(0, max), truncated: true };
      seen.add(cursor);
    }
  }

  /** GET /wiki/api/v2/pages/{page-id}/properties?key=; undefined when the page has no such property. */
  async getPageProperty(pageId: string, key: string, opts?: CallOptions): Promise<ConfluencePageProperty | undefined> {
    const res = await this.requester(opts).requestConfluence(route`/wiki/api/v2/pages/${pageId}/properties?key=${key}`);
    const data = await this.parse(res, contentPropertiesResultSchema, `property ${key} of page ${pageId}`);
    const prop = data.results.find((p) => p.key === key);
    return prop === undefined ? undefined : toProperty(prop);
  }

  /**
   * Creates (POST) or updates (PUT, version + 1) a page property. With `expectedVersion` the write is
   * refused with ConflictError when the stored version differs (optimistic concurrency).
   */
  async setPageProperty(
    pageId: string,
    key: string,
    value: unknown,
    opts?: CallOptions & { expectedVersion?: number },
  ): Promise<ConfluencePageProperty> {
    const existing = await this.getPageProperty(pageId, key, opts);
    if (opts?.expectedVersion !== undefined && (existing?.version ?? 0) !== opts.expectedVersion) {
      throw new ConflictError(`Property ${key} of page ${pageId} changed since it was read.`, {
        expectedVersion: opts.expectedVersion,
        actualVersion: existing?.version ?? 0,
      });
    }
    if (existing === undefined) {
      const res = await this.requester(opts).requestConfluence(route`/wiki/api/v2/pages/${pageId}/properties`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ key, value }),
      });
      return toProperty(await this.parse(res, contentPropertySchema, `property ${key} of page ${pageId}`));
    }
    const res = await this.requester(opts).requestConfluence(
      route`/wiki/api/v2/pages/${pageId}/properties/${existing.id}`,
      { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify({ key, value, version: { number: existing.version + 1 } }) },
    );
    return toProperty(await this.parse(res, contentPropertySchema, `property ${key} of page ${pageId}`));
  }
}
