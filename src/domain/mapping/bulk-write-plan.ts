/**
 * Plans the fewest Jira requests that write one property value per issue, given the two bulk endpoints:
 * - POST /rest/api/3/issue/properties        ("by list"): ONE value on up to 10 000 issues per request;
 * - POST /rest/api/3/issue/properties/multi  ("multi"):   any values on up to 100 issues per request.
 * Each request is answered with an async task that must be read once to learn the outcome, so a request
 * costs two calls. The optimum: group issues by identical value; send the k largest groups by list and
 * pack everything else into multi requests of 100, with k chosen to minimise k + ceil(rest / 100). (For a
 * fixed k the k largest groups leave the least to pack; splitting a listed group never helps.)
 */
import type { JsonValue } from '../json';
import { stableJson } from './mapping-property';

export const MULTI_LIMIT = 100;
export const BY_LIST_LIMIT = 10_000;

export interface WriteEntry {
  issueId: string;
  value: JsonValue;
}

export type WriteRequest =
  | { endpoint: 'byList'; value: JsonValue; issueIds: string[] }
  | { endpoint: 'multi'; entries: WriteEntry[] };

export interface WritePlan {
  requests: WriteRequest[];
}

/** Fewest requests for `entries` (later entries for the same issue win). Pure and deterministic. */
export function planBulkWrites(entries: readonly WriteEntry[], limits = { multi: MULTI_LIMIT, byList: BY_LIST_LIMIT }): WritePlan {
  const latest = new Map<string, WriteEntry>();
  for (const e of entries) latest.set(e.issueId, e);
  const groups = new Map<string, WriteEntry[]>();
  for (const e of latest.values()) {
    const k = stableJson(e.value);
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  }
  // A group larger than one by-list request is split into full by-list chunks plus a remainder.
  const candidates: WriteEntry[][] = [];
  for (const g of groups.values()) {
    for (let i = 0; i < g.length; i += limits.byList) candidates.push(g.slice(i, i + limits.byList));
  }
  candidates.sort((a, b) => b.length - a.length || (a[0]?.issueId ?? '').localeCompare(b[0]?.issueId ?? ''));
  const total = latest.size;
  let best = { k: 0, cost: Math.ceil(total / limits.multi) };
  let listed = 0;
  for (let k = 1; k <= candidates.length; k += 1) {
    listed += candidates[k - 1]?.length ?? 0;
    const cost = k + Math.ceil((total - listed) / limits.multi);
    if (cost < best.cost) best = { k, cost };
  }
  const requests: WriteRequest[] = [];
  for (const g of candidates.slice(0, best.k)) {
    requests.push({ endpoint: 'byList', value: (g[0] as WriteEntry).value, issueIds: g.map((e) => e.issueId) });
  }
  const rest = candidates.slice(best.k).flat();
  for (let i = 0; i < rest.length; i += limits.multi) requests.push({ endpoint: 'multi', entries: rest.slice(i, i + limits.multi) });
  return { requests };
}

/**
 * The API's lower bound on product calls to write these values: the optimal number of write requests, each
 * followed by one read of its task. Reading the issues first (to know their current values) adds
 * ceil(n / 100) search pages, the most `search/jql` returns per page with properties.
 */
export function writeCallLowerBound(entries: readonly WriteEntry[]): number {
  return 2 * planBulkWrites(entries).requests.length;
}

export const SEARCH_PAGE_WITH_PROPERTIES = 100;
