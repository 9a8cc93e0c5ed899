import { z } from 'zod';
import type { GetScopeHistoryResponse } from '../contract/scope';
import { defineResolver } from './define-resolver';

/** Every saved scope version (number, author, time, comment), newest first, with the authors' display names. */
export const getScopeHistory = defineResolver({
  key: 'getScopeHistory',
  payload: z.object({}),
  async handler(_input, ctx): Promise<GetScopeHistoryResponse> {
    const versions = await ctx.deps.scopes.history(ctx.project.id);
    return { versions, people: await ctx.deps.names(versions.map((v) => v.author)) };
  },
});
