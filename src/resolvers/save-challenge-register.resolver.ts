import { z } from 'zod';
import type { SaveChallengeRegisterResponse } from '../contract/initiation';
import { challengeRegisterSchema } from '../domain/initiation';
import { InitiationService } from '../services/initiation.service';
import { nameLookup } from '../services/user-names.service';
import { defineResolver } from './define-resolver';

/** Saves the challenge register (likelihood, impact, owner, status, ticked mitigations, note per challenge). */
export const saveChallengeRegister = defineResolver({
  key: 'saveChallengeRegister',
  access: 'write',
  payload: z.object({ version: z.number().int().nonnegative(), register: challengeRegisterSchema }),
  async handler(input, ctx): Promise<SaveChallengeRegisterResponse> {
    const service = new InitiationService(ctx.deps.store, ctx.deps.now, nameLookup(ctx.deps));
    const saved = await service.repository.update(ctx.project.id, input.version, ctx.accountId, (cur) => ({
      ...cur,
      challengeRegister: input.register,
    }));
    return service.view(ctx.project.id, saved);
  },
});
