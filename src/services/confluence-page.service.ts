/**
 * Publishing one ADF page into a Confluence space: create it the first time, update it in place afterwards
 * (version + 1 with a message, so Confluence's page history is the audit trail). The page is found again by
 * the id the caller remembered, else by its title in the space, so a re-run never makes a second page. A stale
 * version (409) is answered by reading the page again and retrying, up to MAX_UPSERT_CONFLICT_RETRIES times.
 * Generic: any feature that publishes a single page can use it.
 */
import { assertValidAdf } from './adf-validation';
import { ConfigMissingError, ConflictError, NotFoundError, isAppError } from '../domain/errors';
import type { AdfDocument, ConfluenceClient } from '../confluence/confluence-client';

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

/**
 * Where a project's pages go: the space chosen in its settings and the parent page, or CONFIG_MISSING before
 * anything is read or written. One rule for every published page type.
 */
export function publishTarget(
  settings: { confluenceSpaceKey: string | null; confluenceParentPageId: string | null } | undefined,
  projectKey: string,
): { spaceKey: string; parentPageId: string | null } {
  const spaceKey = settings?.confluenceSpaceKey ?? null;
  if (settings === undefined || spaceKey === null) {
    throw new ConfigMissingError(
      `Project ${projectKey} has no Confluence space for reports yet: a project administrator sets it in the SMS Navigator project settings.`,
      { setting: 'confluenceSpaceKey', projectKey },
    );
  }
  return { spaceKey, parentPageId: settings.confluenceParentPageId };
}

/**
 * The space and the parent page of a publish target, checked as `as` before a publish is queued or made:
 * NOT_FOUND naming the space key or the parent page id.
 */
export async function requirePublishTarget(confluence: ConfluenceClient, target: { spaceKey: string; parentPageId: string | null }, as: 'user' | 'app'): Promise<{ id: string; key: string }> {
  const space = await requireSpace(confluence, target.spaceKey, as);
  if (target.parentPageId !== null) await requireParentPage(confluence, target.parentPageId, space, as);
  return space;
}

/** The space named in the settings, or NOT_FOUND naming its key. */
export async function requireSpace(confluence: ConfluenceClient, spaceKey: string, as: 'user' | 'app'): Promise<{ id: string; key: string }> {
  const space = await confluence.getSpaceByKey(spaceKey, { as });
  return { id: space.id, key: space.key };
}

/** The parent page named in the settings, or NOT_FOUND naming its id (also when it sits in another space). */
export async function requireParentPage(confluence: ConfluenceClient, pageId: string, space: { id: string; key: string }, as: 'user' | 'app'): Promise<void> {
  let page;
  try {
    page = await confluence.getPage(pageId, { as });
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') {
      throw new NotFoundError(`The parent page ${pageId} set in the project settings does not exist in Confluence, or you cannot see it.`, {
        parentPageId: pageId,
        spaceKey: space.key,
      });
    }
    throw e;
  }
  if (page.spaceId !== undefined && page.spaceId !== space.id) {
    throw new NotFoundError(`The parent page ${pageId} set in the project settings is not in Confluence space ${space.key}.`, {
      parentPageId: pageId,
      spaceKey: space.key,
    });
  }
}

export interface UpsertInSpaceRequest {
  spaceId: string;
  /** null = the space's home page. The caller has checked that it exists (requireParentPage). */
  parentId: string | null;
  title: string;
  adf: object;
  message: string;
  knownPageId?: string | null;
  /** The caller knows no such page can exist yet (e.g. a child of a page it has just created): create without a lookup. */
  knownAbsent?: boolean;
}

export interface UpsertedPage {
  pageId: string;
  version: number;
  created: boolean;
  conflictsRetried: number;
}

/**
 * The one create-or-update of a page: found by the remembered id (if still current and in the space), else by
 * title in the space; created when neither finds it; updated in place otherwise, re-reading on a stale version.
 * The body is validated as ADF first (assertValidAdf): an invalid one is refused before any Confluence call.
 */
export async function upsertPageInSpace(confluence: ConfluenceClient, req: UpsertInSpaceRequest, as: 'user' | 'app'): Promise<UpsertedPage> {
  assertValidAdf(req.adf, `The page “${req.title}”`);
  const opts = { as } as const;
  const adf = req.adf as AdfDocument;
  let existing: { id: string; version: number } | undefined;
  if (req.knownPageId) {
    try {
      const page = await confluence.getPage(req.knownPageId, opts);
      const usable = (page.status === undefined || page.status === 'current') && (page.spaceId === undefined || page.spaceId === req.spaceId);
      if (usable) existing = { id: page.id, version: page.version };
    } catch (e) {
      if (!(isAppError(e) && e.code === 'NOT_FOUND')) throw e;
    }
  }
  if (existing === undefined && req.knownAbsent !== true) {
    const found = await confluence.findPageByTitle(req.spaceId, req.title, opts);
    if (found !== undefined) existing = { id: found.id, version: found.version ?? (await confluence.getPage(found.id, opts)).version };
  }
  if (existing === undefined) {
    const created = await confluence.createPage(
      { spaceId: req.spaceId, ...(req.parentId !== null ? { parentId: req.parentId } : {}), title: req.title, adf },
      opts,
    );
    return { pageId: created.id, version: created.version, created: true, conflictsRetried: 0 };
  }
  let version = existing.version;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const updated = await confluence.updatePage({ id: existing.id, title: req.title, adf, currentVersion: version, message: req.message }, opts);
      return { pageId: updated.id, version: updated.version, created: false, conflictsRetried: attempt };
    } catch (e) {
      if (!(e instanceof ConflictError) || attempt >= MAX_UPSERT_CONFLICT_RETRIES) throw e;
      version = (await confluence.getPage(existing.id, opts)).version;
    }
  }
}

/** Creates or updates the page. NOT_FOUND when the space or the parent page does not exist (or is hidden). */
export async function upsertPage(confluence: ConfluenceClient, req: UpsertPageRequest, as: 'user' | 'app' = 'user'): Promise<UpsertPageResult> {
  assertValidAdf(req.adf, `The page “${req.title}”`); // before the space lookups: a body that would fail writes nothing
  const space = await requireSpace(confluence, req.spaceKey, as);
  if (req.parentId !== null) await requireParentPage(confluence, req.parentId, space, as);
  const page = await upsertPageInSpace(
    confluence,
    { spaceId: space.id, parentId: req.parentId, title: req.title, adf: req.adf, message: req.message, knownPageId: req.knownPageId ?? null },
    as,
  );
  return { ...page, spaceId: space.id, url: confluencePagePath(space.key, page.pageId) };
}
