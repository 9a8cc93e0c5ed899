import { z } from 'zod';
import type { ComputeKpiResponse } from '../contract/initiation';
import { NotFoundError, ValidationError, VersionConflictError } from '../domain/errors';
import { KPI_DATE_FIELD_LABELS, addMeasurement } from '../domain/initiation';
import { defineResolver } from './define-resolver';
import { initiationServiceOf } from './initiation-resolver-support';

/**
 * Computes a KPI whose source is a JQL query (count or median duration) as the user, within this project only,
 * and records the result as a measurement. Manual KPIs are refused (VALIDATION_FAILED).
 */
export const computeKpi = defineResolver({
  key: 'computeKpi',
  payload: z.object({ version: z.number().int().nonnegative(), kpiId: z.string().min(1).max(60) }),
  async handler(input, ctx): Promise<ComputeKpiResponse> {
    const service = initiationServiceOf(ctx);
    const current = await service.repository.get(ctx.project.id);
    if (current.version !== input.version) {
      throw new VersionConflictError({ what: 'The initiation', expectedVersion: input.version, currentVersion: current.version, updatedBy: current.updatedBy, updatedAt: current.updatedAt });
    }
    const kpi = current.initiation.kpis.find((k) => k.id === input.kpiId);
    if (kpi === undefined) throw new NotFoundError(`There is no KPI ${input.kpiId}.`, { kpiId: input.kpiId });
    const source = kpi.source;
    if (source.kind === 'manual') throw new ValidationError(`KPI “${kpi.name}” is entered by hand; record a measurement instead.`, { kpiId: kpi.id });

    const computation = await ctx.deps.kpi.compute(ctx.project.key, source);
    if (computation.value === null) {
      throw new ValidationError(`No issue found by the query of “${kpi.name}” has both dates, so there is nothing to measure.`, {
        jql: computation.jql,
        issueCount: computation.issueCount,
      });
    }
    const note =
      source.kind === 'jqlCount'
        ? `Computed from Jira: ${computation.issueCount} issues.`
        : `Computed from Jira: median ${KPI_DATE_FIELD_LABELS[source.from]} → ${KPI_DATE_FIELD_LABELS[source.to]} over ${computation.sampleSize} of ${computation.issueCount} issues.`;
    const at = ctx.deps.now().toISOString();
    const value = computation.value;
    const saved = await service.repository.update(ctx.project.id, input.version, ctx.accountId, (cur) => ({
      ...cur,
      kpis: cur.kpis.map((k) => (k.id === kpi.id ? addMeasurement(k, { at, value, note, by: ctx.accountId }) : k)),
    }));
    return { view: await service.view(ctx.project.id, saved), computation };
  },
});
