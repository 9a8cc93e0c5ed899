import type { PreviewEpicSyncResponse, StartEpicSyncPayload } from '@contract/jobs';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function previewEpicSync(payload: Omit<StartEpicSyncPayload, 'close'>): Promise<ResolverResult<PreviewEpicSyncResponse>> {
  return callResolver<PreviewEpicSyncResponse>('previewEpicSync', { ...payload });
}
