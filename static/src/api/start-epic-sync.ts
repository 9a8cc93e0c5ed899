import type { StartEpicSyncPayload, StartEpicSyncResponse } from '@contract/jobs';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function startEpicSync(payload: StartEpicSyncPayload): Promise<ResolverResult<StartEpicSyncResponse>> {
  return callResolver<StartEpicSyncResponse>('startEpicSync', { ...payload });
}
