import { z } from 'zod';
import type { RecordKpiMeasurementResponse } from '../contract/initiation';
import { defineResolver } from './define-resolver';

export const recordKpiMeasurementPayloadSchema = z.object({
  version: z.number().int().nonnegative(),
  kpiId: z.string().min(1).max(60),
  value: z.number().finite(),
  note: z.string().max(500).optional(),
  at: z.iso.datetime({ offset: true }).optional(),
});

/**
 * Adds one measurement to a KPI (any source: a manual reading, or a figure taken elsewhere), recorded as by the
 * caller; NOT_FOUND for an unknown KPI, VALIDATION_FAILED for a time in the future (InitiationService).
 */
export const recordKpiMeasurement = defineResolver({
  key: 'recordKpiMeasurement',
  payload: recordKpiMeasurementPayloadSchema,
  handler: (input, ctx): Promise<RecordKpiMeasurementResponse> => ctx.deps.initiation.recordKpiMeasurement(ctx.project.id, ctx.accountId, input),
});
