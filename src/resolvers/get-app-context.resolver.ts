import { z } from 'zod';
import type { AppContextResponse } from '../contract/app-context';
import { defineResolver } from './define-resolver';

/**
 * Who is looking at which project, what they may do, the project's settings, and whether Confluence is
 * connected to the site (no product call: the installation says). First call of every UI module.
 */
export const getAppContext = defineResolver({
  key: 'getAppContext',
  payload: z.object({}),
  handler: (_input, ctx): Promise<AppContextResponse> =>
    ctx.deps.projectSettings.appContext({ project: ctx.project, issue: ctx.issue ?? null, moduleKey: ctx.moduleKey, accountId: ctx.accountId, access: ctx.access }),
});
