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
  async handler(input, ctx): Promise<ClauseRecordView> {
    const repo = ctx.deps.clauseRecords;
    // The name is looked up first and kept with the record, so the published page can name who set the result
    // without a lookup in the publish job.
    const people = await ctx.deps.names([ctx.accountId]);
    const r = await repo.set(
      ctx.project.id,
      input.clauseId,
      { result: input.result, ...(input.note !== undefined ? { note: input.note } : {}) },
      input.expectedVersion,
      ctx.accountId,
      people[ctx.accountId],
    );
    return { clauseId: r.clauseId, result: r.result, note: r.note, version: r.version, updatedAt: r.updatedAt, updatedBy: r.updatedBy, people };
  },
});
