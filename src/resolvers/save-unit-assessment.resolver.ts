import { z } from 'zod';
import type { SaveUnitAssessmentResponse } from '../contract/assessment';
import { assessmentUnitIdSchema, elementAssessmentSchema } from '../domain/assessment';
import { keyElementIdSchema } from '../domain/maturity/maturity-model';
import { defineResolver } from './define-resolver';

export const saveUnitAssessmentPayloadSchema = z.object({
  unitId: assessmentUnitIdSchema,
  version: z.number().int().nonnegative(),
  elements: z.partialRecord(keyElementIdSchema, elementAssessmentSchema),
});

/**
 * Replaces one unit's assessment (current/target level, note, evidence per element). CONFLICT when the unit
 * was saved after `version`; VALIDATION_FAILED for a malformed element. Any observed level may be recorded
 * (no stepwise raising: "no level skipped" is about the unit level and the Approach 2 phases).
 */
export const saveUnitAssessment = defineResolver({
  key: 'saveUnitAssessment',
  payload: saveUnitAssessmentPayloadSchema,
  handler: (input, ctx): Promise<SaveUnitAssessmentResponse> => ctx.deps.assessment.saveUnit(ctx.project.id, ctx.accountId, input),
});
