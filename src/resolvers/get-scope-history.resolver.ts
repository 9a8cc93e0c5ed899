import { z } from 'zod';
import type { GetScopeHistoryResponse } from '../contract/scope';
import { defineResolver } from './define-resolver';

/** Every saved scope version (number, author, time, comment), newest first, with the authors' display names. */
export const getScopeHistory = defineResolver({
  key: 'getScopeHistory',
  payload: z.object({}),
  handler: (_input, ctx): Promise<GetScopeHistoryResponse> => ctx.deps.scope.history(ctx.project.id),
});
