import { z } from 'zod';
import type { RecordKpiMeasurementResponse } from '../contract/initiation';
import { NotFoundError, ValidationError } from '../domain/errors';
import { addMeasurement } from '../domain/initiation';
import { defineResolver } from './define-resolver';

/** Clock skew allowed for a client-given time. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export const recordKpiMeasurementPayloadSchema = z.object({
  version: z.number().int().nonnegative(),
  kpiId: z.string().min(1).max(60),
  value: z.number().finite(),
  note: z.string().max(500).default(''),
  at: z.iso.datetime({ offset: true }).optional(),
});

/** Adds one measurement to a KPI (any source: a manual reading, or a figure taken elsewhere). */
export const recordKpiMeasurement = defineResolver({
  key: 'recordKpiMeasurement',
  payload: recordKpiMeasurementPayloadSchema,
  async handler(input, ctx): Promise<RecordKpiMeasurementResponse> {
    const now = ctx.deps.now();
    if (input.at !== undefined && Date.parse(input.at) > now.getTime() + FUTURE_TOLERANCE_MS) {
      throw new ValidationError('A measurement cannot be dated in the future.', { at: input.at });
    }
    const at = input.at ?? now.toISOString();
    return ctx.deps.initiation.change(ctx.project.id, input.version, ctx.accountId, (cur) => {
      const kpi = cur.kpis.find((k) => k.id === input.kpiId);
      if (kpi === undefined) throw new NotFoundError(`There is no KPI ${input.kpiId}.`, { kpiId: input.kpiId });
      const next = addMeasurement(kpi, { at, value: input.value, note: input.note, by: ctx.accountId });
      return { ...cur, kpis: cur.kpis.map((k) => (k.id === kpi.id ? next : k)) };
    });
  },
});
