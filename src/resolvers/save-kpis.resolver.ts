import { z } from 'zod';
import type { SaveKpisResponse } from '../contract/initiation';
import { MAX_KPIS, baselineFindingsSchema, kpiSchema } from '../domain/initiation';
import { defineResolver } from './define-resolver';

export const kpiDefinitionSchema = kpiSchema.omit({ measurements: true });

/** Duplicate ids and other list rules are checked on the whole record (VALIDATION_FAILED). */
export const saveKpisPayloadSchema = z.object({
  version: z.number().int().nonnegative(),
  kpis: z.array(kpiDefinitionSchema).max(MAX_KPIS),
  baselineFindings: baselineFindingsSchema.optional(),
});

/**
 * Saves the KPI definitions (and, when sent, the baseline findings). Measurements stay with the KPI of the same
 * id; a KPI left out of the list is removed together with its measurements. Each KPI's JQL must be one balanced
 * expression the app can confine to the project (src/jira/jql.ts), else VALIDATION_FAILED and nothing is saved.
 */
export const saveKpis = defineResolver({
  key: 'saveKpis',
  payload: saveKpisPayloadSchema,
  handler: (input, ctx): Promise<SaveKpisResponse> => ctx.deps.initiation.saveKpis(ctx.project.id, ctx.accountId, input),
});
