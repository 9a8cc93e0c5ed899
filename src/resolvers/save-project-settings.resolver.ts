import { z } from 'zod';
import type { SaveProjectSettingsPayload, SaveProjectSettingsResponse } from '../contract/settings';
import { confluenceSpaceKeySchema, toSettingsView } from '../storage/settings-repository';
import { resolveNames } from '../services/user-names.service';
import { defineResolver } from './define-resolver';

const numericId = z.string().trim().regex(/^\d{1,18}$/, 'must be a numeric id');

export const saveProjectSettingsPayloadSchema = z.object({
  confluenceSpaceKey: confluenceSpaceKeySchema,
  confluenceParentPageId: numericId.nullable(),
  epicIssueTypeId: numericId.nullable(),
  editorRoleId: numericId.nullable(),
  version: z.number().int().nonnegative(),
}) satisfies z.ZodType<SaveProjectSettingsPayload>;

/**
 * Saves the project's settings with optimistic concurrency (`version` = the version the page loaded).
 * Admin-only: the settings choose the editor role, i.e. who may write.
 */
export const saveProjectSettings = defineResolver({
  key: 'saveProjectSettings',
  access: 'admin',
  payload: saveProjectSettingsPayloadSchema,
  async handler(input, ctx): Promise<SaveProjectSettingsResponse> {
    const { version, ...fields } = input;
    const record = await ctx.deps.settings.save(ctx.project.id, fields, version, ctx.accountId);
    ctx.deps.log('info', 'project settings saved', { projectId: ctx.project.id, version: record.version });
    return { ...toSettingsView(ctx.project.id, record), people: await resolveNames(ctx.deps.api, [record.updatedBy], ctx.deps.log) };
  },
});
