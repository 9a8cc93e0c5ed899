import { z } from 'zod';
import type { ApproveBusinessCaseResponse } from '../contract/initiation';
import { defineResolver } from './define-resolver';

/**
 * The sponsor approves the business case as stored at `version` (so they approve what they read). Needs write
 * access, and the caller (the trusted context's accountId, never the payload) must be the sponsor the business
 * case names (InitiationService.approveBusinessCase: NotSponsorError otherwise). Refused while an element is empty.
 */
export const approveBusinessCase = defineResolver({
  key: 'approveBusinessCase',
  payload: z.object({ version: z.number().int().nonnegative() }),
  handler: (input, ctx): Promise<ApproveBusinessCaseResponse> => ctx.deps.initiation.approveBusinessCase(ctx.project.id, input.version, ctx.accountId),
});
