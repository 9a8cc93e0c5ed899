import type { CompareSnapshotsPayload, CompareSnapshotsResponse } from '@contract/assessment';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function compareSnapshots(payload: CompareSnapshotsPayload): Promise<ResolverResult<CompareSnapshotsResponse>> {
  return callResolver<CompareSnapshotsResponse>('compareSnapshots', { ...payload });
}
