import { z } from 'zod';
import type { StartJobResponse } from '../contract/audit';
import { defineResolver, trustedSiteUrl } from './define-resolver';

/**
 * Queues the `publish-review` job (the management review pack) after the checks as the user
 * (AuditProgrammeService.startPublishReview: Confluence connected, the dates, the settings' space and parent page).
 */
export const startPublishReview = defineResolver({
  key: 'startPublishReview',
  payload: z.object({ reviewDate: z.iso.date(), periodStart: z.iso.date() }),
  handler: (input, ctx): Promise<StartJobResponse> => ctx.deps.auditProgramme.startPublishReview(ctx.project, ctx.accountId, trustedSiteUrl(ctx), input),
});
