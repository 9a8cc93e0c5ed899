import { z } from 'zod';
import type { ReadinessMacroView } from '../contract/gap-report';
import { defineResolver } from './define-resolver';

/**
 * The "SMS readiness" macro's data. In Confluence the project comes from the macro's configuration (trusted
 * context, set by whoever placed the macro; see readTrustedContext); Jira is read as the viewer, after the
 * Browse check as the viewer, so a viewer who cannot browse the project sees nothing of it.
 */
export const getReadinessMacro = defineResolver({
  key: 'getReadinessMacro',
  payload: z.object({}),
  handler: (_input, ctx): Promise<ReadinessMacroView> => ctx.deps.gapReportViews.readinessMacro(ctx.project),
});
