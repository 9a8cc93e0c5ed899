/** The resolvers of the Evaluation view (TS 20000-5 5.6), registered by src/wiring.ts. */
import type { AnyResolverDefinition } from './define-resolver';
import { recordLesson } from './record-lesson.resolver';
import { getPhaseEvaluation } from './get-phase-evaluation.resolver';
import { listLessons } from './list-lessons.resolver';
import { previewEvaluationAction } from './preview-evaluation-action.resolver';
import { recordEvaluationAction } from './record-evaluation-action.resolver';
import { savePhaseEvaluation } from './save-phase-evaluation.resolver';
import { takeUpLesson } from './take-up-lesson.resolver';

export const PHASE_EVALUATION_RESOLVERS: readonly AnyResolverDefinition[] = [
  getPhaseEvaluation,
  savePhaseEvaluation,
  previewEvaluationAction,
  recordEvaluationAction,
  listLessons,
  recordLesson,
  takeUpLesson,
] as readonly AnyResolverDefinition[];
