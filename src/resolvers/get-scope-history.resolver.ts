import { z } from 'zod';
import type { GetScopeHistoryResponse } from '../contract/scope';
import { defineResolver } from './define-resolver';

/** Every saved scope version (number, author, time, comment), newest first. */
export const getScopeHistory = defineResolver({
  key: 'getScopeHistory',
  access: 'read',
  payload: z.object({}),
  async handler(_input, ctx): Promise<GetScopeHistoryResponse> {
    return { versions: await ctx.deps.scopes.history(ctx.project.id) };
  },
});
