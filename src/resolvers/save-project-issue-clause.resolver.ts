import { z } from 'zod';
import type { IssueClausesResponse, SaveProjectIssueClausePayload } from '../contract/mapping';
import { evidenceKindSchema } from '../domain/vocabulary-schemas';
import { EDIT_ISSUES, editIssuesDenied } from '../services/mapping.service';
import { defineResolver } from './define-resolver';
import { clauseIdSchema } from './mapping-payloads';

/**
 * Maps an issue of the project page's project to a clause, from the coverage's unmapped list: the same change as
 * the issue panel's "add" (saveIssueClauses), on an issue named by id. The service checks that the issue lives in
 * the context's project, EDIT_ISSUES as the user, and the clause id.
 */
export const saveProjectIssueClause = defineResolver({
  key: 'saveProjectIssueClause',
  requires: { [EDIT_ISSUES]: editIssuesDenied },
  payload: z.object({ issueId: z.string().regex(/^\d{1,18}$/), clauseId: clauseIdSchema, kind: evidenceKindSchema }) satisfies z.ZodType<SaveProjectIssueClausePayload>,
  async handler(input, ctx): Promise<IssueClausesResponse> {
    return ctx.deps.mapping.saveIssueClauses(ctx.project, input.issueId, [{ action: 'add', clauseId: input.clauseId, kind: input.kind }]);
  },
});
