import { z } from 'zod';
import type { MacroProjectsView } from '../contract/gap-report';
import { defineUserResolver } from './define-resolver';

/**
 * The projects the "SMS readiness" macro's configuration can name: Jira's project search made as the viewer, so
 * it lists only the projects they may browse (Jira decides; nothing is read as the app). Naming one grants
 * nothing: getReadinessMacro checks Browse as each viewer.
 */
export const listMacroProjects = defineUserResolver({
  key: 'listMacroProjects',
  payload: z.object({ query: z.string().trim().max(100).optional() }),
  handler: (input, ctx): Promise<MacroProjectsView> => ctx.deps.gapReportViews.macroProjects(input.query ?? ''),
});
