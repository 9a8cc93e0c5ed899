import { z } from 'zod';
import type { ClauseRecordView } from '../contract/gap-report';
import { conformityResultSchema } from '../domain/vocabulary-schemas';
import { CLAUSE_NOTE_MAX } from '../domain/gap/clause-record';
import { defineResolver } from './define-resolver';

export const setClauseResultPayloadSchema = z.object({
  clauseId: z.string().min(1).max(20),
  /** null clears the user's result: the app proposes one from evidence again. */
  result: conformityResultSchema.nullable(),
  note: z.string().max(CLAUSE_NOTE_MAX).optional(),
  expectedVersion: z.number().int().nonnegative(),
});

/** Sets (or clears) the conformity result of one clause. Write access; CONFLICT when someone saved it first. */
export const setClauseResult = defineResolver({
  key: 'setClauseResult',
  payload: setClauseResultPayloadSchema,
  handler: (input, ctx): Promise<ClauseRecordView> => ctx.deps.gapReportViews.setClauseResult(ctx.project.id, ctx.accountId, input),
});
