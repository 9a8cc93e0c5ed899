import { z } from 'zod';
import type { PreviewReportResponse } from '../contract/gap-report';
import { buildGapReportAdf, splitReportByGroup } from '../domain/report';
import { toReportInput } from '../services/gap-report.service';
import { PAGE_BODY_LIMIT_BYTES, groupPageTitle, reportPageTitle, requestBodyBytes } from '../services/publish-report.service';
import { defineResolver, trustedSiteUrl } from './define-resolver';
import { GAP_VIEW_MAX_ISSUES, GAP_VIEW_SEARCH_BUDGET_MS } from './get-gap-report.resolver';


/**
 * The report page as it would be published now (ADF), read as the user. When it would be split, the overview
 * page is returned with the titles of the child pages. Uses the same reading budget as the in-app view. Issue links
 * use the site address of the trusted context, never one from the payload.
 */
export const previewReport = defineResolver({
  key: 'previewReport',
  payload: z.object({}),
  async handler(_input, ctx): Promise<PreviewReportResponse> {
    const { deps, project } = ctx;
    const service = deps.gapReport;
    const [data, publication, jiraProject] = await Promise.all([
      service.collect(project.id, { as: 'user', maxIssues: GAP_VIEW_MAX_ISSUES, deadline: Date.now() + GAP_VIEW_SEARCH_BUDGET_MS }),
      deps.publications.get(project.id),
      deps.jira.getProject(project.id, { as: 'user' }),
    ]);
    const analysis = service.analyse(data);
    const reportInput = toReportInput(data, analysis, {
      siteBaseUrl: trustedSiteUrl(ctx),
      projectKey: project.key,
      projectName: jiraProject.name,
      previous: publication?.snapshot ?? undefined,
    });
    const full = buildGapReportAdf(reportInput);
    const bytes = requestBodyBytes(full);
    const title = reportPageTitle(project.key);
    if (bytes <= PAGE_BODY_LIMIT_BYTES) {
      return { title, bytes, limitBytes: PAGE_BODY_LIMIT_BYTES, willSplit: false, adf: full, childTitles: [], evidenceTruncated: data.truncated };
    }
    const parts = splitReportByGroup(reportInput);
    return {
      title,
      bytes,
      limitBytes: PAGE_BODY_LIMIT_BYTES,
      willSplit: true,
      adf: parts.overview,
      childTitles: parts.groups.map((g) => groupPageTitle(title, g.title)),
      evidenceTruncated: data.truncated,
    };
  },
});
