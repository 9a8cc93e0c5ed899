import type { TakeSnapshotPayload } from '@contract/assessment';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function takeSnapshot(payload: TakeSnapshotPayload): Promise<ResultOf<'takeSnapshot'>> {
  return callResolver('takeSnapshot', payload);
}
