import { z } from 'zod';
import type { SaveChallengeRegisterResponse } from '../contract/initiation';
import { challengeRegisterSchema } from '../domain/initiation';
import { defineResolver } from './define-resolver';

/** Saves the challenge register (likelihood, impact, owner, status, ticked mitigations, note per challenge). */
export const saveChallengeRegister = defineResolver({
  key: 'saveChallengeRegister',
  payload: z.object({ version: z.number().int().nonnegative(), register: challengeRegisterSchema }),
  handler: (input, ctx): Promise<SaveChallengeRegisterResponse> => ctx.deps.initiation.saveChallengeRegister(ctx.project.id, ctx.accountId, input),
});
