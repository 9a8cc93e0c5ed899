import { z } from 'zod';
import type { SaveProjectSettingsPayload, SaveProjectSettingsResponse } from '../contract/settings';
import { confluenceSpaceKeySchema, toSettingsView } from '../storage/settings-repository';
import { validateSettingsChoices } from '../services/project-settings-options.service';
import { defineResolver } from './define-resolver';

const numericId = z.string().trim().regex(/^\d{1,18}$/, 'must be a numeric id');

export const saveProjectSettingsPayloadSchema = z.object({
  confluenceSpaceKey: confluenceSpaceKeySchema,
  confluenceParentPageId: numericId.nullable(),
  epicIssueTypeId: numericId.nullable(),
  editorRoleId: numericId.nullable(),
  issueMappingOpen: z.boolean().default(false),
  version: z.number().int().nonnegative(),
}) satisfies z.ZodType<unknown, SaveProjectSettingsPayload>;

/**
 * Saves the project's settings with optimistic concurrency (`version` = the version the page loaded).
 * Admin-only: the settings choose the editor role, i.e. who may write. Before writing, checks as the user that
 * the space, parent page, issue type and role exist (VALIDATION_FAILED naming the field; see
 * validateSettingsChoices for the product calls).
 */
export const saveProjectSettings = defineResolver({
  key: 'saveProjectSettings',
  payload: saveProjectSettingsPayloadSchema,
  async handler(input, ctx): Promise<SaveProjectSettingsResponse> {
    const { version, ...fields } = input;
    await validateSettingsChoices(ctx.deps, ctx.project.id, fields);
    const record = await ctx.deps.settings.save(ctx.project.id, fields, version, ctx.accountId);
    ctx.deps.log('info', 'project settings saved', { projectId: ctx.project.id, version: record.version });
    return { ...toSettingsView(ctx.project.id, record), people: await ctx.deps.names([record.updatedBy]) };
  },
});
