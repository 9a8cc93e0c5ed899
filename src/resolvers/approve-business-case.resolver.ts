import { z } from 'zod';
import type { ApproveBusinessCaseResponse } from '../contract/initiation';
import { ValidationError } from '../domain/errors';
import { BUSINESS_CASE_ELEMENTS, approveBusinessCase as approve, businessCaseCompleteness } from '../domain/initiation';
import { defineResolver } from './define-resolver';

/**
 * The sponsor approves the business case as stored at `version` (so they approve what they read). Needs write
 * access; records the caller's accountId and the server time, never values from the payload. Refused while an
 * element is empty.
 */
export const approveBusinessCase = defineResolver({
  key: 'approveBusinessCase',
  payload: z.object({ version: z.number().int().nonnegative() }),
  async handler(input, ctx): Promise<ApproveBusinessCaseResponse> {
    const at = ctx.deps.now().toISOString();
    const view = await ctx.deps.initiation.change(ctx.project.id, input.version, ctx.accountId, (cur) => {
      const c = businessCaseCompleteness(cur.businessCase);
      if (!c.complete) {
        const labels = BUSINESS_CASE_ELEMENTS.filter((e) => c.missing.includes(e.id)).map((e) => `${e.letter}) ${e.label}`);
        throw new ValidationError(`Complete the business case before approving it: ${labels.join(', ')} ${labels.length === 1 ? 'is' : 'are'} still empty.`, {
          missing: c.missing,
        });
      }
      return { ...cur, businessCase: approve(cur.businessCase, ctx.accountId, at) };
    });
    ctx.deps.log('info', 'business case approved', { projectId: ctx.project.id, accountId: ctx.accountId, version: view.version });
    return view;
  },
});
