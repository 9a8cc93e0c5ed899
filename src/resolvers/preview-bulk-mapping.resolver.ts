import { z } from 'zod';
import type { PreviewBulkMappingResponse } from '../contract/mapping';
import { evidenceKindSchema } from '../domain/vocabulary-schemas';
import { defineResolver } from './define-resolver';
import { clauseRefSchema } from './mapping-payloads';

export const previewBulkMappingPayloadSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('jql'), jql: z.string().trim().min(1).max(2000), clauses: z.array(clauseRefSchema).min(1).max(10) }),
  z.object({ source: z.literal('suggestions'), kind: evidenceKindSchema.optional() }),
]);

/**
 * What a bulk mapping would change, per issue (read as the user; nothing is written to Jira). The project
 * is the page's, never the payload's: the app ANDs it to the JQL. SMS editors and project admins only.
 */
export const previewBulkMapping = defineResolver({
  key: 'previewBulkMapping',
  payload: previewBulkMappingPayloadSchema,
  async handler(input, ctx): Promise<PreviewBulkMappingResponse> {
    return ctx.deps.bulkMapping.preview(ctx.project, ctx.accountId, input);
  },
});
