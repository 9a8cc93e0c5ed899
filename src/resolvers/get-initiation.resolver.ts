import { z } from 'zod';
import type { GetInitiationResponse } from '../contract/initiation';
import { InitiationService } from '../services/initiation.service';
import { nameLookup } from '../services/user-names.service';
import { defineResolver } from './define-resolver';

/** The Initiation tab: business case, baseline, KPIs, target state, plan checklist and challenge register. */
export const getInitiation = defineResolver({
  key: 'getInitiation',
  access: 'read',
  payload: z.object({}),
  async handler(_input, ctx): Promise<GetInitiationResponse> {
    return new InitiationService(ctx.deps.store, ctx.deps.now, nameLookup(ctx.deps)).view(ctx.project.id);
  },
});
