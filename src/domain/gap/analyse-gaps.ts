/**
 * Gap analysis: for every assessable clause of 4 to 10, the effective conformity result (set by a user, or
 * proposed from evidence by PROPOSAL_RULES), the evidence behind it, the warnings where the record does not
 * hold together, and readiness overall and per top-level clause. Pure: `now` is passed in.
 *
 * Planned work (the plan's own work items, see issue-roles.ts) is listed per clause and never counted as evidence.
 * Evidence, planned work, findings, maturity gaps and epics may name a heading (e.g. '8.5'); they then apply to every
 * assessable clause below it. Ids the catalogue does not know are listed in `unknownClauseRefs`.
 */
import { plural } from '../plural';
import { CLAUSES, type Clause, type ClauseId, getClause, topLevelClauses } from '../catalogue/catalogue';
import { type ConformityResult } from '../vocabulary';
import {
  type ClauseGap,
  type ClauseMaturityGap,
  type Evidence,
  type EvidenceItem,
  type Finding,
  type GapAnalysis,
  type GapAnalysisInput,
  type GapAnalysisOptions,
  type GapWarning,
  type GroupReadiness,
  type PlannedWorkItem,
  type StatusCategory,
  type ClauseEvidenceSample,
} from './gap-model';
import { type EvidenceFacts, USER_SET_RULE_ID, evidenceFacts, proposeFromFacts } from './proposal-rules';
import { computeReadiness } from './readiness';

const DAY_MS = 86_400_000;
const MAX_REFS_IN_MESSAGE = 5;

const STATUS_ORDER: Record<StatusCategory, number> = { done: 0, indeterminate: 1, new: 2 };

/** Top-level clause ('4'..'10') of a clause id. */
export function groupOf(clauseId: ClauseId): string {
  const dot = clauseId.indexOf('.');
  return dot < 0 ? clauseId : clauseId.slice(0, dot);
}

/** The id itself and every ancestor id, nearest first: '8.5.1.1' -> ['8.5.1.1', '8.5.1', '8.5', '8']. */
function selfAndAncestorIds(clauseId: ClauseId): ClauseId[] {
  const ids: ClauseId[] = [];
  let id = clauseId;
  for (;;) {
    ids.push(id);
    const dot = id.lastIndexOf('.');
    if (dot < 0) return ids;
    id = id.slice(0, dot);
  }
}

