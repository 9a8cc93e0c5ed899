/**
 * Proposes a phased plan from the TS 20000-5 guidance and, when given, the assessed gaps.
 *
 * Approach 1 ("subsets", 5.2.2): phases follow the process-group roles in PROCESS_GROUPS —
 *   phase 1: resolution and fulfilment (8.6); phase 2: relationship and agreement (8.3);
 *   phase 3: design, build and transition (8.5) with supply and demand (8.4) alongside.
 *   8.1 is in every phase; 8.7 (minimal set first, matured each phase) and 8.2 (initial catalogue first,
 *   improved each phase) start in phase 1 and recur in every phase. A process whose gap is already closed
 *   is moved to the last phase (to confirm it) or, with closedGaps 'omit', left out and listed in notPlanned.
 * Approach 2 ("levels", 5.2.3): one phase per level from the scope's current level + 1 up to the target,
 *   never skipping a level; each phase holds the processes still below that level.
 * Combined: for each level in turn, the Approach 1 subsets of the processes still below that level.
 */
import { type ProcessGroupId, type ProcessGroupRole, PROCESS_GROUPS } from '../process-groups';
import {
  type AchievableLevel,
  type KeyElementId,
  type MaturityLevel,
  KEY_ELEMENT_IDS,
  LEVEL_LABELS,
  LEVEL_SUMMARIES,
} from '../maturity/maturity-model';
import { ValidationError } from '../errors';
import { type Assessment, getElement, getUnit } from '../assessment/assessment';
import { type ProcessId, PROCESS_IDS, processGroupOf, unitTitle } from '../assessment/assessment-units';
import { unitSummary } from '../assessment/unit-summary';
import { type NotPlanned, type Phase, type Plan, type PlanApproach, PLAN_SCHEMA_VERSION, slugify, uniquePhaseId } from './plan';
import { joinList } from '../scope/scope-text';
import { draftMissingInterfaces } from './interface-drafts';

export interface ProposePlanOptions {
  /** In-scope clause-8 processes (default: all). Processes outside are never planned. */
  scopeProcesses?: readonly ProcessId[];
  /** Level to reach. Levels/combined: default 3. Subsets: when set, a process at this level counts as done. */
  targetLevel?: AchievableLevel;
  /** ISO date (YYYY-MM-DD) the first phase starts; phases then follow back to back. Default: no dates. */
  start?: string | null;
  /** Length of each phase in weeks when `start` is given (default 12). */
  phaseWeeks?: number;
  /** Owner accountId given to every proposed phase (default null). */
  owner?: string | null;
  /** Approach 1: what to do with a process whose gap is already closed (default 'move-last'). */
  closedGaps?: 'move-last' | 'omit';
}

/** Rule 1 "related elements" used when no assessment says which elements have gaps (our choice). */
export const DEFAULT_SUBSET_ELEMENTS: readonly KeyElementId[] = [
  'process',
  'process-interaction',
  'policy-and-objective',
  'resource',
  'responsibility',
  'personnel',
  'communication',
  'performance-indicator',
];

const PRIMARY_BUCKET: Partial<Record<ProcessGroupRole, number>> = { first: 0, second: 1, third: 2, 'alongside-third': 2 };
const RECURRING_ROLES: readonly ProcessGroupRole[] = ['every-phase', 'minimal-then-mature', 'initial-then-improve'];

const roleOf = (g: ProcessGroupId): ProcessGroupRole => {
  const group = PROCESS_GROUPS.find((x) => x.id === g);
  if (!group) throw new ValidationError(`Unknown process group ${g}.`);
  return group.role;
};
const titleOf = (g: ProcessGroupId): string => PROCESS_GROUPS.find((x) => x.id === g)?.title ?? g;
const byPriority = (a: ProcessGroupId, b: ProcessGroupId): number =>
  (PROCESS_GROUPS.find((x) => x.id === a)?.priority ?? 99) - (PROCESS_GROUPS.find((x) => x.id === b)?.priority ?? 99);
const lower = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const inOrder = (ids: Iterable<ProcessId>): ProcessId[] => {
  const set = new Set(ids);
  return PROCESS_IDS.filter((p) => set.has(p));
};

function recurringObjective(role: ProcessGroupRole, first: boolean): string {
  switch (role) {
    case 'every-phase':
      return first
        ? 'Set up operational planning and control for the processes of this phase.'
        : 'Extend operational planning and control to the processes added in this phase.';
    case 'minimal-then-mature':
      return first
        ? 'Introduce a minimal set of availability, continuity and information security controls.'
        : 'Mature the service assurance controls to cover what this phase adds.';
    default:
      return first
        ? 'Publish a first service catalogue and portfolio, knowingly incomplete.'
        : 'Fill out the service portfolio and catalogue with what this phase adds.';
  }
}

