import type { GetBulkMappingStatusPayload, BulkMappingStatusResponse } from '@contract/mapping';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function getBulkMappingStatus(payload: GetBulkMappingStatusPayload = {}): Promise<ResolverResult<BulkMappingStatusResponse>> {
  return callResolver<BulkMappingStatusResponse>('getBulkMappingStatus', payload as unknown as Record<string, unknown>);
}
