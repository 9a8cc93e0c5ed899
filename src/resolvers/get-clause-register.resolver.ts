import { z } from 'zod';
import type { ClauseRegisterView } from '../contract/gap-report';
import { defineResolver } from './define-resolver';

/**
 * The clause register (src/domain/report/clause-register.ts) for the exports of the Gap report view, read as
 * the user with the same bounds as the view; the UI writes these cells to XLSX or CSV unchanged.
 */
export const getClauseRegister = defineResolver({
  key: 'getClauseRegister',
  payload: z.object({}),
  handler: (_input, ctx): Promise<ClauseRegisterView> => ctx.deps.gapReportViews.clauseRegister(ctx.project),
});
