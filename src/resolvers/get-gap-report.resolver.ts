import { z } from 'zod';
import type { GapReportView } from '../contract/gap-report';
import { gapReportPeople, toGapReportView } from '../services/gap-report-view';
import { isEditorRoleMember } from './access';
import { defineResolver } from './define-resolver';

/** The in-app view reads at most this many mapped issues, and stops searching after this long (resolvers have 25 s). */
export const GAP_VIEW_MAX_ISSUES = 3000;
export const GAP_VIEW_SEARCH_BUDGET_MS = 12_000;

/**
 * The gap analysis of the project for the Gap report tab: every assessable clause of 4 to 10 with its result,
 * evidence and warnings, readiness with the formula, and the last publication. Jira is searched as the user;
 * the people named (who set a result, who published last) are looked up in one extra call.
 */
export const getGapReport = defineResolver({
  key: 'getGapReport',
  payload: z.object({}),
  async handler(_input, ctx): Promise<GapReportView> {
    const { deps, project } = ctx;
    const service = deps.gapReport;
    const [data, publication, settings, canEdit] = await Promise.all([
      service.collect(project.id, { as: 'user', maxIssues: GAP_VIEW_MAX_ISSUES, deadline: Date.now() + GAP_VIEW_SEARCH_BUDGET_MS }),
      deps.publications.get(project.id),
      deps.settings.getView(project.id),
      ctx.access.isProjectAdmin ? Promise.resolve(true) : isEditorRoleMember(deps.permissions, deps.settings, ctx.accountId, project.id),
    ]);
    const analysis = service.analyse(data);
    const people = await deps.names(gapReportPeople(analysis, publication));
    return toGapReportView({ projectKey: project.key, analysis, data, canEdit, publication, settings, people });
  },
});
