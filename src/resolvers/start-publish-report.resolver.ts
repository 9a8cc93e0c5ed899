import { z } from 'zod';
import type { StartPublishReportResponse } from '../contract/gap-report';
import { defineResolver, trustedSiteUrl } from './define-resolver';

/**
 * Queues the publish of the gap report to Confluence (ReportPublishingService.start: CONFLUENCE_NOT_CONNECTED
 * before anything else, then as the user the settings' space and parent page; single flight per project). Write
 * access and Browse are checked by defineResolver first. Issue links use the trusted context's site address
 * (https), never a payload's. The job then works as the app (see publish-report.consumer.ts).
 */
export const startPublishReport = defineResolver({
  key: 'startPublishReport',
  payload: z.object({ snapshot: z.boolean().default(false) }),
  handler: (input, ctx): Promise<StartPublishReportResponse> => ctx.deps.reportPublishing.start(ctx.project, ctx.accountId, trustedSiteUrl(ctx), input.snapshot),
});
