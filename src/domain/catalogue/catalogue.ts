/**
 * The ISO/IEC 20000-1:2018 clause catalogue, loaded once from iso20000-1-2018.json and validated at import.
 *
 * Data rules (the JSON follows them; test/domain/catalogue.test.ts checks them):
 * - one node per clause and subclause of clauses 4 .. 10 (numbers and titles are facts; summaries are our words);
 * - `processGroup` is set for everything under clause 8: "8.1" is its own group, "8.x.y…" belongs to "8.x";
 *   clause "8" itself and clauses 4-7, 9, 10 have none;
 * - `assessable` is true exactly for leaves (clauses without subclauses). A clause with subclauses
 *   (e.g. "4", "5.2", "8.3.4", "8.5.1") only groups them: its requirements are judged through its
 *   subclauses, so conformity is recorded on the leaves and rolled up to the heading.
 */
import { NotFoundError } from '../errors';
import type { ProcessGroupId } from '../process-groups';
import { compareRefIds, loadFramework } from './catalogue-loader';
import raw from './iso20000-1-2018.json';

/** A clause number as printed, e.g. "8.5.1.1". */
export type ClauseId = string;

export interface Clause {
  urn: string;
  id: ClauseId;
  title: string;
  parentId: ClauseId | null;
  depth: number;
  processGroup: ProcessGroupId | null;
  assessable: boolean;
  summary: string;
}

const file = loadFramework(raw);

export const CATALOGUE_FRAMEWORK: Readonly<{ urn: string; refId: string; name: string }> = Object.freeze({
  ...file.framework,
});

const refIdByUrn = new Map(file.requirementNodes.map((n) => [n.urn, n.refId]));

/** All clauses in numeric order ("8.9" before "8.10", "9.4" before "10.1"). */
export const CLAUSES: readonly Clause[] = Object.freeze(
  file.requirementNodes.map((n) =>
    Object.freeze({
      urn: n.urn,
      id: n.refId,
      title: n.title,
      parentId: n.parentUrn === null ? null : (refIdByUrn.get(n.parentUrn) ?? null),
      depth: n.depth,
      processGroup: n.processGroup,
      assessable: n.assessable,
      summary: n.summary,
    }),
  ),
);

const byId = new Map<ClauseId, Clause>(CLAUSES.map((c) => [c.id, c]));

export function getClause(id: ClauseId): Clause | undefined {
  return byId.get(id);
}

/** Like getClause but throws NotFoundError for an unknown id (use it on untrusted input). */
export function requireClause(id: ClauseId): Clause {
  const clause = byId.get(id);
  if (!clause) throw new NotFoundError(`Clause ${id} is not in ISO/IEC 20000-1:2018.`, { clauseId: id });
  return clause;
}

export function isClauseId(s: string): boolean {
  return byId.has(s);
}

/** Direct subclauses, in numeric order. Throws NotFoundError for an unknown id. */
export function childrenOf(id: ClauseId): Clause[] {
  requireClause(id);
  return CLAUSES.filter((c) => c.parentId === id);
}

/** All clauses below `id` (children, grandchildren…), in numeric order. Throws NotFoundError for an unknown id. */
export function descendantsOf(id: ClauseId): Clause[] {
  requireClause(id);
  return CLAUSES.filter((c) => c.id.startsWith(`${id}.`));
}

/** Ancestors from the top-level clause down to the direct parent (the clause itself excluded). */
export function ancestorsOf(id: ClauseId): Clause[] {
  const chain: Clause[] = [];
  let parentId = requireClause(id).parentId;
  while (parentId !== null) {
    const parent = requireClause(parentId);
    chain.unshift(parent);
    parentId = parent.parentId;
  }
  return chain;
}

/** Numeric order of dotted clause numbers; usable as an Array.sort comparator. */
export function compareClauseIds(a: ClauseId, b: ClauseId): number {
  return compareRefIds(a, b);
}

/** Returns a new array sorted in numeric clause order (input untouched, duplicates kept). */
export function sortClauseIds(ids: readonly ClauseId[]): ClauseId[] {
  return [...ids].sort(compareClauseIds);
}

/** Clauses 4 .. 10. */
export function topLevelClauses(): Clause[] {
  return CLAUSES.filter((c) => c.depth === 1);
}

/** Every clause of a process group, the group's own clause first (e.g. "8.6", "8.6.1", "8.6.2", "8.6.3"). */
export function clausesInGroup(g: ProcessGroupId): Clause[] {
  return CLAUSES.filter((c) => c.processGroup === g);
}
