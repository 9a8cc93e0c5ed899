import { z } from 'zod';
import type { SaveChallengeRegisterResponse } from '../contract/initiation';
import { challengeRegisterSchema } from '../domain/initiation';
import { defineResolver } from './define-resolver';

/** Saves the challenge register (likelihood, impact, owner, status, ticked mitigations, note per challenge). */
export const saveChallengeRegister = defineResolver({
  key: 'saveChallengeRegister',
  payload: z.object({ version: z.number().int().nonnegative(), register: challengeRegisterSchema }),
  async handler(input, ctx): Promise<SaveChallengeRegisterResponse> {
    return ctx.deps.initiation.change(ctx.project.id, input.version, ctx.accountId, (cur) => ({
      ...cur,
      challengeRegister: input.register,
    }));
  },
});
