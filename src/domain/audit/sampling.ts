/**
 * Reproducible audit sampling (ISO/IEC 20000-1 9.2: the audit looks at evidence; which evidence must not depend
 * on who happened to pick it). For each audited clause the evidence population is split into strata by Jira
 * status category and by age (days between the issue's creation and the sample date), the clause's sample size
 * (set by the user) is spread over the strata, and each stratum is drawn by a seeded pseudo-random generator.
 *
 * Reproducible: the same seed, sample date and population (in any order) give the same sample; the generator
 * for a stratum is seeded from (seed, clause, stratum), so adding a clause to the audit does not change the
 * other clauses' samples. Only evidence is sampled: findings and the plan's own work items are not evidence
 * (issueRole in src/domain/gap/issue-roles.ts decides).
 */
import { z } from 'zod';
import { type ClauseId, ancestorsOf, getClause } from '../catalogue/catalogue';
import { compareIssueKeys } from '../gap/analyse-gaps';
import { STATUS_CATEGORIES, STATUS_CATEGORY_LABELS, type StatusCategory } from '../gap/gap-model';
import { FINDING_LABELS } from '../gap/finding-labels';
import { issueRole, type IssueRoleFacts } from '../gap/issue-roles';
import { PLAN_ITEM_PROPERTY_KEY } from '../epics/plan-item-property';
import { escapeJqlString } from '../jql-value';
import { CLAUSE_JQL_ALIAS, type TracedFigure, andJql, clauseJql, keyListFigure, labelsJql, projectJql } from '../traced-figure';
import { FINDING_GRADES } from '../vocabulary';

// ---------- seeded generator ----------

