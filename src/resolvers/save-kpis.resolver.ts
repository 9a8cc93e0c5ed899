import { z } from 'zod';
import type { SaveKpisResponse } from '../contract/initiation';
import { MAX_KPIS, baselineFindingsSchema, kpiSchema } from '../domain/initiation';
import { defineResolver } from './define-resolver';
import { initiationServiceOf } from './initiation-resolver-support';

export const kpiDefinitionSchema = kpiSchema.omit({ measurements: true });

/** Duplicate ids and other list rules are checked on the whole record (VALIDATION_FAILED). */
export const saveKpisPayloadSchema = z.object({
  version: z.number().int().nonnegative(),
  kpis: z.array(kpiDefinitionSchema).max(MAX_KPIS),
  baselineFindings: baselineFindingsSchema.optional(),
});

/**
 * Saves the KPI definitions (and, when sent, the baseline findings). Measurements stay with the KPI of the same
 * id; a KPI left out of the list is removed together with its measurements.
 */
export const saveKpis = defineResolver({
  key: 'saveKpis',
  access: 'write',
  payload: saveKpisPayloadSchema,
  async handler(input, ctx): Promise<SaveKpisResponse> {
    return initiationServiceOf(ctx).change(ctx.project.id, input.version, ctx.accountId, (cur) => {
      const old = new Map(cur.kpis.map((k) => [k.id, k.measurements]));
      const kpis = input.kpis.map((k) => ({ ...k, measurements: old.get(k.id) ?? [] }));
      return { ...cur, kpis, ...(input.baselineFindings !== undefined ? { baselineFindings: input.baselineFindings } : {}) };
    });
  },
});
