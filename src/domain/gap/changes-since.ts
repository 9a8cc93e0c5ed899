/**
 * What changed between two publishes. A snapshot keeps only the effective result per clause. Results are
 * ranked nonconformant / not assessed (0) < partially conformant (1) < conformant (2); a move up is an
 * improvement, a move down a regression. Moves that the rank cannot order (between not assessed and
 * nonconformant, or to or from not applicable) are listed as `otherChanges`.
 */
import { type ClauseId, compareClauseIds } from '../catalogue/catalogue';
import { type ConformityResult } from '../vocabulary';
import { type ClauseEvidenceSnapshot, type GapAnalysis, type GapSnapshot } from './gap-model';

const RANK: Readonly<Record<ConformityResult, number | null>> = {
  not_assessed: 0,
  nonconformant: 0,
  partially_conformant: 1,
  conformant: 2,
  not_applicable: null,
};

export interface ClauseChange {
  clauseId: ClauseId;
  /** undefined when the clause was not in the previous snapshot. */
  from: ConformityResult | undefined;
  to: ConformityResult;
}

export interface GapChanges {
  /** false when there is no previous snapshot (first publish): all lists are then empty. */
  hasPrevious: boolean;
  previousTakenAt?: string;
  improved: ClauseChange[];
  regressed: ClauseChange[];
  otherChanges: ClauseChange[];
}

/** Issue keys kept per clause in a snapshot (evidence and stale evidence each); counts are always kept. */
export const SNAPSHOT_KEYS_PER_CLAUSE = 25;

export function toGapSnapshot(analysis: GapAnalysis): GapSnapshot {
  const results: Record<ClauseId, ConformityResult> = {};
  const evidence: Record<ClauseId, ClauseEvidenceSnapshot> = {};
  for (const c of analysis.clauses) {
    results[c.clauseId] = c.result;
    if (c.evidence.length === 0) continue;
    const stale = c.evidence.filter((e) => e.stale);
    // A clause read as its newest page only keeps Jira's approximate counts (its keys are then not the full list).
    evidence[c.clauseId] = {
      count: c.evidenceBeyond?.approxTotal ?? c.evidence.length,
      staleCount: Math.max(c.evidenceBeyond?.approxStale ?? 0, stale.length),
      keys: c.evidence.slice(0, SNAPSHOT_KEYS_PER_CLAUSE).map((e) => e.issueKey),
      staleKeys: stale.slice(0, SNAPSHOT_KEYS_PER_CLAUSE).map((e) => e.issueKey),
    };
  }
  return { takenAt: analysis.generatedAt, results, evidence };
}

/** Compares the current analysis (or snapshot) with the snapshot kept at the previous publish. */
export function changesSince(previous: GapSnapshot | undefined, current: GapAnalysis | GapSnapshot): GapChanges {
  if (!previous) return { hasPrevious: false, improved: [], regressed: [], otherChanges: [] };
  const now = 'clauses' in current ? toGapSnapshot(current) : current;
  const improved: ClauseChange[] = [];
  const regressed: ClauseChange[] = [];
  const otherChanges: ClauseChange[] = [];
  const ids = Object.keys(now.results).sort(compareClauseIds);
  for (const clauseId of ids) {
    const to = now.results[clauseId];
    if (to === undefined) continue;
    const from = previous.results[clauseId];
    if (from === to) continue;
    const change: ClauseChange = { clauseId, from, to };
    const before = RANK[from ?? 'not_assessed'];
    const after = RANK[to];
    if (before === null || after === null || before === after) {
      if (from !== undefined || to !== 'not_assessed') otherChanges.push(change);
    } else if (after > before) improved.push(change);
    else regressed.push(change);
  }
  return { hasPrevious: true, previousTakenAt: previous.takenAt, improved, regressed, otherChanges };
}
