import { z } from 'zod';
import type { GapReportView } from '../contract/gap-report';
import { defineResolver } from './define-resolver';

/**
 * The gap analysis of the project for the Gap report tab (GapReportViewsService.view): every assessable clause of 4
 * to 10 with its result, evidence and warnings, readiness with the formula, and the last publication. Jira is
 * searched as the user; the people named (who set a result, who published last) are looked up in one extra call.
 */
export const getGapReport = defineResolver({
  key: 'getGapReport',
  payload: z.object({}),
  handler: (_input, ctx): Promise<GapReportView> => ctx.deps.gapReportViews.view(ctx.project, ctx.accountId, ctx.access),
});
