/** Payload and response types of the phase-plan resolvers. Types only: `static/` imports them via `@contract/*`. */
import type { CrossPhaseInteraction, Plan, PlanApproach, PlanIssue } from '../domain/planning';
import type { ProcessId } from '../domain/assessment/assessment-units';
import type { PlanEvaluationContext } from './evaluation';
import type { PeopleNames } from './people';

export type {
  CrossPhaseInteraction,
  Phase,
  PhaseInterface,
  Plan,
  PlanApproach,
  PlanIssue,
  PlanIssueCode,
} from '../domain/planning';

export interface PlanCheck {
  valid: boolean;
  issues: PlanIssue[];
  crossings: CrossPhaseInteraction[];
}

/** Labels the planner shows (the app's wording). */
export interface PlanOptions {
  approaches: { value: PlanApproach; label: string }[];
  /** Clause 8 processes in catalogue order, with their process group and its clause title. */
  processes: { id: ProcessId; title: string; processGroup: string; groupTitle: string }[];
  elements: { id: string; name: string }[];
  interactions: { id: string; from: string; to: string; what: string }[];
}

/** The stored plan (null before the first save) with its check against Rules 1 and 2. */
export interface PlanView {
  plan: Plan | null;
  /** 0 before the first save. */
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
  check: PlanCheck | null;
  options: PlanOptions;
  /** Display names of `updatedBy` and of the phase owners given as account ids. */
  people: PeopleNames;
  /** JQL of the issues "Create in Jira" made for this plan (the issue navigator link). */
  planJql: string;
  /** Lessons offered to each phase, the phases evaluated so far (changing one needs a reason) and the plan history. */
  evaluation: PlanEvaluationContext;
}

export type GetPlanPayload = Record<string, never>;
export type GetPlanResponse = PlanView;

/** Proposes phases from the TS 20000-5 priorities and the assessed gaps. Writes nothing. */
export interface ProposePlanPayload {
  approach: PlanApproach;
  targetLevel?: 1 | 2 | 3;
  /** ISO date the first phase starts (phases then follow back to back). */
  start?: string | null;
  phaseWeeks?: number;
}
export interface ProposePlanResponse {
  plan: Plan;
  check: PlanCheck;
}

/** Checks a draft against Rules 1 and 2 without saving it. */
export interface CheckPlanPayload {
  plan: Plan;
}
export type CheckPlanResponse = PlanCheck;

export interface SavePlanPayload {
  plan: Plan;
  version: number;
  /** Why the plan is revised: kept in the plan history; required when an evaluated phase changes or goes. */
  reason?: string;
}
export type SavePlanResponse = PlanView;
