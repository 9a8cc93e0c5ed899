/** Builds what the Evaluation view's calls return: the evaluation of one phase, the lessons and the names. */
import type { PhaseEvaluationResponse } from '../contract/evaluation';
import { EVALUATION_ACTION_LABEL, OBJECTIVE_VERDICTS, OBJECTIVE_VERDICT_LABELS } from '../domain/evaluation';
import { evaluationActionsWhere } from '../domain/issue-index';
import { keyListFigure, projectJql } from '../domain/traced-figure';
import type { PhaseEvaluationResult, PhaseEvaluationService } from './phase-evaluation.service';
import type { NameLookup } from './user-names.service';

/** The JQL of the app's agreed actions, without its order (for the issue navigator link). */
export const actionsWhere = (projectKey: string): string => evaluationActionsWhere(projectKey, EVALUATION_ACTION_LABEL);

export async function toEvaluationResponse(
  deps: { phaseEvaluation: Pick<PhaseEvaluationService, 'lessons'>; names: NameLookup },
  project: { id: string; key: string },
  result: PhaseEvaluationResult | null,
  phases: { id: string; name: string }[],
): Promise<PhaseEvaluationResponse> {
  const lessons = await deps.phaseEvaluation.lessons(project.id);
  const people = await deps.names([result?.record?.evaluatedBy, ...lessons.register.map((l) => l.recordedBy)]);
  return {
    phases,
    phaseId: result?.view.phaseId ?? null,
    evaluation: result?.view ?? null,
    record: result?.record ?? null,
    recordVersion: result?.recordVersion ?? 0,
    kpiNow: result?.kpiNow ?? [],
    evidenceJql: Object.fromEntries(
      (result?.view.objectives ?? [])
        .filter((o) => o.evidence.length > 0)
        .map((o) => [o.id, keyListFigure('Evidence', project.key, o.evidence.map((e) => e.issueKey), projectJql(project.key)).jql]),
    ),
    verdicts: OBJECTIVE_VERDICTS.map((value) => ({ value, label: OBJECTIVE_VERDICT_LABELS[value] })),
    actionsJql: actionsWhere(project.key),
    lessons: lessons.register,
    lessonsVersion: lessons.version,
    people,
  };
}
