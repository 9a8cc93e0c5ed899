import { z } from 'zod';
import type { GetScopeDiffPayload, GetScopeDiffResponse } from '../contract/scope';
import { defineResolver } from './define-resolver';

const versionNumber = z.number().int().min(1).max(999_999);

/** What changed between two saved versions (oldest first whatever the order given), structured and as lines. */
export const getScopeDiff = defineResolver({
  key: 'getScopeDiff',
  payload: z.object({ from: versionNumber, to: versionNumber }) satisfies z.ZodType<GetScopeDiffPayload>,
  handler: (input, ctx): Promise<GetScopeDiffResponse> => ctx.deps.scope.diff(ctx.project.id, input.from, input.to),
});