interface Ctx {
  assessment: Assessment | null;
  levelOf: (p: ProcessId) => MaturityLevel;
}

/** Elements with a gap for these processes (towards `level` when given, else towards each element's target). */
function elementsWithGaps(ctx: Ctx, processes: readonly ProcessId[], level: MaturityLevel | null): KeyElementId[] {
  if (!ctx.assessment) return [];
  const a = ctx.assessment;
  return KEY_ELEMENT_IDS.filter((id) =>
    processes.some((p) => {
      const e = getElement(getUnit(a, p), id);
      return level === null ? e.target > e.current : e.current < level;
    }),
  );
}

interface Draft {
  name: string;
  idBase: string;
  objectives: string[];
  processes: ProcessId[];
  targetLevel: MaturityLevel | null;
  elements: KeyElementId[];
}

interface SubsetArgs {
  scope: readonly ProcessId[];
  isDone: (p: ProcessId) => boolean;
  /** true: done primaries go to the last phase (or notPlanned); false: done processes simply sit this round out. */
  deferDone: boolean;
  closedGaps: 'move-last' | 'omit';
  level: AchievableLevel | null;
}

function subsetDrafts(ctx: Ctx, args: SubsetArgs): { drafts: Draft[]; notPlanned: NotPlanned[] } {
  const buckets: ProcessId[][] = [[], [], []];
  const deferred: ProcessId[] = [];
  const recurring: ProcessId[] = [];
  const recurringDone: ProcessId[] = [];
  for (const p of args.scope) {
    const role = roleOf(processGroupOf(p));
    const done = args.isDone(p);
    if (RECURRING_ROLES.includes(role)) {
      if (role === 'every-phase' || !done) recurring.push(p);
      else if (args.deferDone) recurringDone.push(p);
      continue;
    }
    const bucket = PRIMARY_BUCKET[role] ?? 2;
    if (!done) buckets[bucket]?.push(p);
    else if (args.deferDone) deferred.push(p);
  }
  const notPlanned: NotPlanned[] = [];
  const kept = buckets.filter((b) => b.length > 0).map((b) => ({ primaries: b, confirm: [] as ProcessId[] }));
  const confirm = [...deferred, ...recurringDone];
  if (args.deferDone && args.closedGaps === 'omit') {
    for (const p of confirm) notPlanned.push({ processId: p, reason: 'The assessed gap is already closed.' });
  } else if (confirm.length > 0) {
    if (kept.length === 0) kept.push({ primaries: [], confirm });
    else kept[kept.length - 1]?.confirm.push(...confirm);
  }
  if (kept.length === 0 && recurring.length > 0) kept.push({ primaries: [], confirm: [] });

  const drafts = kept.map((k, index): Draft => {
    const groups = [...new Set(k.primaries.map(processGroupOf))].sort(byPriority);
    const name =
      groups.length > 0
        ? groups.map((g, i) => (i === 0 ? titleOf(g) : lower(titleOf(g)))).join(' with ')
        : k.confirm.length > 0 && recurring.length === 0
          ? 'Confirm closed gaps'
          : 'Operational control, portfolio and assurance';
    const objectives: string[] = [];
    for (const g of groups) {
      const ps = k.primaries.filter((p) => processGroupOf(p) === g);
      objectives.push(`Put ${lower(titleOf(g))} in place: ${joinList(ps.map(unitTitle))}.`);
    }
    const recurringGroups = [...new Set(recurring.map(processGroupOf))].sort(byPriority);
    for (const g of recurringGroups) objectives.push(recurringObjective(roleOf(g), index === 0));
    if (k.confirm.length > 0) {
      objectives.push(`Confirm that ${joinList(k.confirm.map(unitTitle))} keep meeting their targets.`);
    }
    if (args.level !== null) objectives.push(`Bring the processes of this phase to ${LEVEL_LABELS[args.level]}.`);
    const processes = inOrder([...k.primaries, ...recurring, ...k.confirm]);
    const gapElements = elementsWithGaps(ctx, processes, args.level);
    return {
      name,
      idBase: slugify(name),
      objectives,
      processes,
      targetLevel: args.level,
      elements: gapElements.length > 0 ? gapElements : [...DEFAULT_SUBSET_ELEMENTS],
    };
  });
  return { drafts, notPlanned };
}

