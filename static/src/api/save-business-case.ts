import type { SaveBusinessCasePayload } from '@contract/initiation';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function saveBusinessCase(payload: SaveBusinessCasePayload): Promise<ResultOf<'saveBusinessCase'>> {
  return callResolver('saveBusinessCase', payload);
}