/** 32-bit FNV-1a hash of a string (the seed of one stratum's generator). */
export function hashSeed(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i += 1) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a small, fast generator with a 32-bit state; uniform numbers in [0, 1). Deterministic per seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` items drawn without replacement from `items` (partial Fisher–Yates), in draw order. */
export function drawWithoutReplacement<T>(items: readonly T[], count: number, random: () => number): T[] {
  const pool = [...items];
  const n = Math.min(Math.max(0, count), pool.length);
  for (let i = 0; i < n; i += 1) {
    const j = i + Math.floor(random() * (pool.length - i));
    const picked = pool[j] as T;
    pool[j] = pool[i] as T;
    pool[i] = picked;
  }
  return pool.slice(0, n);
}

// ---------- strata ----------

/** Age buckets by whole days between the issue's creation and the sample date; the last one is open-ended. */
export const AGE_BUCKETS = [
  { id: 'up-to-30-days', label: '30 days or less', minDays: 0, maxDays: 30 },
  { id: '31-to-90-days', label: '31 to 90 days', minDays: 31, maxDays: 90 },
  { id: '91-to-365-days', label: '91 to 365 days', minDays: 91, maxDays: 365 },
  { id: 'over-365-days', label: 'More than 365 days', minDays: 366, maxDays: null },
] as const;
export type AgeBucketId = (typeof AGE_BUCKETS)[number]['id'];

const DAY_MS = 86_400_000;

/** Whole UTC calendar days from `created` to `asOf` (0 for a creation after the sample date). */
export function ageInDays(created: string, asOf: string): number {
  const day = (iso: string): number => Math.floor(Date.parse(iso) / DAY_MS);
  const d = day(asOf) - day(created);
  return Number.isFinite(d) && d > 0 ? d : 0;
}

export function ageBucketOf(ageDays: number): AgeBucketId {
  const hit = AGE_BUCKETS.find((b) => ageDays >= b.minDays && (b.maxDays === null || ageDays <= b.maxDays));
  return hit?.id ?? 'over-365-days';
}

export interface StratumId {
  statusCategory: StatusCategory;
  ageBucket: AgeBucketId;
}

/** Every stratum, in a fixed order (status category, then age). */
export const STRATA: readonly StratumId[] = STATUS_CATEGORIES.flatMap((statusCategory) =>
  AGE_BUCKETS.map((b) => ({ statusCategory, ageBucket: b.id })),
);

export const stratumKey = (s: StratumId): string => `${s.statusCategory}/${s.ageBucket}`;

/** The UTC date (yyyy-mm-dd) `days` days before `asOf`. */
function dateBefore(asOf: string, days: number): string {
  const midnight = Math.floor(Date.parse(asOf) / DAY_MS) * DAY_MS;
  return new Date(midnight - days * DAY_MS).toISOString().slice(0, 10);
}

/** JQL of a stratum's creation window: an age of d days means created on the UTC day d days before the sample date. */
export function ageBucketJql(bucket: AgeBucketId, asOf: string): string {
  const b = AGE_BUCKETS.find((x) => x.id === bucket) ?? AGE_BUCKETS[0];
  const parts: string[] = [];
  if (b.maxDays !== null) parts.push(`created >= ${escapeJqlString(dateBefore(asOf, b.maxDays))}`);
  parts.push(`created < ${escapeJqlString(dateBefore(asOf, b.minDays - 1))}`);
  return andJql(...parts);
}

const STATUS_CATEGORY_JQL: Readonly<Record<StatusCategory, string>> = { new: 'To Do', indeterminate: 'In Progress', done: 'Done' };

/** The population JQL of one clause's stratum (evidence, findings and planned work alike: the app sorts them). */
export function stratumJql(projectKey: string, clauseId: ClauseId, stratum: StratumId, asOf: string): string {
  return andJql(
    projectJql(projectKey),
    clauseJql(clauseId),
    `statusCategory = ${escapeJqlString(STATUS_CATEGORY_JQL[stratum.statusCategory])}`,
    ageBucketJql(stratum.ageBucket, asOf),
  );
}

// ---------- the sample ----------

/** One Jira issue the sample may draw: what the app knows of it. */
export interface SampleCandidate extends IssueRoleFacts {
  issueKey: string;
  statusCategory: StatusCategory;
  /** Age at the sample date (ageBucketOf(ageInDays(created, asOf)), or from the age queries). */
  ageBucket: AgeBucketId;
  /** Clause ids the issue applies to: its mapping (a heading applies to every clause below it) or the clause queries that found it. */
  clauses: readonly ClauseId[];
}

// ---------- the searches that give the population (ids only, so up to 5,000 issues a page) ----------

/** Mapped to some clause: the universe of the sample. */
const mappedJql = (projectKey: string): string => andJql(projectJql(projectKey), `${CLAUSE_JQL_ALIAS} IS NOT EMPTY`);

/**
 * The searches that place every mapped issue in its clause populations and its stratum, without reading the
 * issues themselves: one per clause, one per status category but the last, one per age bucket but the last
 * (an issue in none of them is in the last), and one each for findings and the plan's work items (not
 * evidence, issue-roles.ts). Strata are a product of status and age, so 2 + 3 searches place every issue.
 */
export interface SamplingQueries {
  clauses: Record<ClauseId, string>;
  /** Status categories but the last ('new'), in STATUS_CATEGORIES order. */
  statuses: { statusCategory: StatusCategory; jql: string }[];
  /** Age buckets but the last, in AGE_BUCKETS order. */
  ages: { ageBucket: AgeBucketId; jql: string }[];
  findings: string;
  plannedWork: string;
}

export function samplingQueries(projectKey: string, clauseIds: readonly ClauseId[], asOf: string): SamplingQueries {
  const mapped = mappedJql(projectKey);
  return {
    clauses: Object.fromEntries(clauseIds.map((id) => [id, andJql(projectJql(projectKey), clauseJql(id))])),
    statuses: STATUS_CATEGORIES.slice(0, -1).map((statusCategory) => ({
      statusCategory,
      jql: andJql(mapped, `statusCategory = ${escapeJqlString(STATUS_CATEGORY_JQL[statusCategory])}`),
    })),
    ages: AGE_BUCKETS.slice(0, -1).map((b) => ({ ageBucket: b.id, jql: andJql(mapped, ageBucketJql(b.id, asOf)) })),
    findings: andJql(mapped, labelsJql(FINDING_GRADES.map((g) => FINDING_LABELS[g]))),
    plannedWork: andJql(mapped, `issue.property[${PLAN_ITEM_PROPERTY_KEY}].role IS NOT EMPTY`),
  };
}

/** What the searches of samplingQueries found: issue keys per search. */
export interface SamplingHits {
  clauses: Readonly<Record<ClauseId, readonly string[]>>;
  statuses: readonly { statusCategory: StatusCategory; keys: readonly string[] }[];
  ages: readonly { ageBucket: AgeBucketId; keys: readonly string[] }[];
  findings: readonly string[];
  plannedWork: readonly string[];
}

/** The candidates the hits describe: every issue a clause search found, placed in its stratum by the other searches. */
export function candidatesFromHits(hits: SamplingHits): SampleCandidate[] {
  const clausesOf = new Map<string, ClauseId[]>();
  for (const [clauseId, keys] of Object.entries(hits.clauses)) for (const key of keys) clausesOf.set(key, [...(clausesOf.get(key) ?? []), clauseId]);
  const status = new Map<string, StatusCategory>();
  for (const s of hits.statuses) for (const key of s.keys) if (!status.has(key)) status.set(key, s.statusCategory);
  const age = new Map<string, AgeBucketId>();
  for (const a of hits.ages) for (const key of a.keys) if (!age.has(key)) age.set(key, a.ageBucket);
  const findings = new Set(hits.findings);
  const planned = new Set(hits.plannedWork);
  const lastStatus = STATUS_CATEGORIES[STATUS_CATEGORIES.length - 1] ?? 'new';
  return [...clausesOf.entries()].map(([issueKey, clauses]) => ({
    issueKey,
    statusCategory: status.get(issueKey) ?? lastStatus,
    ageBucket: age.get(issueKey) ?? 'over-365-days',
    clauses,
    hasFindingLabel: findings.has(issueKey),
    isPlanItem: planned.has(issueKey),
  }));
}

/** Most issues sampled for one clause. */
export const MAX_SAMPLE_PER_CLAUSE = 50;

export const sampleRequestSchema = z.object({
  /** Any text; the same seed gives the same sample. */
  seed: z.string().trim().min(1, 'Give the sample a seed.').max(64),
  /** ISO date-time the sample is drawn as of (ages are counted to it). */
  asOf: z.iso.datetime({ offset: true }),
  /** Sample size per audited clause (assessable clause ids). */
  sizes: z.record(z.string().min(1).max(16), z.number().int().min(1).max(MAX_SAMPLE_PER_CLAUSE)),
});
export type SampleRequest = z.infer<typeof sampleRequestSchema>;

export interface StratumSample extends StratumId {
  /** Evidence in the stratum. */
  population: number;
  /** Issue keys drawn, in issue-key order. */
  drawn: string[];
  /** The stratum's population in Jira (same clause, status category and creation window). */
  jql: string;
}

export interface ClauseSample {
  clauseId: ClauseId;
  title: string;
  requested: number;
  /** Evidence mapped to the clause (or a heading above it). */
  population: number;
  /** Only the non-empty strata, in STRATA order. */
  strata: StratumSample[];
  /** Every drawn issue key, in issue-key order. */
  issueKeys: string[];
  /** The drawn issues as a figure: their JQL finds exactly them. */
  figure: TracedFigure;
}

export interface AuditSample {
  seed: string;
  asOf: string;
  clauses: ClauseSample[];
}

/**
 * How `size` is spread over strata of the given populations: one for every non-empty stratum first (when the
 * size allows; larger strata first), the rest in proportion to population by largest remainder (ties to the
 * earlier stratum). Never more than a stratum holds; the total is min(size, population).
 */
export function allocate(size: number, populations: readonly number[]): number[] {
  const total = populations.reduce((a, b) => a + b, 0);
  const n = Math.min(Math.max(0, size), total);
  const out = populations.map(() => 0);
  if (n === 0) return out;
  const nonEmpty = populations.map((p, i) => ({ p, i })).filter((x) => x.p > 0);
  if (n >= nonEmpty.length) for (const x of nonEmpty) out[x.i] = 1;
  else {
    [...nonEmpty].sort((a, b) => b.p - a.p || a.i - b.i).slice(0, n).forEach((x) => (out[x.i] = 1));
    return out;
  }
  let left = n - nonEmpty.length;
  const room = populations.map((p, i) => p - (out[i] ?? 0));
  const roomTotal = room.reduce((a, b) => a + b, 0);
  if (left === 0 || roomTotal === 0) return out;
  const shares = room.map((r, i) => ({ i, exact: (left * r) / roomTotal }));
  for (const s of shares) {
    const whole = Math.floor(s.exact);
    out[s.i] = (out[s.i] ?? 0) + whole;
    left -= whole;
  }
  const byRemainder = shares
    .filter((s) => (room[s.i] ?? 0) > Math.floor(s.exact))
    .sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.i - b.i);
  for (const s of byRemainder) {
    if (left === 0) break;
    out[s.i] = (out[s.i] ?? 0) + 1;
    left -= 1;
  }
  return out;
}

/** True when an issue mapped to `mapped` applies to `clauseId` (the clause itself or a heading above it). */
function appliesTo(mapped: readonly ClauseId[], clauseId: ClauseId, headings: ReadonlySet<ClauseId>): boolean {
  return mapped.some((m) => m === clauseId || headings.has(m));
}

/**
 * Draws the sample of each clause in `request.sizes` from `candidates`. Pure and deterministic: the candidates'
 * order does not matter (each stratum is sorted by issue key before drawing).
 */
export function drawAuditSample(projectKey: string, candidates: readonly SampleCandidate[], request: SampleRequest): AuditSample {
  const evidence = candidates.filter((c) => issueRole(c) === 'evidence');
  const clauseIds = Object.keys(request.sizes).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const clauses = clauseIds.map((clauseId): ClauseSample => {
    const requested = request.sizes[clauseId] ?? 0;
    const headings = new Set(getClause(clauseId) ? ancestorsOf(clauseId).map((c) => c.id) : []);
    const population = evidence.filter((c) => appliesTo(c.clauses, clauseId, headings));
    const groups = STRATA.map((s) =>
      population
        .filter((c) => c.statusCategory === s.statusCategory && c.ageBucket === s.ageBucket)
        .map((c) => c.issueKey)
        .sort(compareIssueKeys),
    );
    const counts = allocate(requested, groups.map((g) => g.length));
    const strata: StratumSample[] = [];
    STRATA.forEach((s, i) => {
      const group = groups[i] ?? [];
      if (group.length === 0) return;
      const random = seededRandom(hashSeed(`${request.seed}|${clauseId}|${stratumKey(s)}`));
      const drawn = drawWithoutReplacement(group, counts[i] ?? 0, random).sort(compareIssueKeys);
      strata.push({ ...s, population: group.length, drawn, jql: stratumJql(projectKey, clauseId, s, request.asOf) });
    });
    const issueKeys = strata.flatMap((s) => s.drawn).sort(compareIssueKeys);
    const populationJql = andJql(projectJql(projectKey), clauseJql(clauseId));
    return {
      clauseId,
      title: getClause(clauseId)?.title ?? clauseId,
      requested,
      population: population.length,
      strata,
      issueKeys,
      figure: keyListFigure(`Sample for clause ${clauseId}`, projectKey, issueKeys, populationJql),
    };
  });
  return { seed: request.seed, asOf: request.asOf, clauses };
}

/** A stratum named for people: "Done, 31 to 90 days". */
export function stratumLabel(s: StratumId): string {
  const age = AGE_BUCKETS.find((b) => b.id === s.ageBucket)?.label ?? s.ageBucket;
  return `${STATUS_CATEGORY_LABELS[s.statusCategory]}, ${age.toLowerCase()}`;
}
