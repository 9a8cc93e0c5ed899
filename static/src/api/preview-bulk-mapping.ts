import type { PreviewBulkMappingPayload } from '@contract/mapping';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function previewBulkMapping(payload: PreviewBulkMappingPayload): Promise<ResultOf<'previewBulkMapping'>> {
  return callResolver('previewBulkMapping', payload);
}
