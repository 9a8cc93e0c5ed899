import { z } from 'zod';
import type { StartBulkMappingResponse } from '../contract/mapping';
import { EDIT_ISSUES, editIssuesDenied } from '../services/mapping.service';
import { defineResolver } from './define-resolver';

/** Queues the undo of the project's last bulk mapping change (same rights as applying one). */
export const undoBulkMapping = defineResolver({
  key: 'undoBulkMapping',
  requires: { [EDIT_ISSUES]: editIssuesDenied },
  payload: z.object({}),
  async handler(_input, ctx): Promise<StartBulkMappingResponse> {
    return ctx.deps.bulkMapping.startUndo(ctx.project, ctx.accountId);
  },
});
