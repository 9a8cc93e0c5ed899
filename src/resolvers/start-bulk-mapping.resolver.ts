import { z } from 'zod';
import type { StartBulkMappingPayload, StartBulkMappingResponse } from '../contract/mapping';
import { EDIT_ISSUES, editIssuesDenied } from '../services/mapping.service';
import { defineResolver } from './define-resolver';

export const startBulkMappingPayloadSchema = z.object({
  previewId: z.string().min(1).max(100),
  issueIds: z.array(z.string().regex(/^\d{1,18}$/, 'must be a numeric issue id')).min(1).max(1000),
}) satisfies z.ZodType<StartBulkMappingPayload>;

/**
 * Queues the reviewed part of a preview. Needs the SMS editor right and EDIT_ISSUES (both checked as the
 * user here); the job then writes as the app, since queued jobs run without a user.
 */
export const startBulkMapping = defineResolver({
  key: 'startBulkMapping',
  requires: { [EDIT_ISSUES]: editIssuesDenied },
  payload: startBulkMappingPayloadSchema,
  async handler(input, ctx): Promise<StartBulkMappingResponse> {
    return ctx.deps.bulkMapping.start(ctx.project, ctx.accountId, input.previewId, input.issueIds);
  },
});
