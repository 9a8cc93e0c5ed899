import { z } from 'zod';
import type { ListSnapshotsResponse } from '../contract/assessment';
import { defineResolver } from './define-resolver';

/** Every maturity snapshot, oldest first, with the trend of each unit across them. */
export const listSnapshots = defineResolver({
  key: 'listSnapshots',
  payload: z.object({}),
  handler: (_input, ctx): Promise<ListSnapshotsResponse> => ctx.deps.assessment.snapshots(ctx.project.id),
});
