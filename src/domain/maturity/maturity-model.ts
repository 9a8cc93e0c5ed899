/**
 * Maturity model for Approach 2 of ISO/IEC TS 20000-5:2022 (5.2.3, Table 1): the SMS (or a subset of it)
 * is taken through levels I, II and III, one phase per level, and no level may be skipped. "No level
 * skipped" governs the unit (its level is the highest level ALL its elements reach, see unitLevel) and the
 * Approach 2 phases (I -> II -> III, see elementsToRaise); it does not limit what an assessment records: an
 * element observed at Level II also shows the Level I characteristics, so any observed level may be recorded.
 * Element names follow Table 1 (facts); every description here is our own short paraphrase.
 */
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../errors';

/** 0 = not yet at level I. */
export type MaturityLevel = 0 | 1 | 2 | 3;
export type AchievableLevel = Exclude<MaturityLevel, 0>;

export const MATURITY_LEVELS: readonly MaturityLevel[] = [0, 1, 2, 3];
export const maturityLevelSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);

export const LEVEL_LABELS: Readonly<Record<MaturityLevel, string>> = {
  0: 'Not yet Level I',
  1: 'Level I',
  2: 'Level II',
  3: 'Level III',
};

/** What an organization looks like once the whole unit has reached each level (our wording of 5.2.3). */
export const LEVEL_SUMMARIES: Readonly<Record<AchievableLevel, string>> = {
  1: 'Management has said yes; each process does its job, but ad hoc, unevenly and it tends to break down under pressure.',
  2: 'Support is in place; processes are defined, run to plans and criteria, involve stakeholders and hold up in a crisis.',
  3: 'Support is part of the culture; processes are tuned as one system from measurements, conflicts are settled and work is proactive.',
};

export const KEY_ELEMENT_IDS = [
  'management-support',
  'interested-parties',
  'process',
  'process-interaction',
  'process-management',
  'management',
  'relationships',
  'requirement',
  'risk',
  'communication',
  'policy-and-objective',
  'resource',
  'responsibility',
  'engagement-and-commitment',
  'personnel',
  'learning',
  'performance-indicator',
  'review-and-internal-audit',
  'external-and-internal-issues',
] as const;
export type KeyElementId = (typeof KEY_ELEMENT_IDS)[number];
export const keyElementIdSchema = z.enum(KEY_ELEMENT_IDS);

export interface KeyElement {
  id: KeyElementId;
  name: string;
  /**
   * A column heading of at most two short words (soft hyphens mark where a long one may break), so that 19
   * columns fit side by side; the full name is always shown with it on hover and focus.
   */
  shortName: string;
  levels: Readonly<Record<AchievableLevel, string>>;
}

