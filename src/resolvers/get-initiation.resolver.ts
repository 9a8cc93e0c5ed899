import { z } from 'zod';
import type { GetInitiationResponse } from '../contract/initiation';
import { defineResolver } from './define-resolver';

/** The Initiation tab: business case, baseline, KPIs, target state, plan checklist and challenge register. */
export const getInitiation = defineResolver({
  key: 'getInitiation',
  payload: z.object({}),
  async handler(_input, ctx): Promise<GetInitiationResponse> {
    return ctx.deps.initiation.view(ctx.project.id);
  },
});
