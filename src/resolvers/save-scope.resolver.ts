import { z } from 'zod';
import type { SaveScopePayload, SaveScopeResponse } from '../contract/scope';
import { strictScopeSchema } from '../domain/scope';
import { defineResolver } from './define-resolver';
import { toScopeView } from './scope-view';

export const saveScopePayloadSchema = z.object({
  scope: strictScopeSchema,
  comment: z.string().trim().max(500),
  version: z.number().int().nonnegative(),
}) satisfies z.ZodType<SaveScopePayload>;

/** Saves the scope as a new version (author and time from the context); CONFLICT when `version` is stale. */
export const saveScope = defineResolver({
  key: 'saveScope',
  payload: saveScopePayloadSchema,
  async handler(input, ctx): Promise<SaveScopeResponse> {
    const saved = await ctx.deps.scopes.save(ctx.project.id, { scope: input.scope, comment: input.comment }, input.version, ctx.accountId);
    ctx.deps.log('info', 'scope saved', { projectId: ctx.project.id, version: saved.version });
    return toScopeView(saved, await ctx.deps.names([saved.author]));
  },
});
