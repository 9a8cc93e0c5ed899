import type { PublishBusinessCasePayload } from '@contract/initiation';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function publishBusinessCase(payload: PublishBusinessCasePayload = {}): Promise<ResultOf<'publishBusinessCase'>> {
  return callResolver('publishBusinessCase', payload);
}
