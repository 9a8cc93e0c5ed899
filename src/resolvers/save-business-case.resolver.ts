import { z } from 'zod';
import type { SaveBusinessCaseResponse } from '../contract/initiation';
import { businessCaseElementsSchema } from '../domain/initiation';
import { InitiationService } from '../services/initiation.service';
import { nameLookup } from '../services/user-names.service';
import { defineResolver } from './define-resolver';

export const saveBusinessCasePayloadSchema = z.object({
  version: z.number().int().nonnegative(),
  elements: businessCaseElementsSchema,
});

/**
 * Saves the texts of the business case. The approval stays recorded, but once the text differs from what was
 * approved it shows as out of date and no longer counts as management support.
 */
export const saveBusinessCase = defineResolver({
  key: 'saveBusinessCase',
  access: 'write',
  payload: saveBusinessCasePayloadSchema,
  async handler(input, ctx): Promise<SaveBusinessCaseResponse> {
    const service = new InitiationService(ctx.deps.store, ctx.deps.now, nameLookup(ctx.deps));
    const saved = await service.repository.update(ctx.project.id, input.version, ctx.accountId, (cur) => ({
      ...cur,
      businessCase: { ...cur.businessCase, elements: input.elements },
    }));
    return service.view(ctx.project.id, saved);
  },
});