/** The 19 key elements of Table 1, in table order. */
export const KEY_ELEMENTS: readonly KeyElement[] = [
  {
    id: 'management-support',
    name: 'Management support',
    shortName: 'Mgmt support',
    levels: {
      1: 'Leaders approve a business case for the SMS.',
      2: 'Leaders back the SMS as a settled commitment.',
      3: 'Backing for the SMS is built into how leaders run the organization.',
    },
  },
  {
    id: 'interested-parties',
    name: 'Interested parties',
    shortName: 'Parties',
    levels: {
      1: 'A few stakeholders are known and take part in process work.',
      2: 'Stakeholders are identified and take part wherever it matters.',
      3: 'Stakeholder involvement is sustained across the SMS wherever it matters.',
    },
  },
  {
    id: 'process',
    name: 'Process',
    shortName: 'Process',
    levels: {
      1: 'Processes reach their purpose but run unmanaged and unevenly, and get dropped under stress.',
      2: 'Processes are defined, run to plans with performance criteria, and hold up under stress.',
      3: 'Processes are embedded, improved from measurements and managed proactively as one whole.',
    },
  },
  {
    id: 'process-interaction',
    name: 'Process interaction',
    shortName: 'Process links',
    levels: {
      1: 'Interfaces are set pair by pair; shared staff and unclear authority cause clashes.',
      2: 'Interfaces work but stay narrow, missing effects on other processes; authority is clear.',
      3: 'Interfaces are improved in line with strategy and objectives and reviewed regularly.',
    },
  },
  {
    id: 'process-management',
    name: 'Process management',
    shortName: 'Process mgmt',
    levels: {
      1: 'Processes, plans, resources and skills exist but nobody monitors or maintains them.',
      2: 'Processes, plans, resources and skills are monitored and kept up to date.',
      3: 'Processes, plans, resources and skills are monitored, maintained and actively improved.',
    },
  },
  {
    id: 'management',
    name: 'Management',
    shortName: 'Mgmt',
    levels: {
      1: 'Each area manager steers alone; directions may clash with top management and each other.',
      2: 'Area managers follow top management, though some friction between areas remains.',
      3: 'Area managers act in line with top management and with each other.',
    },
  },
  {
    id: 'relationships',
    name: 'Relationships',
    shortName: 'Rela\u00ADtions',
    levels: {
      1: 'Ties with other parties exist but are seen as short-lived and are allowed to lapse.',
      2: 'Ongoing ties are kept up, but only when needed, and their value is little understood.',
      3: 'Ties are kept up on purpose, work well and rest on regular, useful contact.',
    },
  },
  {
    id: 'requirement',
    name: 'Requirement',
    shortName: 'Require\u00ADment',
    levels: {
      1: 'Each process meets its own requirements, but clashes between them spoil the overall result.',
      2: 'All requirements are satisfied and the SMS delivers, but there is little room to improve.',
      3: 'The SMS delivers its intended results and anticipates what customers will need next.',
    },
  },
  {
    id: 'risk',
    name: 'Risk',
    shortName: 'Risk',
    levels: {
      1: 'Risks are listed, but there is no agreed way to treat, watch or revisit them.',
      2: 'Known risks are treated and kept current; newly arising process risks are missed.',
      3: 'Both known and newly arising risks are identified, treated and kept current.',
    },
  },
  {
    id: 'communication',
    name: 'Communication',
    shortName: 'Comms',
    levels: {
      1: 'Each process or person picks own channels; information flow is patchy and feedback slow.',
      2: 'Channels are set per process and used by all involved; feedback arrives on time.',
      3: 'Channels support ongoing dialogue, and feedback is used to catch new issues early.',
    },
  },
  {
    id: 'policy-and-objective',
    name: 'Policy and Objective',
    shortName: 'Policy, goals',
    levels: {
      1: 'Policies and objectives exist but may contradict each other and the business direction.',
      2: 'Policies and objectives fit together but not yet with the business direction.',
      3: 'Policies and objectives fit together and support the business direction.',
    },
  },
  {
    id: 'resource',
    name: 'Resource',
    shortName: 'Re\u00ADsource',
    levels: {
      1: 'Resources are used without a plan.',
      2: 'Resource use is planned for efficiency and backed by management.',
      3: 'Resource use is planned, checked at regular intervals and adjusted.',
    },
  },
  {
    id: 'responsibility',
    name: 'Responsibility',
    shortName: 'Roles',
    levels: {
      1: 'People fill their process roles in isolation, without serving shared objectives.',
      2: 'Roles mesh within a process but not across processes, so objectives are not served.',
      3: 'Roles mesh within and across processes and serve the objectives.',
    },
  },
  {
    id: 'engagement-and-commitment',
    name: 'Engagement and commitment',
    shortName: 'Commit\u00ADment',
    levels: {
      1: 'Staff commit according to their own reading of policy and goals; no shared view exists.',
      2: 'Staff commit on a partly shared view, so commitment across the SMS is still weak.',
      3: 'Staff share one view of policy and goals, so the whole SMS pulls together.',
    },
  },
  {
    id: 'personnel',
    name: 'Personnel',
    shortName: 'People',
    levels: {
      1: 'Capable staff are assigned per process, roles may clash, and training is informal.',
      2: 'Staffing risks and training are handled per process; cross-process role clashes remain.',
      3: 'Staffing and training are planned across the SMS and tied to its objectives.',
    },
  },
  {
    id: 'learning',
    name: 'Learning',
    shortName: 'Learn\u00ADing',
    levels: {
      1: 'People learn alone; knowledge spreads by chance, mostly after complaints.',
      2: 'Lessons come from analysing issues after the fact; key process information is managed.',
      3: 'Knowledge is managed across the lifecycle, gaps are closed and sharing is backed by leaders.',
    },
  },
  {
    id: 'performance-indicator',
    name: 'Performance indicator',
    shortName: 'KPIs',
    levels: {
      1: 'Only basic measures exist per process; results conflict and give no joined-up picture.',
      2: 'Each process is measured and reviewed against its plan, and results guide decisions.',
      3: 'Measures span the whole SMS, reflect stakeholder needs and feed regular top-level reviews.',
    },
  },
  {
    id: 'review-and-internal-audit',
    name: 'Review and internal audit',
    shortName: 'Review, audit',
    levels: {
      1: 'Reviews and audits happen only after complaints, and improvement is informal.',
      2: 'Implemented processes are audited regularly and each has improvement goals.',
      3: 'Independent audits follow a plan, track past findings and shape policy and strategy.',
    },
  },
  {
    id: 'external-and-internal-issues',
    name: 'External and internal issues',
    shortName: 'Context',
    levels: {
      1: 'Relevant issues are noted ad hoc and not followed up.',
      2: 'A process exists for finding and handling relevant issues.',
      3: 'Issues are handled by process, and new ideas and technologies are weighed against objectives.',
    },
  },
];

