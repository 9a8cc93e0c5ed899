import { z } from 'zod';
import type { SaveUnitAssessmentResponse } from '../contract/assessment';
import { assessmentUnitIdSchema, elementAssessmentSchema } from '../domain/assessment';
import { keyElementIdSchema } from '../domain/maturity/maturity-model';
import { defineResolver } from './define-resolver';
import { assessmentPeople, toAssessmentView } from './assessment-view';

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
  async handler(input, ctx): Promise<SaveUnitAssessmentResponse> {
    const saved = await ctx.deps.assessments.saveUnit(ctx.project.id, input.unitId, input.elements, input.version, ctx.accountId);
    ctx.deps.log('info', 'unit assessment saved', { projectId: ctx.project.id, unitId: input.unitId, version: saved.version });
    const stored = await ctx.deps.assessments.getAll(ctx.project.id);
    return toAssessmentView(stored, await ctx.deps.names(assessmentPeople(stored)));
  },
});
