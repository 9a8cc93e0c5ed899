import { z } from 'zod';
import type { ComputeKpiResponse } from '../contract/initiation';
import { defineResolver } from './define-resolver';

/**
 * Computes a KPI whose source is a JQL query (count or median duration) as the user, within this project only,
 * and records the result as a measurement (InitiationService.computeKpi). Manual KPIs are refused (VALIDATION_FAILED).
 */
export const computeKpi = defineResolver({
  key: 'computeKpi',
  payload: z.object({ version: z.number().int().nonnegative(), kpiId: z.string().min(1).max(60) }),
  handler: (input, ctx): Promise<ComputeKpiResponse> =>
    ctx.deps.initiation.computeKpi(ctx.project, { version: input.version, kpiId: input.kpiId, accountId: ctx.accountId }),
});
