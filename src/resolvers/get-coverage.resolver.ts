import { z } from 'zod';
import type { CoverageResponse } from '../contract/mapping';
import { defineResolver } from './define-resolver';

/** Per clause, the project's mapped issues by status category; and a page of its unmapped issues. */
export const getCoverage = defineResolver({
  key: 'getCoverage',
  payload: z.object({ unmappedCursor: z.string().min(1).max(4000).optional() }),
  async handler(input, ctx): Promise<CoverageResponse> {
    return ctx.deps.mapping.coverage(ctx.project, input.unmappedCursor);
  },
});
