import { z } from 'zod';
import type { PublishBusinessCaseResponse } from '../contract/initiation';
import { defineResolver } from './define-resolver';

/**
 * Publishes the "Business case" page to the Confluence space of the project settings, as the user
 * (InitiationService.publishBusinessCase: every refusal before the write; the page id is remembered).
 */
export const publishBusinessCase = defineResolver({
  key: 'publishBusinessCase',
  payload: z.object({ expectedVersion: z.number().int().nonnegative().optional() }),
  handler: (input, ctx): Promise<PublishBusinessCaseResponse> => ctx.deps.initiation.publishBusinessCase(ctx.project, ctx.accountId, input.expectedVersion),
});
