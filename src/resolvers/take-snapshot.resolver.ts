import { z } from 'zod';
import type { TakeSnapshotPayload, TakeSnapshotResponse } from '../contract/assessment';
import { defineResolver } from './define-resolver';
import { toSnapshotsView } from './assessment-view';

/** Freezes the current levels under a label ("baseline", or the phase it closes); a label is used once. */
export const takeSnapshot = defineResolver({
  key: 'takeSnapshot',
  payload: z.object({ label: z.string().trim().min(1, 'Give the snapshot a label.').max(200) }) satisfies z.ZodType<TakeSnapshotPayload>,
  async handler(input, ctx): Promise<TakeSnapshotResponse> {
    const { assessment } = await ctx.deps.assessments.getAll(ctx.project.id);
    const record = await ctx.deps.snapshots.take(ctx.project.id, assessment, input.label, ctx.accountId);
    ctx.deps.log('info', 'snapshot taken', { projectId: ctx.project.id, snapshotId: record.snapshot.id });
    const records = await ctx.deps.snapshots.list(ctx.project.id);
    return toSnapshotsView(records, await ctx.deps.names(records.map((r) => r.takenBy)));
  },
});
