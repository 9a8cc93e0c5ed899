import { z } from 'zod';
import type { AppContextResponse } from '../contract/app-context';
import { isEditorRoleMember } from './access';
import { defineResolver } from './define-resolver';

/** Who is looking at which project, what they may do, and the project's settings. First call of every UI module. */
export const getAppContext = defineResolver({
  key: 'getAppContext',
  payload: z.object({}),
  async handler(_input, ctx): Promise<AppContextResponse> {
    const { deps } = ctx;
    // The framework checked read access; for the UI we also need to know whether the user may edit.
    const permissions = ctx.access.isProjectAdmin
      ? ctx.access
      : {
          ...ctx.access,
          canEdit: await isEditorRoleMember(deps.permissions, deps.settings, ctx.accountId, ctx.project.id),
        };
    return {
      project: ctx.project,
      issue: ctx.issue ?? null,
      moduleKey: ctx.moduleKey,
      user: { accountId: ctx.accountId },
      permissions,
      settings: await deps.settings.getView(ctx.project.id),
    };
  },
});
