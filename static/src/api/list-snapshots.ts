import type { ListSnapshotsPayload } from '@contract/assessment';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function listSnapshots(payload: ListSnapshotsPayload = {}): Promise<ResultOf<'listSnapshots'>> {
  return callResolver('listSnapshots', payload);
}
