import { z } from 'zod';
import type { CompareSnapshotsPayload, CompareSnapshotsResponse } from '../contract/assessment';
import { defineResolver } from './define-resolver';

const snapshotId = z.string().regex(/^s[0-9TZ]+(?:-\d+)?$/, 'Expected a snapshot id.');

/** Level changes per unit (and per element) between two snapshots. */
export const compareSnapshots = defineResolver({
  key: 'compareSnapshots',
  payload: z.object({ fromId: snapshotId, toId: snapshotId }) satisfies z.ZodType<CompareSnapshotsPayload>,
  handler: (input, ctx): Promise<CompareSnapshotsResponse> => ctx.deps.assessment.compare(ctx.project.id, input.fromId, input.toId),
});
