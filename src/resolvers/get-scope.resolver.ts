import { z } from 'zod';
import type { GetScopeResponse } from '../contract/scope';
import { defineResolver } from './define-resolver';
import { toScopeView } from './scope-view';

/** The project's current SMS scope with its generated statement and warnings (version 0 before the first save). */
export const getScope = defineResolver({
  key: 'getScope',
  payload: z.object({}),
  async handler(_input, ctx): Promise<GetScopeResponse> {
    const current = await ctx.deps.scopes.getCurrent(ctx.project.id);
    return toScopeView(current, await ctx.deps.names([current?.author]));
  },
});
