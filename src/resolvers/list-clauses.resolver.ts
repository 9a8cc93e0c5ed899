import { z } from 'zod';
import type { ListClausesResponse } from '../contract/mapping';
import { listClauses as catalogueOptions } from '../services/mapping.service';
import { defineResolver } from './define-resolver';

/** The clause catalogue (number, title, top clause) and the evidence kinds, for the pickers. */
export const listClauses = defineResolver({
  key: 'listClauses',
  payload: z.object({}),
  async handler(): Promise<ListClausesResponse> {
    return catalogueOptions();
  },
});
