import type { GetBulkMappingStatusPayload } from '@contract/mapping';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function getBulkMappingStatus(payload: GetBulkMappingStatusPayload = {}): Promise<ResultOf<'getBulkMappingStatus'>> {
  return callResolver('getBulkMappingStatus', payload);
}
