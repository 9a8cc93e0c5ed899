import { z } from 'zod';
import type { SaveKpisResponse } from '../contract/initiation';
import { MAX_KPIS, baselineFindingsSchema, kpiSchema } from '../domain/initiation';
import { parseUserJql } from '../jira/jql';
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
  async handler(input, ctx): Promise<SaveKpisResponse> {
    // A query the app could not confine to the project is refused now, before anything is written.
    for (const k of input.kpis) if (k.source.kind !== 'manual') parseUserJql(k.source.jql);
    return ctx.deps.initiation.change(ctx.project.id, input.version, ctx.accountId, (cur) => {
      const old = new Map(cur.kpis.map((k) => [k.id, k.measurements]));
      const kpis = input.kpis.map((k) => ({ ...k, measurements: old.get(k.id) ?? [] }));
      return { ...cur, kpis, ...(input.baselineFindings !== undefined ? { baselineFindings: input.baselineFindings } : {}) };
    });
  },
});
