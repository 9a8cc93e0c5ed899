import { z } from 'zod';
import type { CompareSnapshotsPayload, CompareSnapshotsResponse } from '../contract/assessment';
import { compareSnapshots as compare } from '../domain/assessment';
import { defineResolver } from './define-resolver';

const snapshotId = z.string().regex(/^s[0-9TZ]+(?:-\d+)?$/, 'Expected a snapshot id.');

/** Level changes per unit (and per element) between two snapshots. */
export const compareSnapshots = defineResolver({
  key: 'compareSnapshots',
  payload: z.object({ fromId: snapshotId, toId: snapshotId }) satisfies z.ZodType<CompareSnapshotsPayload>,
  async handler(input, ctx): Promise<CompareSnapshotsResponse> {
    const [a, b] = await Promise.all([ctx.deps.snapshots.get(ctx.project.id, input.fromId), ctx.deps.snapshots.get(ctx.project.id, input.toId)]);
    return compare(a.snapshot, b.snapshot);
  },
});
