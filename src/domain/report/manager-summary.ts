/**
 * What a manager reads first on the published report, as pure functions of the gap analysis and the snapshot
 * kept at the previous publish: readiness now and then, the largest gaps with owner and epic, the open
 * nonconformities, and what changed since (clauses that moved, evidence added or gone stale).
 */
import { type ClauseId, compareClauseIds } from '../catalogue/catalogue';
import { type ClauseChange, changesSince } from '../gap/changes-since';
import { distinctFindings } from '../gap/finding-labels';
import { type ClauseGap, type GapAnalysis, type GapSnapshot } from '../gap/gap-model';
import { READINESS_WEIGHTS, computeReadiness } from '../gap/readiness';
import { type ConformityResult, type FindingGrade } from '../vocabulary';

export interface ReadinessChange {
  now: number;
  /** Readiness at the previous publish, computed from its kept results with today's formula; undefined on the first publish. */
  previous?: number;
  previousAt?: string;
  /** now − previous in percentage points, one decimal. */
  change?: number;
}

export function readinessChange(analysis: GapAnalysis, previous: GapSnapshot | undefined): ReadinessChange {
  const now = analysis.readiness.overall.percent;
  if (previous === undefined) return { now };
  const ids = new Set(analysis.clauses.map((c) => c.clauseId));
  const before = computeReadiness(Object.entries(previous.results).filter(([id]) => ids.has(id)).map(([, r]) => r));
  return { now, previous: before.percent, previousAt: previous.takenAt, change: Math.round((now - before.percent) * 10) / 10 };
}

export interface TopGap {
  clauseId: ClauseId;
  title: string;
  result: ConformityResult;
  /** Share of the clause still missing: 1 − its readiness weight (1 for nonconformant or not assessed). */
  size: number;
  openMajor: number;
  openMinor: number;
  /** Assignee of the clause's first open planned work item (else of any planned item); undefined = nobody yet. */
  owner?: string;
  /** Epic of that work item. */
  epicKey?: string;
  /** Key of that work item. */
  workItemKey?: string;
}

/** Known failures rank above unknowns of the same size. */
const RESULT_ORDER: Readonly<Record<ConformityResult, number>> = {
  nonconformant: 0,
  not_assessed: 1,
  partially_conformant: 2,
  conformant: 3,
  not_applicable: 4,
};

function findingCount(c: ClauseGap, grade: FindingGrade): number {
  return distinctFindings(c.openFindings).filter((f) => f.grade === grade).length;
}

/**
 * The `limit` largest gaps: by size (1 − readiness weight), then open major and minor nonconformities, then
 * known failures before clauses not yet assessed, then warnings, then clause order. Conformant and not
 * applicable clauses are never gaps.
 */
export function rankTopGaps(analysis: GapAnalysis, limit = 5): TopGap[] {
  const candidates = analysis.clauses.flatMap((c) => {
    const w = READINESS_WEIGHTS[c.result];
    if (w === null || w >= 1) return [];
    const work = c.plannedWork.find((p) => !p.done && p.assignee !== undefined) ?? c.plannedWork.find((p) => !p.done) ?? c.plannedWork[0];
    const gap: TopGap = {
      clauseId: c.clauseId,
      title: c.title,
      result: c.result,
      size: 1 - w,
      openMajor: findingCount(c, 'major_nc'),
      openMinor: findingCount(c, 'minor_nc'),
      ...(work?.assignee !== undefined ? { owner: work.assignee } : {}),
      ...(work?.epicKey !== undefined ? { epicKey: work.epicKey } : {}),
      ...(work !== undefined ? { workItemKey: work.issueKey } : {}),
    };
    return [{ gap, warnings: c.warnings.length }];
  });
  candidates.sort(
    (a, b) =>
      b.gap.size - a.gap.size ||
      b.gap.openMajor - a.gap.openMajor ||
      b.gap.openMinor - a.gap.openMinor ||
      RESULT_ORDER[a.gap.result] - RESULT_ORDER[b.gap.result] ||
      b.warnings - a.warnings ||
      compareClauseIds(a.gap.clauseId, b.gap.clauseId),
  );
  return candidates.slice(0, Math.max(0, limit)).map((x) => x.gap);
}

export interface OpenNonconformity {
  issueKey: string;
  grade: 'major_nc' | 'minor_nc';
  summary: string;
  clauses: ClauseId[];
}

