import { z } from 'zod';
import type { SaveScopePayload, SaveScopeResponse } from '../contract/scope';
import { strictScopeSchema } from '../domain/scope';
import { defineResolver } from './define-resolver';

export const saveScopePayloadSchema = z.object({
  scope: strictScopeSchema,
  comment: z.string().trim().max(500),
  version: z.number().int().nonnegative(),
}) satisfies z.ZodType<SaveScopePayload>;

/** Saves the scope as a new version (author and time from the context); CONFLICT when `version` is stale. */
export const saveScope = defineResolver({
  key: 'saveScope',
  payload: saveScopePayloadSchema,
  handler: (input, ctx): Promise<SaveScopeResponse> => ctx.deps.scope.save(ctx.project.id, ctx.accountId, input),
});
