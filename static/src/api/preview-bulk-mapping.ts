import type { PreviewBulkMappingPayload, PreviewBulkMappingResponse } from '@contract/mapping';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function previewBulkMapping(payload: PreviewBulkMappingPayload): Promise<ResolverResult<PreviewBulkMappingResponse>> {
  return callResolver<PreviewBulkMappingResponse>('previewBulkMapping', payload as unknown as Record<string, unknown>);
}
