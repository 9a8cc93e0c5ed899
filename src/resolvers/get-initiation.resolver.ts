import { z } from 'zod';
import type { GetInitiationResponse } from '../contract/initiation';
import { defineResolver } from './define-resolver';
import { initiationServiceOf } from './initiation-resolver-support';

/** The Initiation tab: business case, baseline, KPIs, target state, plan checklist and challenge register. */
export const getInitiation = defineResolver({
  key: 'getInitiation',
  payload: z.object({}),
  async handler(_input, ctx): Promise<GetInitiationResponse> {
    return initiationServiceOf(ctx).view(ctx.project.id);
  },
});
