import { z } from 'zod';
import { ValidationError } from '../domain/errors';
import type { SaveProjectSettingsPayload, SaveProjectSettingsResponse } from '../contract/settings';
import { confluenceSpaceKeySchema, toSettingsView } from '../storage/settings-repository';
import { validateSettingsChoices } from '../services/project-settings-options.service';
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
  async handler(input, ctx): Promise<SaveProjectSettingsResponse> {
    const { version, ...typed } = input;
    // Without Confluence the space and its page cannot be checked: the stored ones are kept and the Jira fields saved.
    const connected = await ctx.deps.confluence.isConnected();
    const stored = connected ? undefined : await ctx.deps.settings.get(ctx.project.id);
    const fields = connected
      ? typed
      : { ...typed, confluenceSpaceKey: stored?.confluenceSpaceKey ?? null, confluenceParentPageId: stored?.confluenceParentPageId ?? null };
    if (connected && fields.confluenceSpaceKey === null) {
      throw new ValidationError('Choose the Confluence space for reports.', { issues: [{ path: 'confluenceSpaceKey', message: 'is required' }] });
    }
    const checked = await validateSettingsChoices(ctx.deps, ctx.project.id, connected ? fields : { ...fields, confluenceSpaceKey: null, confluenceParentPageId: null });
    const record = await ctx.deps.settings.save(ctx.project.id, connected ? { ...fields, ...checked } : fields, version, ctx.accountId);
    ctx.deps.log('info', 'project settings saved', { projectId: ctx.project.id, version: record.version });
    return { ...toSettingsView(ctx.project.id, record), people: await ctx.deps.names([record.updatedBy]) };
  },
});
