import type { ListSnapshotsPayload, ListSnapshotsResponse } from '@contract/assessment';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function listSnapshots(payload: ListSnapshotsPayload = {}): Promise<ResolverResult<ListSnapshotsResponse>> {
  return callResolver<ListSnapshotsResponse>('listSnapshots', { ...payload });
}
