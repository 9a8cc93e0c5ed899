import type { UndoBulkMappingPayload, StartBulkMappingResponse } from '@contract/mapping';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function undoBulkMapping(payload: UndoBulkMappingPayload = {}): Promise<ResolverResult<StartBulkMappingResponse>> {
  return callResolver<StartBulkMappingResponse>('undoBulkMapping', payload as unknown as Record<string, unknown>);
}
