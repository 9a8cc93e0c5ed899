import { z } from 'zod';
import type { PreviewScopeResponse } from '../contract/scope';
import { draftScopeSchema } from '../domain/scope';
import { defineResolver } from './define-resolver';

/**
 * Statement, warnings and the problems that would block a save, for an unsaved draft. Writes nothing. The draft
 * schema checks shape and sizes only: blank names and the like come back as problems, not as a refusal.
 */
export const previewScope = defineResolver({
  key: 'previewScope',
  payload: z.object({ scope: draftScopeSchema }),
  handler: (input, ctx): Promise<PreviewScopeResponse> => ctx.deps.scope.preview(input.scope),
});
