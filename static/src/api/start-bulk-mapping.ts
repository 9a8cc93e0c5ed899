import type { StartBulkMappingPayload } from '@contract/mapping';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function startBulkMapping(payload: StartBulkMappingPayload): Promise<ResultOf<'startBulkMapping'>> {
  return callResolver('startBulkMapping', payload);
}
