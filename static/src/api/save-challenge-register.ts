import type { SaveChallengeRegisterPayload, SaveChallengeRegisterResponse } from '@contract/initiation';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function saveChallengeRegister(payload: SaveChallengeRegisterPayload): Promise<ResolverResult<SaveChallengeRegisterResponse>> {
  return callResolver<SaveChallengeRegisterResponse>('saveChallengeRegister', { ...payload });
}
