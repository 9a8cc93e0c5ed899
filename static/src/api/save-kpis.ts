import type { SaveKpisPayload } from '@contract/initiation';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function saveKpis(payload: SaveKpisPayload): Promise<ResultOf<'saveKpis'>> {
  return callResolver('saveKpis', payload);
}
