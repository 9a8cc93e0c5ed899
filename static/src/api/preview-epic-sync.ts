import type { PreviewEpicSyncPayload } from '@contract/jobs';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function previewEpicSync(payload: PreviewEpicSyncPayload): Promise<ResultOf<'previewEpicSync'>> {
  return callResolver('previewEpicSync', { ...payload });
}
