/**
 * Publishing one ADF page into a Confluence space: create it the first time, update it in place afterwards
 * (version + 1 with a message, so Confluence's page history is the audit trail). The page is found again by
 * the id the caller remembered, else by its title in the space, so a re-run never makes a second page. A stale
 * version (409) is answered by reading the page again and retrying, up to MAX_UPSERT_CONFLICT_RETRIES times.
 * Generic: any feature that publishes a single page can use it.
 */
import { ConflictError, NotFoundError, isAppError } from '../domain/errors';
import { type AdfDocument, type ConfluenceClientOptions, ConfluenceClient } from '../confluence/confluence-client';
import type { ProductApi } from '../platform/product-api';

export const MAX_UPSERT_CONFLICT_RETRIES = 3;

export interface UpsertPageRequest {
  spaceKey: string;
  /** Parent page id; null = the space's home page (Confluence's default). */
  parentId: string | null;
  title: string;
  /** A validated ADF document (e.g. a DocNode from the domain). */
  adf: object;
  /** Version message shown in the page history on updates. */
  message: string;
  /** The page id stored after an earlier publish, if any. */
  knownPageId?: string | null;
}

export interface UpsertPageResult {
  pageId: string;
  spaceId: string;
  version: number;
  created: boolean;
  /** Relative link to the page view: /wiki/spaces/<KEY>/pages/<id>. */
  url: string;
  conflictsRetried: number;
}

export const confluencePagePath = (spaceKey: string, pageId: string): string =>
  `/wiki/spaces/${encodeURIComponent(spaceKey)}/pages/${encodeURIComponent(pageId)}`;

export interface UpsertPageOptions {
  as?: 'user' | 'app';
  clientOptions?: ConfluenceClientOptions;
}

/** Creates or updates the page. NOT_FOUND when the space or the parent page does not exist (or is hidden). */
export async function upsertPage(api: ProductApi, req: UpsertPageRequest, opts: UpsertPageOptions = {}): Promise<UpsertPageResult> {
  const as = { as: opts.as ?? 'user' } as const;
  const confluence = new ConfluenceClient(api, opts.clientOptions);
  const space = await confluence.getSpaceByKey(req.spaceKey, as);
  const adf = req.adf as AdfDocument;

  let existing: { id: string; version: number } | undefined;
  if (req.knownPageId) {
    try {
      const page = await confluence.getPage(req.knownPageId, as);
      const usable = (page.status === undefined || page.status === 'current') && (page.spaceId === undefined || page.spaceId === space.id);
      if (usable) existing = { id: page.id, version: page.version };
    } catch (e) {
      if (!(isAppError(e) && e.code === 'NOT_FOUND')) throw e;
    }
  }
  if (existing === undefined) {
    const found = await confluence.findPageByTitle(space.id, req.title, as);
    if (found !== undefined) existing = { id: found.id, version: found.version ?? (await confluence.getPage(found.id, as)).version };
  }

  if (existing === undefined) {
    if (req.parentId !== null) {
      const parent = await confluence.getPage(req.parentId, as).catch((e: unknown) => {
        if (isAppError(e) && e.code === 'NOT_FOUND') {
          throw new NotFoundError(`The parent page ${req.parentId} does not exist in Confluence, or you cannot see it.`, { parentPageId: req.parentId });
        }
        throw e;
      });
      if (parent.spaceId !== undefined && parent.spaceId !== space.id) {
        throw new NotFoundError(`The parent page ${req.parentId} is not in Confluence space ${space.key}.`, { parentPageId: req.parentId, spaceKey: space.key });
      }
    }
    const created = await confluence.createPage(
      { spaceId: space.id, ...(req.parentId !== null ? { parentId: req.parentId } : {}), title: req.title, adf },
      as,
    );
    return { pageId: created.id, spaceId: space.id, version: created.version, created: true, url: confluencePagePath(space.key, created.id), conflictsRetried: 0 };
  }

  let version = existing.version;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const updated = await confluence.updatePage({ id: existing.id, title: req.title, adf, currentVersion: version, message: req.message }, as);
      return { pageId: updated.id, spaceId: space.id, version: updated.version, created: false, url: confluencePagePath(space.key, updated.id), conflictsRetried: attempt };
    } catch (e) {
      if (!(e instanceof ConflictError) || attempt >= MAX_UPSERT_CONFLICT_RETRIES) throw e;
      version = (await confluence.getPage(existing.id, as)).version;
    }
  }
}
