import { z } from 'zod';
import type { SaveProjectSettingsPayload, SaveProjectSettingsResponse } from '../contract/settings';
import { confluenceSpaceKeySchema } from '../storage/settings-repository';
import { defineResolver } from './define-resolver';

const numericId = z.string().trim().regex(/^\d{1,18}$/, 'must be a numeric id');

export const saveProjectSettingsPayloadSchema = z.object({
  confluenceSpaceKey: confluenceSpaceKeySchema.nullable(),
  confluenceParentPageId: numericId.nullable(),
  epicIssueTypeId: numericId.nullable(),
  editorRoleId: numericId.nullable(),
  issueMappingOpen: z.boolean().default(false),
  version: z.number().int().nonnegative(),
}) satisfies z.ZodType<unknown, SaveProjectSettingsPayload>;

/**
 * Saves the project's settings with optimistic concurrency (`version` = the version the page loaded).
 * Admin-only: the settings choose the editor role, i.e. who may write. Before writing, checks as the user that
 * the space (key matched case-insensitively, the space's own key stored), parent page, issue type and role exist
 * (VALIDATION_FAILED naming the field; see validateSettingsChoices for the product calls). While Confluence is
 * not connected the Jira fields are saved and the stored space and page kept unchanged.
 */
export const saveProjectSettings = defineResolver({
  key: 'saveProjectSettings',
  payload: saveProjectSettingsPayloadSchema,
  handler: (input, ctx): Promise<SaveProjectSettingsResponse> =>
    ctx.deps.projectSettings.save(ctx.project.id, ctx.accountId, input),
});