/** Natural order of Jira issue keys: project key, then number ('SMS-9' < 'SMS-10'). */
export function compareIssueKeys(a: string, b: string): number {
  const ma = /^(.*)-(\d+)$/.exec(a);
  const mb = /^(.*)-(\d+)$/.exec(b);
  if (ma && mb && ma[1] !== undefined && mb[1] !== undefined) {
    if (ma[1] !== mb[1]) return ma[1] < mb[1] ? -1 : 1;
    return Number(ma[2]) - Number(mb[2]);
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Evidence order: done first, then in progress, then to do; within each, by issue key. */
export function compareEvidence(a: EvidenceItem, b: EvidenceItem): number {
  return STATUS_ORDER[a.statusCategory] - STATUS_ORDER[b.statusCategory] || compareIssueKeys(a.issueKey, b.issueKey);
}

/** Whole days between `updated` and `now`; 0 when the date is unreadable or in the future. */
export function ageInDays(updated: string, now: Date): number {
  const t = Date.parse(updated);
  if (Number.isNaN(t)) return 0;
  return Math.max(0, Math.floor((now.getTime() - t) / DAY_MS));
}

function listRefs(refs: readonly string[]): string {
  const shown = refs.slice(0, MAX_REFS_IN_MESSAGE).join(', ');
  return refs.length > MAX_REFS_IN_MESSAGE ? `${shown} and ${refs.length - MAX_REFS_IN_MESSAGE} more` : shown;
}


interface Resolver {
  assessable: readonly Clause[];
  /** Known id -> the assessable clause ids it applies to (itself, or every assessable clause below a heading). */
  expand(id: ClauseId): readonly ClauseId[] | undefined;
}

function buildResolver(): Resolver {
  const assessable = CLAUSES.filter((c) => c.assessable);
  const cache = new Map<ClauseId, readonly ClauseId[]>();
  return {
    assessable,
    expand(id) {
      const hit = cache.get(id);
      if (hit) return hit;
      const clause = getClause(id);
      if (!clause) return undefined;
      const ids = clause.assessable
        ? [clause.id]
        : assessable.filter((c) => c.id.startsWith(`${clause.id}.`)).map((c) => c.id);
      cache.set(id, ids);
      return ids;
    },
  };
}

function warningsFor(
  clauseId: ClauseId,
  result: ConformityResult,
  evidence: readonly EvidenceItem[],
  facts: EvidenceFacts,
  sample: ClauseEvidenceSample | undefined,
  openFindings: readonly Finding[],
  maturity: readonly ClauseMaturityGap[],
  maxAgeDays: number,
  epicCheck: { inScope: ReadonlySet<ClauseId>; withEpic: ReadonlySet<ClauseId> } | undefined,
): GapWarning[] {
  const warnings: GapWarning[] = [];
  if (result === 'not_applicable') {
    warnings.push({
      code: 'not_applicable_claimed',
      message: 'Marked not applicable, but ISO/IEC 20000-1 allows no exclusions: this blocks a conformity claim.',
      refs: [],
    });
  }
  if (result === 'conformant' && !facts.anyDone) {
    warnings.push({
      code: 'conformant_without_evidence',
      message: !facts.anyOpenOrStaleDone
        ? 'Marked conformant, but no Jira issue is mapped to it as evidence.'
        : 'Marked conformant, but none of the mapped issues is done yet.',
      refs: evidence.map((e) => e.issueKey),
    });
  }
  const stale = evidence.filter((e) => e.stale).map((e) => e.issueKey);
  if (sample !== undefined && sample.approxStale > stale.length) {
    // Only the newest page was read: the number is Jira's approximate count, and the oldest (stale) issues are in the search.
    warnings.push({
      code: 'stale_evidence',
      message: `About ${plural(sample.approxStale, 'mapped issue has', 'mapped issues have')} not been updated for more than ${maxAgeDays} days (Jira's approximate count; the issue search lists them).`,
      refs: stale,
    });
  } else if (stale.length > 0) {
    warnings.push({
      code: 'stale_evidence',
      message: `${plural(stale.length, 'mapped issue has', 'mapped issues have')} not been updated for more than ${maxAgeDays} days: ${listRefs(stale)}.`,
      refs: stale,
    });
  }
  const ncs = openFindings.filter((f) => f.grade === 'major_nc' || f.grade === 'minor_nc');
  if (ncs.length > 0) {
    const major = ncs.filter((f) => f.grade === 'major_nc').length;
    const minor = ncs.length - major;
    warnings.push({
      code: 'open_nonconformity',
      message: `${plural(ncs.length, 'open nonconformity', 'open nonconformities')} (${major} major, ${minor} minor): ${listRefs(ncs.map((f) => f.id))}.`,
      refs: ncs.map((f) => f.id),
    });
  }
  for (const m of maturity) {
    if (m.current >= m.target) continue;
    const unit = m.unitName ?? m.clauseId;
    warnings.push({
      code: 'below_target_maturity',
      message: `${unit} is at maturity level ${m.current}, below its target of level ${m.target}.`,
      refs: [unit],
    });
  }
  if (epicCheck) {
    const chain = selfAndAncestorIds(clauseId);
    const inScope = chain.some((id) => epicCheck.inScope.has(id));
    if (inScope && !chain.some((id) => epicCheck.withEpic.has(id))) {
      warnings.push({
        code: 'no_epic',
        message: 'In the implementation scope, but no epic plans the work for this process yet.',
        refs: [],
      });
    }
  }
  return warnings;
}

/** Runs the gap analysis over every assessable clause of the catalogue (clauses 4 to 10). */
export function analyseGaps(input: GapAnalysisInput, options: GapAnalysisOptions): GapAnalysis {
  const resolver = buildResolver();
  const unknown = new Set<ClauseId>();
  const expand = (id: ClauseId): readonly ClauseId[] => {
    const ids = resolver.expand(id);
    if (ids === undefined) {
      unknown.add(id);
      return [];
    }
    return ids;
  };

  const records = new Map<ClauseId, (typeof input.records)[number]>();
  for (const r of input.records) {
    const clause = getClause(r.clauseId);
    if (!clause) unknown.add(r.clauseId);
    else if (clause.assessable) records.set(r.clauseId, r);
  }

  const evidenceByClause = new Map<ClauseId, Map<string, EvidenceItem>>();
  const evidenceKeys = new Set<string>();
  const toItem = (e: Evidence): EvidenceItem => {
    const ageDays = ageInDays(e.updated, options.now);
    return {
      issueKey: e.issueKey,
      summary: e.summary,
      statusCategory: e.statusCategory,
      updated: e.updated,
      ageDays,
      stale: ageDays > options.maxEvidenceAgeDays,
      kinds: [...e.kinds],
    };
  };
  for (const e of input.evidence) {
    let item: EvidenceItem | undefined;
    for (const ref of e.clauses) {
      for (const id of expand(ref)) {
        let bucket = evidenceByClause.get(id);
        if (!bucket) evidenceByClause.set(id, (bucket = new Map()));
        if (bucket.has(e.issueKey)) continue;
        item ??= toItem(e);
        bucket.set(e.issueKey, item);
        evidenceKeys.add(e.issueKey);
      }
    }
  }

  const plannedByClause = new Map<ClauseId, Map<string, PlannedWorkItem>>();
  for (const w of input.plannedWork ?? []) {
    const item: PlannedWorkItem = {
      issueKey: w.issueKey,
      summary: w.summary,
      statusCategory: w.statusCategory,
      done: w.statusCategory === 'done',
      ...(w.assignee !== undefined ? { assignee: w.assignee } : {}),
      ...(w.epicKey !== undefined ? { epicKey: w.epicKey } : {}),
    };
    for (const ref of w.clauses) {
      for (const id of expand(ref)) {
        let bucket = plannedByClause.get(id);
        if (!bucket) plannedByClause.set(id, (bucket = new Map()));
        bucket.set(w.issueKey, item);
      }
    }
  }

  const findingsByClause = new Map<ClauseId, Finding[]>();
  for (const f of input.findings ?? []) {
    if (!f.open) continue;
    for (const id of expand(f.clauseId)) {
      const list = findingsByClause.get(id) ?? [];
      list.push(f);
      findingsByClause.set(id, list);
    }
  }

  const maturityByClause = new Map<ClauseId, ClauseMaturityGap[]>();
  for (const m of input.maturityGaps ?? []) {
    for (const id of expand(m.clauseId)) {
      const list = maturityByClause.get(id) ?? [];
      list.push(m);
      maturityByClause.set(id, list);
    }
  }

  let epicCheck: { inScope: ReadonlySet<ClauseId>; withEpic: ReadonlySet<ClauseId> } | undefined;
  if (input.epics) {
    for (const id of [...input.epics.inScope, ...input.epics.withEpic]) if (!getClause(id)) unknown.add(id);
    epicCheck = { inScope: new Set(input.epics.inScope), withEpic: new Set(input.epics.withEpic) };
  }

  const samples = new Map<ClauseId, ClauseEvidenceSample>();
  for (const sample of input.evidenceSamples ?? []) {
    if (getClause(sample.clauseId)?.assessable === true) samples.set(sample.clauseId, sample);
    else unknown.add(sample.clauseId);
  }

  const clauses: ClauseGap[] = resolver.assessable.map((clause) => {
    const evidence = [...(evidenceByClause.get(clause.id)?.values() ?? [])].sort(compareEvidence);
    const sample = samples.get(clause.id);
    const listed = evidenceFacts(evidence);
    const facts: EvidenceFacts =
      sample === undefined
        ? listed
        : { anyDone: listed.anyDone || sample.anyDone, anyOpenOrStaleDone: listed.anyOpenOrStaleDone || sample.anyOpenOrStaleDone };
    const openFindings = findingsByClause.get(clause.id) ?? [];
    const record = records.get(clause.id);
    const userResult = record?.result;
    const { result, ruleId } =
      userResult !== undefined ? { result: userResult, ruleId: USER_SET_RULE_ID } : proposeFromFacts(facts, openFindings);
    const gap: ClauseGap = {
      clauseId: clause.id,
      title: clause.title,
      groupId: groupOf(clause.id),
      result,
      proposed: userResult === undefined,
      ruleId,
      evidence,
      ...(sample !== undefined ? { evidenceBeyond: { approxTotal: Math.max(sample.approxTotal, evidence.length), approxStale: sample.approxStale } } : {}),
      plannedWork: [...(plannedByClause.get(clause.id)?.values() ?? [])].sort(
        (a, b) => Number(a.done) - Number(b.done) || compareIssueKeys(a.issueKey, b.issueKey),
      ),
      openFindings,
      warnings: warningsFor(
        clause.id,
        result,
        evidence,
        facts,
        sample,
        openFindings,
        maturityByClause.get(clause.id) ?? [],
        options.maxEvidenceAgeDays,
        epicCheck,
      ),
    };
    if (record?.note !== undefined) gap.note = record.note;
    if (record?.setBy !== undefined) gap.setBy = record.setBy;
    if (record?.setByName !== undefined) gap.setByName = record.setByName;
    if (record?.setAt !== undefined) gap.setAt = record.setAt;
    return gap;
  });

  const byGroup: GroupReadiness[] = topLevelClauses().map((top) => ({
    groupId: top.id,
    title: top.title,
    figures: computeReadiness(clauses.filter((c) => c.groupId === top.id).map((c) => c.result)),
  }));

  return {
    generatedAt: options.now.toISOString(),
    maxEvidenceAgeDays: options.maxEvidenceAgeDays,
    clauses,
    readiness: { overall: computeReadiness(clauses.map((c) => c.result)), byGroup },
    warningCount: clauses.reduce((n, c) => n + c.warnings.length, 0),
    evidenceCount: input.evidenceTotal?.count ?? evidenceKeys.size,
    ...(input.evidenceTotal?.approximate === true ? { evidenceCountApproximate: true } : {}),
    unknownClauseRefs: [...unknown].sort(),
  };
}
