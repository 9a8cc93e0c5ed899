import { z } from 'zod';
import type { GetScopeResponse } from '../contract/scope';
import { defineResolver } from './define-resolver';

/** The project's current SMS scope with its generated statement and warnings (version 0 before the first save). */
export const getScope = defineResolver({
  key: 'getScope',
  payload: z.object({}),
  handler: (_input, ctx): Promise<GetScopeResponse> => ctx.deps.scope.current(ctx.project.id),
});
