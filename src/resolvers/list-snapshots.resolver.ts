import { z } from 'zod';
import type { ListSnapshotsResponse } from '../contract/assessment';
import { defineResolver } from './define-resolver';
import { toSnapshotsView } from './assessment-view';

/** Every maturity snapshot, oldest first, with the trend of each unit across them. */
export const listSnapshots = defineResolver({
  key: 'listSnapshots',
  payload: z.object({}),
  async handler(_input, ctx): Promise<ListSnapshotsResponse> {
    const records = await ctx.deps.snapshots.list(ctx.project.id);
    return toSnapshotsView(records, await ctx.deps.names(records.map((r) => r.takenBy)));
  },
});
