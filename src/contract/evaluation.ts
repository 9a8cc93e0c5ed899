/** Payload and response types of the phase-evaluation resolvers. Types only: `static/` imports them via `@contract/*`. */
import type * as evaluation from '../domain/evaluation';
import type { PeopleNames } from './people';

export type {
  ActionIssueDraft,
  AgreedAction,
  EpicCompletion,
  KpiRow,
  Lesson,
  MaturityRow,
  ObjectiveEvaluation,
  ObjectiveEvidence,
  ObjectiveResult,
  ObjectiveVerdict,
  OfferedLesson,
  PhaseEvaluationRecord,
  PhaseEvaluationView,
  PlanRevision,
} from '../domain/evaluation';
export type { TracedFigure } from '../domain/traced-figure';

export interface KpiNowView {
  kpiId: string;
  computed: boolean;
  error: string | null;
}

/** The evaluation of one phase: null when the project has no plan (then `phases` is empty). */
export interface GetPhaseEvaluationPayload {
  /** The phase to evaluate; the plan's first phase when absent. */
  phaseId?: string;
}
export interface PhaseEvaluationResponse {
  phases: { id: string; name: string }[];
  phaseId: string | null;
  evaluation: evaluation.PhaseEvaluationView | null;
  /** The stored evaluation (null before the first save) and its version (0 then): saves name it. */
  record: evaluation.PhaseEvaluationRecord | null;
  recordVersion: number;
  kpiNow: KpiNowView[];
  /** Per objective with evidence: the JQL that lists its evidence issues (the issue navigator link). */
  evidenceJql: Record<string, string>;
  /** The verdicts with their labels, in order (met first). */
  verdicts: { value: evaluation.ObjectiveVerdict; label: string }[];
  /** The app's agreed actions of this project (their label), for the issue navigator link. */
  actionsJql: string;
  /** Lessons learned so far (all phases) and the register's version. */
  lessons: evaluation.Lesson[];
  lessonsVersion: number;
  people: PeopleNames;
}

export interface VerdictPayload {
  objectiveId: string;
  verdict: evaluation.ObjectiveVerdict;
  evidenceKeys: string[];
  cause: string;
  note: string;
}
export interface SavePhaseEvaluationPayload {
  phaseId: string;
  kind: 'interim' | 'final';
  objectives: VerdictPayload[];
  version: number;
}

export interface EvaluationActionPayload {
  phaseId: string;
  objectiveId: string;
  evidenceKeys: string[];
  agreed: evaluation.AgreedAction;
}
export interface PreviewEvaluationActionResponse {
  draft: evaluation.ActionIssueDraft;
  issueTypeName: string;
  existingKey: string | null;
}
export interface RecordEvaluationActionPayload extends EvaluationActionPayload {
  version: number;
}
export interface RecordEvaluationActionResponse extends PhaseEvaluationResponse {
  action: { key: string; created: boolean; linked: string[]; linkProblems: string[] };
}

export type ListLessonsPayload = Record<string, never>;
export interface LessonsResponse {
  lessons: evaluation.Lesson[];
  version: number;
  people: PeopleNames;
}
export interface RecordLessonPayload {
  phaseId: string;
  observation: string;
  recommendation: string;
  processes: evaluation.Lesson['processes'];
  version: number;
}
export interface TakeUpLessonPayload {
  lessonId: string;
  phaseId: string;
  version: number;
}

/** What the Phases view shows beside the plan: lessons offered per phase, evaluated phases, the plan history. */
export interface PlanEvaluationContext {
  lessonsOffered: Record<string, evaluation.OfferedLesson[]>;
  lessonsVersion: number;
  evaluatedPhaseIds: string[];
  history: evaluation.PlanRevision[];
}
