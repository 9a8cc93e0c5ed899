import { z } from 'zod';
import type { ReadinessMacroView } from '../contract/gap-report';
import { assessedUnitIds, heatmap } from '../domain/assessment';
import { defineResolver } from './define-resolver';
import { GAP_VIEW_MAX_ISSUES, GAP_VIEW_SEARCH_BUDGET_MS } from './get-gap-report.resolver';

/**
 * The "SMS readiness" macro's data. In Confluence the project comes from the macro's configuration (trusted
 * context, set by whoever placed the macro; see readTrustedContext); Jira is read as the viewer, after the
 * Browse check as the viewer, so a viewer who cannot browse the project sees nothing of it.
 */
export const getReadinessMacro = defineResolver({
  key: 'getReadinessMacro',
  payload: z.object({}),
  async handler(_input, ctx): Promise<ReadinessMacroView> {
    const { deps, project } = ctx;
    const service = deps.gapReport;
    const [data, publication, stored] = await Promise.all([
      service.collect(project.id, { as: 'user', maxIssues: GAP_VIEW_MAX_ISSUES, deadline: Date.now() + GAP_VIEW_SEARCH_BUDGET_MS }),
      deps.publications.get(project.id),
      deps.assessments.getAll(project.id),
    ]);
    const analysis = service.analyse(data);
    return {
      projectKey: project.key,
      generatedAt: analysis.generatedAt,
      overall: analysis.readiness.overall.percent,
      groups: analysis.readiness.byGroup.map((g) => ({ groupId: g.groupId, title: g.title, percent: g.figures.percent })),
      trend: [
        ...(publication?.history ?? []).map((h) => ({ at: h.at, percent: h.percent, live: false })),
        { at: analysis.generatedAt, percent: analysis.readiness.overall.percent, live: true },
      ],
      heatmap: heatmap(stored.assessment),
      assessedUnits: assessedUnitIds(stored.assessment).length,
      truncated: data.truncated,
    };
  },
});
