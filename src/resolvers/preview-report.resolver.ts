import { z } from 'zod';
import type { PreviewReportResponse } from '../contract/gap-report';
import { defineResolver, trustedSiteUrl } from './define-resolver';

/**
 * The report page as it would be published now (ADF), read as the user. When it would be split, the overview
 * page is returned with the titles of the child pages. Uses the same reading budget as the in-app view. Issue links
 * use the site address of the trusted context, never one from the payload.
 */
export const previewReport = defineResolver({
  key: 'previewReport',
  payload: z.object({}),
  handler: (_input, ctx): Promise<PreviewReportResponse> =>
    ctx.deps.publishReport.preview({
      projectId: ctx.project.id,
      projectKey: ctx.project.key,
      siteBaseUrl: trustedSiteUrl(ctx),
    }),
});
