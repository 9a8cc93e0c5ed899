/** Builds what the plan resolvers return: the plan, its Rule 1 / Rule 2 check and the planner's labels. */
import type { PeopleNames } from '../contract/people';
import type { PlanEvaluationContext } from '../contract/evaluation';
import type { PlanCheck, PlanOptions, PlanView } from '../contract/plan';
import type { Assessment } from '../domain/assessment';
import { ASSESSMENT_UNITS, isProcessId } from '../domain/assessment';
import { KEY_ELEMENTS } from '../domain/maturity/maturity-model';
import { getProcessGroup } from '../domain/process-groups';
import { type Plan, IDENTIFIED_INTERACTIONS, PLAN_APPROACHES, PLAN_APPROACH_LABELS, validatePlan } from '../domain/planning';
import type { PlanRecord } from '../storage/plan-repository';
import { planIssuesWhere } from './epic-sync.service';

/** The plan id the app's issues of the project's (single) saved plan carry in their entity property. */
export const EPIC_SYNC_PLAN_ID = 'main';

export const PLAN_OPTIONS: PlanOptions = {
  approaches: PLAN_APPROACHES.map((value) => ({ value, label: PLAN_APPROACH_LABELS[value] })),
  processes: ASSESSMENT_UNITS.flatMap((u) => (isProcessId(u.id) && u.processGroup !== null ? [{ id: u.id, title: u.title, processGroup: u.processGroup, groupTitle: getProcessGroup(u.processGroup).title }] : [])),
  elements: KEY_ELEMENTS.map((e) => ({ id: e.id, name: e.name })),
  interactions: IDENTIFIED_INTERACTIONS.map((i) => ({ id: i.id, from: i.from, to: i.to, what: i.what })),
};

export function checkPlan(plan: Plan, assessment: Assessment | null): PlanCheck {
  const { valid, issues, crossings } = validatePlan(plan, { assessment });
  return { valid, issues, crossings };
}

/** Who saved the plan and the phase owners: the ids to give resolveNames for toPlanView. */
export const planPeople = (record: PlanRecord | undefined): (string | null | undefined)[] =>
  record === undefined ? [] : [record.updatedBy, ...record.plan.phases.map((p) => p.owner)];

export function toPlanView(record: PlanRecord | undefined, assessment: Assessment | null, people: PeopleNames, projectKey: string, evaluation: PlanEvaluationContext): PlanView {
  return {
    planJql: planIssuesWhere(projectKey, EPIC_SYNC_PLAN_ID),
    plan: record?.plan ?? null,
    version: record?.version ?? 0,
    updatedAt: record?.updatedAt ?? null,
    updatedBy: record?.updatedBy ?? null,
    check: record === undefined ? null : checkPlan(record.plan, assessment),
    options: PLAN_OPTIONS,
    people,
    evaluation,
  };
}
