import { z } from 'zod';
import type { IssueClausesResponse } from '../contract/mapping';
import { defineResolver } from './define-resolver';
import { contextIssue } from './mapping-payloads';

/** The issue panel's data: mapped clauses, rejections, up to five suggestions, and whether the user may edit (EDIT_ISSUES and the 'map-issue' right). */
export const getIssueClauses = defineResolver({
  key: 'getIssueClauses',
  payload: z.object({}),
  handler: (_input, ctx): Promise<IssueClausesResponse> => ctx.deps.mapping.issuePanel(ctx.project, contextIssue(ctx).id, ctx.accountId, ctx.access.isProjectAdmin),
});
