import { z } from 'zod';
import type { IssueClausesResponse } from '../contract/mapping';
import { defineResolver } from './define-resolver';
import { contextIssue, mappingServiceOf } from './mapping-resolver-support';

/** The issue panel's data: mapped clauses, rejections, up to five suggestions, and whether the user may edit. */
export const getIssueClauses = defineResolver({
  key: 'getIssueClauses',
  access: 'read',
  payload: z.object({}),
  async handler(_input, ctx): Promise<IssueClausesResponse> {
    return mappingServiceOf(ctx).getIssueClauses(ctx.project, contextIssue(ctx).id);
  },
});
