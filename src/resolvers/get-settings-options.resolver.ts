import { z } from 'zod';
import type { GetSettingsOptionsPayload, GetSettingsOptionsResponse } from '../contract/settings';
import { confluenceSpaceKeySchema } from '../storage/settings-repository';
import { defineResolver } from './define-resolver';

export const getSettingsOptionsPayloadSchema = z.object({
  confluenceSpaceKey: confluenceSpaceKeySchema.optional(),
  includeJira: z.boolean().default(true),
  includeSpaces: z.boolean().default(false),
}) satisfies z.ZodType<unknown, GetSettingsOptionsPayload>;

/**
 * What the settings page offers (project administrators only, like saving): the project's issue types (the
 * default epic type marked) and roles, and, given a space key, that space's pages to pick a parent from.
 * All product calls as the user; an unknown space answers NOT_FOUND naming the key.
 */
export const getSettingsOptions = defineResolver({
  key: 'getSettingsOptions',
  payload: getSettingsOptionsPayloadSchema,
  handler: (input, ctx): Promise<GetSettingsOptionsResponse> => ctx.deps.projectSettings.options(ctx.project.id, input),
});
