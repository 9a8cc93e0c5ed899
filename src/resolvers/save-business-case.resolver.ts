import { z } from 'zod';
import type { SaveBusinessCaseResponse } from '../contract/initiation';
import { accountIdSchema, businessCaseElementsSchema } from '../domain/initiation';
import { defineResolver } from './define-resolver';

export const saveBusinessCasePayloadSchema = z.object({
  version: z.number().int().nonnegative(),
  elements: businessCaseElementsSchema,
  /** The sponsor's accountId (from the user picker); null names nobody; absent keeps the current sponsor. */
  sponsor: accountIdSchema.nullable().optional(),
});

/**
 * Saves the texts of the business case. The approval stays recorded, but once the text differs from what was
 * approved it shows as out of date and no longer counts as management support; so does naming another sponsor.
 */
export const saveBusinessCase = defineResolver({
  key: 'saveBusinessCase',
  payload: saveBusinessCasePayloadSchema,
  handler: (input, ctx): Promise<SaveBusinessCaseResponse> => ctx.deps.initiation.saveBusinessCase(ctx.project.id, ctx.accountId, input),
});
