import type { TakeSnapshotPayload, TakeSnapshotResponse } from '@contract/assessment';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function takeSnapshot(payload: TakeSnapshotPayload): Promise<ResolverResult<TakeSnapshotResponse>> {
  return callResolver<TakeSnapshotResponse>('takeSnapshot', { ...payload });
}