function levelObjectives(level: AchievableLevel): string[] {
  const out = [`Bring every process in this phase to ${LEVEL_LABELS[level]} on all 19 key elements.`];
  if (level > 1) out.push(`Keep what ${LEVEL_LABELS[(level - 1) as MaturityLevel]} achieved while moving up.`);
  out.push(`Expected result: ${LEVEL_SUMMARIES[level]}`);
  return out;
}

function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The current level of the scope: the lowest level of its processes (unassessed = 0). */
export function scopeLevel(assessment: Assessment | null | undefined, scope: readonly ProcessId[]): MaturityLevel {
  if (!assessment || scope.length === 0) return 0;
  return scope.reduce<MaturityLevel>((min, p) => {
    const l = unitSummary(getUnit(assessment, p)).currentLevel;
    return l < min ? l : min;
  }, 3);
}

export function proposePlan(approach: PlanApproach, assessment?: Assessment | null, options: ProposePlanOptions = {}): Plan {
  const scope = inOrder(options.scopeProcesses ?? PROCESS_IDS);
  const a = assessment ?? null;
  const summaries = new Map(scope.map((p) => [p, a ? unitSummary(getUnit(a, p)) : null]));
  const ctx: Ctx = { assessment: a, levelOf: (p) => summaries.get(p)?.currentLevel ?? 0 };
  const weeks = options.phaseWeeks ?? 12;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 520) throw new ValidationError('phaseWeeks must be a whole number of weeks (1 to 520).');
  if (options.start != null && !/^\d{4}-\d{2}-\d{2}$/.test(options.start)) throw new ValidationError('start must be an ISO date (YYYY-MM-DD).');

  let drafts: Draft[] = [];
  const notPlanned: NotPlanned[] = [];
  if (approach === 'subsets') {
    const target = options.targetLevel ?? null;
    const r = subsetDrafts(ctx, {
      scope,
      isDone: (p) => (target !== null ? ctx.levelOf(p) >= target : summaries.get(p)?.gapClosed === true),
      deferDone: true,
      closedGaps: options.closedGaps ?? 'move-last',
      level: null,
    });
    drafts = r.drafts.map((d) => ({ ...d, targetLevel: target }));
    notPlanned.push(...r.notPlanned);
  } else {
    const target: AchievableLevel = options.targetLevel ?? 3;
    const from = scopeLevel(a, scope);
    for (let l = from + 1; l <= target; l++) {
      const level = l as AchievableLevel;
      const below = scope.filter((p) => ctx.levelOf(p) < level);
      if (approach === 'levels') {
        const gapElements = elementsWithGaps(ctx, below, level);
        drafts.push({
          name: LEVEL_LABELS[level],
          idBase: slugify(LEVEL_LABELS[level]),
          objectives: levelObjectives(level),
          processes: below,
          targetLevel: level,
          elements: gapElements.length > 0 ? gapElements : [...KEY_ELEMENT_IDS],
        });
      } else {
        const r = subsetDrafts(ctx, { scope: below, isDone: () => false, deferDone: false, closedGaps: 'move-last', level });
        drafts.push(
          ...r.drafts.map((d) => ({ ...d, name: `${LEVEL_LABELS[level]}: ${d.name}`, idBase: slugify(`${LEVEL_LABELS[level]} ${d.name}`) })),
        );
      }
    }
    for (const p of scope) {
      if (ctx.levelOf(p) >= target) notPlanned.push({ processId: p, reason: `Already at ${LEVEL_LABELS[target]}.` });
    }
  }

  const taken: string[] = [];
  let cursor = options.start ?? null;
  const phases = drafts.map((d): Phase => {
    const id = uniquePhaseId(d.idBase, taken);
    taken.push(id);
    const start = cursor;
    const end = start === null ? null : addDays(start, weeks * 7 - 1);
    cursor = end === null ? null : addDays(end, 1);
    return {
      id,
      name: d.name,
      objectives: d.objectives,
      boundary: { processes: d.processes, elements: d.elements },
      targetLevel: d.targetLevel,
      start,
      end,
      owner: options.owner ?? null,
      interfaces: [],
    };
  });
  // Rule 2: a proposal drafts the interfaces its own phase boundaries need, so it passes its own check.
  return draftMissingInterfaces({ schemaVersion: PLAN_SCHEMA_VERSION, approach, scopeProcesses: scope, phases, notPlanned });
}
