import { z } from 'zod';
import type { IssueClausesResponse } from '../contract/mapping';
import { mayMapIssueClauses } from './access';
import { defineResolver } from './define-resolver';
import { contextIssue } from './mapping-payloads';

/** The issue panel's data: mapped clauses, rejections, up to five suggestions, and whether the user may edit (EDIT_ISSUES and the 'map-issue' right). */
export const getIssueClauses = defineResolver({
  key: 'getIssueClauses',
  payload: z.object({}),
  async handler(_input, ctx): Promise<IssueClausesResponse> {
    const { deps, accountId, project, access } = ctx;
    const mayMap = await mayMapIssueClauses(deps.permissions, deps.settings, accountId, project.id, access.isProjectAdmin);
    return ctx.deps.mapping.getIssueClauses(project, contextIssue(ctx).id, mayMap);
  },
});
