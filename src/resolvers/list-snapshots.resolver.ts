import { z } from 'zod';
import type { ListSnapshotsResponse } from '../contract/assessment';
import { defineResolver } from './define-resolver';
import { toSnapshotsView } from './assessment-view';

/** Every maturity snapshot, oldest first, with the trend of each unit across them. */
export const listSnapshots = defineResolver({
  key: 'listSnapshots',
  access: 'read',
  payload: z.object({}),
  async handler(_input, ctx): Promise<ListSnapshotsResponse> {
    return toSnapshotsView(await ctx.deps.snapshots.list(ctx.project.id));
  },
});
