import { z } from 'zod';
import type { MacroProjectsView } from '../contract/gap-report';
import { defineUserResolver } from './define-resolver';

/** How many projects the macro's picker lists at once (type more of the key or name to narrow). */
export const MACRO_PROJECTS_PAGE = 50;

/**
 * The projects the "SMS readiness" macro's configuration can name: Jira's project search made as the viewer, so
 * it lists only the projects they may browse (Jira decides; nothing is read as the app). Naming one grants
 * nothing: getReadinessMacro checks Browse as each viewer.
 */
export const listMacroProjects = defineUserResolver({
  key: 'listMacroProjects',
  payload: z.object({ query: z.string().trim().max(100).optional() }),
  async handler(input, ctx): Promise<MacroProjectsView> {
    const { projects, more } = await ctx.deps.jira.searchProjects(input.query ?? '', MACRO_PROJECTS_PAGE, { as: 'user' });
    return { projects: projects.map((p) => ({ id: p.id, key: p.key, name: p.name })), more };
  },
});
