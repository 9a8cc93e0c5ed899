import type { UndoBulkMappingPayload } from '@contract/mapping';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function undoBulkMapping(payload: UndoBulkMappingPayload = {}): Promise<ResultOf<'undoBulkMapping'>> {
  return callResolver('undoBulkMapping', payload);
}
