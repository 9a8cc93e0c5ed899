/**
 * The fewest Jira calls a sync can take, used by the benchmark as the reference for "how close to optimal".
 *
 * First run of a plan with E epics and I work items (nothing in Jira yet):
 *
 *   lowerBound = 1                      search for the app's issues of the plan (POST /search/jql; one page holds 100)
 *              + 1                      issue types of the project (GET /issuetype/project, to find hierarchy level 1)
 *              + 1 + (I > 0 ? 1 : 0)    required create fields of each issue type used (GET /issue/createmeta/{p}/issuetypes/{t}):
 *                                       team-managed projects give every issue type its own fields, so the epic
 *                                       type and the work-item type are each looked up once
 *              + ceil(E / 50)           bulk creates of the epics (POST /issue/bulk takes 50 issues)
 *              + ceil(I / 50)           bulk creates of the items (a separate round: they need their epic's key)
 *
 * Properties travel inside the create calls, so they add nothing. With nothing to create, the lookups are
 * not needed: a sync that changes nothing costs exactly the search pages.
 */
import type { DesiredState } from './epic-plan';
import type { EpicSyncActions } from './reconcile-epics';

export const BULK_CREATE_MAX = 50;
export const SEARCH_PAGE_MAX = 100;

export interface CallBreakdown {
  search: number;
  issueTypeLookup: number;
  createMeta: number;
  createEpics: number;
  createItems: number;
  edits: number;
  total: number;
}

const pages = (n: number, size: number): number => Math.ceil(n / size);

function breakdown(parts: Omit<CallBreakdown, 'total'>): CallBreakdown {
  return { ...parts, total: Object.values(parts).reduce((a, b) => a + b, 0) };
}

/** Lower bound of Jira calls for the first run of `desired` (see the formula above). */
export function epicCreateLowerBound(desired: DesiredState): number {
  return epicCreateCallBreakdown(desired).total;
}

export function epicCreateCallBreakdown(desired: DesiredState): CallBreakdown {
  const e = desired.epics.length;
  const i = desired.items.length;
  const creates = e + i > 0;
  return breakdown({
    search: 1,
    issueTypeLookup: creates ? 1 : 0,
    createMeta: creates ? 1 + (i > 0 ? 1 : 0) : 0,
    createEpics: pages(e, BULK_CREATE_MAX),
    createItems: pages(i, BULK_CREATE_MAX),
    edits: 0,
  });
}

/**
 * Lower bound for any run, given what reconciliation found: search pages over the `existingCount` issues,
 * the lookups only when something is created, the bulk creates, and one edit per retitled or moved issue
 * (an edit sets summary, parent and properties together).
 */
export function epicSyncLowerBound(actions: EpicSyncActions, existingCount: number): CallBreakdown {
  const createsEpics = actions.createEpics.length > 0;
  const createsItems = actions.createItems.length > 0;
  const edited = new Set([...actions.retitle.map((r) => r.key), ...actions.reparent.map((r) => r.key)]);
  return breakdown({
    search: Math.max(1, pages(existingCount, SEARCH_PAGE_MAX)),
    issueTypeLookup: createsEpics || createsItems ? 1 : 0,
    createMeta: (createsEpics ? 1 : 0) + (createsItems ? 1 : 0),
    createEpics: pages(actions.createEpics.length, BULK_CREATE_MAX),
    createItems: pages(actions.createItems.length, BULK_CREATE_MAX),
    edits: edited.size,
  });
}
