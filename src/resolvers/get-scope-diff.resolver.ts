import { z } from 'zod';
import type { GetScopeDiffPayload, GetScopeDiffResponse } from '../contract/scope';
import { diffScopeVersions, formatScopeDiff } from '../domain/scope';
import { defineResolver } from './define-resolver';

const versionNumber = z.number().int().min(1).max(999_999);

/** What changed between two saved versions (oldest first whatever the order given), structured and as lines. */
export const getScopeDiff = defineResolver({
  key: 'getScopeDiff',
  payload: z.object({ from: versionNumber, to: versionNumber }) satisfies z.ZodType<GetScopeDiffPayload>,
  async handler(input, ctx): Promise<GetScopeDiffResponse> {
    const [a, b] = await Promise.all([ctx.deps.scopes.getVersion(ctx.project.id, input.from), ctx.deps.scopes.getVersion(ctx.project.id, input.to)]);
    const diff = diffScopeVersions(a, b);
    return { ...diff, lines: formatScopeDiff(diff) };
  },
});