/** Current level per key element. A missing element counts as level 0. */
export type MaturityLevels = Partial<Record<KeyElementId, MaturityLevel>>;
/** Rejects unknown element ids and values outside 0..3 (use on stored or posted data). */
export const maturityLevelsSchema = z.partialRecord(keyElementIdSchema, maturityLevelSchema);

export interface LevelStep {
  elementId: KeyElementId;
  from: MaturityLevel;
  to: MaturityLevel;
}

export interface LevelGap {
  elementId: KeyElementId;
  current: MaturityLevel;
  target: MaturityLevel;
  /** Number of one-level steps still needed (0 when the element is at or above the target). */
  steps: number;
}

function currentOf(levels: MaturityLevels, id: KeyElementId): MaturityLevel {
  return levels[id] ?? 0;
}

function checkTarget(target: MaturityLevel): void {
  if (!maturityLevelSchema.safeParse(target).success) {
    throw new ValidationError(`Maturity level must be 0, 1, 2 or 3; got ${String(target)}.`, { target });
  }
}

/** The level of the whole unit: the highest level that all 19 elements have reached. */
export function unitLevel(levels: MaturityLevels): MaturityLevel {
  return KEY_ELEMENT_IDS.reduce<MaturityLevel>((min, id) => {
    const level = currentOf(levels, id);
    return level < min ? level : min;
  }, 3);
}

/**
 * The one-level steps that bring every element up to `target`, never skipping a level.
 * Ordered level by level (every step to I, then to II, then to III), and in Table 1 order within a level,
 * which mirrors Approach 2: the unit as a whole completes one level before the next is started.
 * Elements already at or above the target need nothing (levels are never lowered).
 */
export function elementsToRaise(levels: MaturityLevels, target: MaturityLevel): LevelStep[] {
  checkTarget(target);
  const steps: LevelStep[] = [];
  for (let to = 1; to <= target; to++) {
    for (const id of KEY_ELEMENT_IDS) {
      if (currentOf(levels, id) < to) steps.push({ elementId: id, from: (to - 1) as MaturityLevel, to: to as MaturityLevel });
    }
  }
  return steps;
}

/** Per element, how far it is from `target`, in Table 1 order (all 19 elements, including those already there). */
export function levelGaps(levels: MaturityLevels, target: MaturityLevel): LevelGap[] {
  checkTarget(target);
  return KEY_ELEMENT_IDS.map((id) => {
    const current = currentOf(levels, id);
    return { elementId: id, current, target, steps: Math.max(0, target - current) };
  });
}

export function getKeyElement(id: KeyElementId): KeyElement {
  const element = KEY_ELEMENTS.find((e) => e.id === id);
  if (!element) throw new NotFoundError(`Unknown key element ${String(id)}.`, { elementId: id });
  return element;
}
