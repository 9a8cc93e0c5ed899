import type { StartEpicSyncPayload } from '@contract/jobs';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function startEpicSync(payload: StartEpicSyncPayload): Promise<ResultOf<'startEpicSync'>> {
  return callResolver('startEpicSync', payload);
}
