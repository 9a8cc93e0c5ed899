import type { GetInitiationPayload } from '@contract/initiation';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function getInitiation(payload: GetInitiationPayload = {}): Promise<ResultOf<'getInitiation'>> {
  return callResolver('getInitiation', payload);
}
