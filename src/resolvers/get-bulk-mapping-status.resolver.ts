import { z } from 'zod';
import type { BulkMappingStatusResponse } from '../contract/mapping';
import { defineResolver } from './define-resolver';

/** Progress of a bulk mapping job of this project (the active one when no id is given) and the last change. */
export const getBulkMappingStatus = defineResolver({
  key: 'getBulkMappingStatus',
  payload: z.object({ jobId: z.string().min(1).max(100).optional() }),
  async handler(input, ctx): Promise<BulkMappingStatusResponse> {
    return ctx.deps.bulkMapping.status(ctx.project, input.jobId);
  },
});
