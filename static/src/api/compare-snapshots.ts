import type { CompareSnapshotsPayload } from '@contract/assessment';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function compareSnapshots(payload: CompareSnapshotsPayload): Promise<ResultOf<'compareSnapshots'>> {
  return callResolver('compareSnapshots', payload);
}
