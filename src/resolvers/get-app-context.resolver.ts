import { z } from 'zod';
import type { AppContextResponse } from '../contract/app-context';
import { CONFLUENCE_NOT_CONNECTED_MESSAGE } from '../domain/errors';
import { isEditorRoleMember } from '../services/access';
import { defineResolver } from './define-resolver';

/**
 * Who is looking at which project, what they may do, the project's settings, and whether Confluence is
 * connected to the site (no product call: the installation says). First call of every UI module.
 */
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
    const connected = await deps.confluence.isConnected();
    return {
      project: ctx.project,
      issue: ctx.issue ?? null,
      moduleKey: ctx.moduleKey,
      user: { accountId: ctx.accountId },
      permissions,
      settings: await deps.settings.getView(ctx.project.id),
      confluence: { connected, message: connected ? null : CONFLUENCE_NOT_CONNECTED_MESSAGE },
    };
  },
});
