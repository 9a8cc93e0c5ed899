import type { StartBulkMappingPayload, StartBulkMappingResponse } from '@contract/mapping';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function startBulkMapping(payload: StartBulkMappingPayload): Promise<ResolverResult<StartBulkMappingResponse>> {
  return callResolver<StartBulkMappingResponse>('startBulkMapping', payload as unknown as Record<string, unknown>);
}