/** Open major and minor nonconformities, one line per issue with every clause it is raised on; majors first, then by key. */
export function openNonconformities(analysis: GapAnalysis): OpenNonconformity[] {
  const byIssue = new Map<string, OpenNonconformity>();
  for (const c of analysis.clauses) {
    for (const f of c.openFindings) {
      if (f.grade !== 'major_nc' && f.grade !== 'minor_nc') continue;
      const known = byIssue.get(f.id);
      if (known === undefined) byIssue.set(f.id, { issueKey: f.id, grade: f.grade, summary: f.summary, clauses: [c.clauseId] });
      else {
        if (!known.clauses.includes(c.clauseId)) known.clauses.push(c.clauseId);
        if (f.grade === 'major_nc') known.grade = 'major_nc';
      }
    }
  }
  return [...byIssue.values()].sort((a, b) => (a.grade === b.grade ? a.issueKey.localeCompare(b.issueKey, 'en', { numeric: true }) : a.grade === 'major_nc' ? -1 : 1));
}

export interface EvidenceMove {
  clauseId: ClauseId;
  /** How many (a count is always known; keys only when both snapshots listed them all). */
  count: number;
  keys: string[];
  /** True when the count comes from Jira's approximate counts (a clause read as its newest page only). */
  approximate?: boolean;
}

export interface ReportDelta {
  hasPrevious: boolean;
  previousAt?: string;
  improved: ClauseChange[];
  regressed: ClauseChange[];
  otherChanges: ClauseChange[];
  evidenceAdded: EvidenceMove[];
  evidenceGoneStale: EvidenceMove[];
  /** True when the previous snapshot kept no evidence (taken by an older version): evidence moves are unknown. */
  evidenceUnknown: boolean;
}

function diffKeys(nowKeys: readonly string[], nowCount: number, beforeKeys: readonly string[], beforeCount: number): { count: number; keys: string[] } {
  const complete = nowKeys.length === nowCount && beforeKeys.length === beforeCount;
  if (complete) {
    const before = new Set(beforeKeys);
    const keys = nowKeys.filter((k) => !before.has(k));
    return { count: keys.length, keys };
  }
  return { count: Math.max(0, nowCount - beforeCount), keys: [] };
}

/** What changed since the snapshot of the previous publish: moved results and evidence added or gone stale per clause. */
export function reportDelta(previous: GapSnapshot | undefined, analysis: GapAnalysis): ReportDelta {
  const moved = changesSince(previous, analysis);
  const base: ReportDelta = {
    hasPrevious: moved.hasPrevious,
    ...(previous !== undefined ? { previousAt: previous.takenAt } : {}),
    improved: moved.improved,
    regressed: moved.regressed,
    otherChanges: moved.otherChanges,
    evidenceAdded: [],
    evidenceGoneStale: [],
    evidenceUnknown: false,
  };
  if (previous === undefined) return base;
  if (previous.evidence === undefined) return { ...base, evidenceUnknown: true };
  for (const c of analysis.clauses) {
    if (c.evidence.length === 0) continue;
    const before = previous.evidence[c.clauseId] ?? { count: 0, staleCount: 0, keys: [], staleKeys: [] };
    const keys = c.evidence.map((e) => e.issueKey);
    const staleKeys = c.evidence.filter((e) => e.stale).map((e) => e.issueKey);
    const count = c.evidenceBeyond?.approxTotal ?? keys.length;
    const staleCount = Math.max(c.evidenceBeyond?.approxStale ?? 0, staleKeys.length);
    const added = diffKeys(keys, count, before.keys, before.count);
    const approx = c.evidenceBeyond !== undefined ? { approximate: true } : {};
    if (added.count > 0) base.evidenceAdded.push({ clauseId: c.clauseId, ...added, ...approx });
    const stale = diffKeys(staleKeys, staleCount, before.staleKeys, before.staleCount);
    if (stale.count > 0) base.evidenceGoneStale.push({ clauseId: c.clauseId, ...stale, ...approx });
  }
  return base;
}

/** True when nothing at all changed since the previous publish. */
export function deltaIsEmpty(d: ReportDelta): boolean {
  return d.improved.length + d.regressed.length + d.otherChanges.length + d.evidenceAdded.length + d.evidenceGoneStale.length === 0;
}

/** Not-assessed clauses of one group, in clause order: the report lists them on one line instead of one row each. */
export function notAssessedByGroup(analysis: GapAnalysis): Map<string, ClauseGap[]> {
  const out = new Map<string, ClauseGap[]>();
  for (const c of analysis.clauses) {
    if (c.result !== 'not_assessed' || c.note || c.evidence.length + c.openFindings.length + c.plannedWork.length > 0) continue;
    const list = out.get(c.groupId) ?? [];
    list.push(c);
    out.set(c.groupId, list);
  }
  return out;
}
