import type { SaveChallengeRegisterPayload } from '@contract/initiation';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function saveChallengeRegister(payload: SaveChallengeRegisterPayload): Promise<ResultOf<'saveChallengeRegister'>> {
  return callResolver('saveChallengeRegister', payload);
}
