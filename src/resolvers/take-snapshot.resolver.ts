import { z } from 'zod';
import type { TakeSnapshotPayload, TakeSnapshotResponse } from '../contract/assessment';
import { defineResolver } from './define-resolver';

/** Freezes the current levels under a label ("baseline", or the phase it closes); a label is used once. */
export const takeSnapshot = defineResolver({
  key: 'takeSnapshot',
  payload: z.object({ label: z.string().trim().min(1, 'Give the snapshot a label.').max(200) }) satisfies z.ZodType<TakeSnapshotPayload>,
  handler: (input, ctx): Promise<TakeSnapshotResponse> => ctx.deps.assessment.takeSnapshot(ctx.project.id, ctx.accountId, input.label),
});
