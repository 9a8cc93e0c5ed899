import { z } from 'zod';
import type { IssueClausesResponse, SaveIssueClausesPayload } from '../contract/mapping';
import { evidenceKindSchema } from '../domain/vocabulary-schemas';
import { EDIT_ISSUES, editIssuesDenied } from '../services/mapping.service';
import { defineResolver } from './define-resolver';
import { clauseIdSchema, contextIssue } from './mapping-payloads';

const changeSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('add'), clauseId: clauseIdSchema, kind: evidenceKindSchema }),
  z.object({ action: z.literal('setKind'), clauseId: clauseIdSchema, kind: evidenceKindSchema }),
  z.object({ action: z.literal('remove'), clauseId: clauseIdSchema }),
  z.object({ action: z.literal('reject'), clauseId: clauseIdSchema }),
  z.object({ action: z.literal('unreject'), clauseId: clauseIdSchema }),
]);

export const saveIssueClausesPayloadSchema = z.object({
  changes: z.array(changeSchema).min(1).max(50),
}) satisfies z.ZodType<SaveIssueClausesPayload>;

/**
 * Adds, removes, re-kinds or rejects clauses on the issue of the panel and saves at once (as the user).
 * Needs the 'map-issue' right (authorization table) and EDIT_ISSUES; unknown clause ids are refused and nothing is written.
 */
export const saveIssueClauses = defineResolver({
  key: 'saveIssueClauses',
  requires: { [EDIT_ISSUES]: editIssuesDenied },
  payload: saveIssueClausesPayloadSchema,
  async handler(input, ctx): Promise<IssueClausesResponse> {
    return ctx.deps.mapping.saveIssueClauses(ctx.project, contextIssue(ctx).id, input.changes);
  },
});
