import { z } from 'zod';
import type { ClauseRegisterView } from '../contract/gap-report';
import { clauseRegister, registerTable, toCsv } from '../domain/report';
import { gapReportPeople } from '../services/gap-report-view';
import { defineResolver } from './define-resolver';
import { GAP_VIEW_MAX_ISSUES, GAP_VIEW_SEARCH_BUDGET_MS } from './get-gap-report.resolver';

/**
 * The clause register (src/domain/report/clause-register.ts) for the exports of the Gap report view, read as
 * the user with the same bounds as the view; the UI writes these cells to XLSX or CSV unchanged.
 */
export const getClauseRegister = defineResolver({
  key: 'getClauseRegister',
  payload: z.object({}),
  async handler(_input, ctx): Promise<ClauseRegisterView> {
    const { deps, project } = ctx;
    const service = deps.gapReport;
    const data = await service.collect(project.id, { as: 'user', maxIssues: GAP_VIEW_MAX_ISSUES, deadline: Date.now() + GAP_VIEW_SEARCH_BUDGET_MS });
    const analysis = service.analyse(data);
    const names = await deps.names(gapReportPeople(analysis, undefined));
    const rows = registerTable(clauseRegister(analysis, names));
    return { projectKey: project.key, generatedAt: analysis.generatedAt, rows, csv: toCsv(rows), truncated: data.truncated };
  },
});
