import { z } from 'zod';
import type { ListClausesResponse } from '../contract/mapping';
import { defineResolver } from './define-resolver';

/** The clause catalogue (number, title, top clause) and the evidence kinds, for the pickers. */
export const listClauses = defineResolver({
  key: 'listClauses',
  payload: z.object({}),
  handler: async (_input, ctx): Promise<ListClausesResponse> => ctx.deps.mapping.listClauses(),
});
