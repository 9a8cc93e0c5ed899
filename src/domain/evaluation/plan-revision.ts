/**
 * Plan history (TS 20000-5 5.6): when an evaluation leads to a revised plan, the reason is kept with the revision.
 * Each saved plan version after the first is a revision; it needs a reason, and it lists which phases were
 * added, removed or changed, so the history reads without comparing plans by hand.
 */
import { z } from 'zod';
import { ValidationError } from '../errors';
import { type Phase, type Plan } from '../planning/plan';

export const MAX_PLAN_REVISIONS = 100;

export const planRevisionSchema = z.object({
  /** The plan version this revision produced. */
  version: z.number().int().positive(),
  at: z.iso.datetime({ offset: true }),
  by: z.string().min(1).max(128),
  reason: z.string().trim().min(1).max(2000),
  /** The phase evaluation that led to it, when one did (phase id). */
  fromEvaluationOf: z.string().min(1).max(80).nullable(),
  added: z.array(z.string()).max(30),
  removed: z.array(z.string()).max(30),
  changed: z.array(z.string()).max(30),
});
export type PlanRevision = z.infer<typeof planRevisionSchema>;

export const planHistorySchema = z.array(planRevisionSchema).max(MAX_PLAN_REVISIONS);
export type PlanHistory = z.infer<typeof planHistorySchema>;

const samePhase = (a: Phase, b: Phase): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Phase ids added, removed and changed from `before` to `after` (in `after`'s, then `before`'s order). */
export function phaseChanges(before: Pick<Plan, 'phases'>, after: Pick<Plan, 'phases'>): Pick<PlanRevision, 'added' | 'removed' | 'changed'> {
  const old = new Map(before.phases.map((p) => [p.id, p] as const));
  const now = new Set(after.phases.map((p) => p.id));
  return {
    added: after.phases.filter((p) => !old.has(p.id)).map((p) => p.id),
    removed: before.phases.filter((p) => !now.has(p.id)).map((p) => p.id),
    changed: after.phases.filter((p) => {
      const was = old.get(p.id);
      return was !== undefined && !samePhase(was, p);
    }).map((p) => p.id),
  };
}

export interface RevisionInput {
  before: Pick<Plan, 'phases'>;
  after: Pick<Plan, 'phases'>;
  version: number;
  at: string;
  by: string;
  reason: string;
  fromEvaluationOf?: string | null;
}

/**
 * The history with the revision appended (the oldest dropped beyond MAX_PLAN_REVISIONS). A revision without a
 * reason is refused (VALIDATION_FAILED on `reason`).
 */
export function recordRevision(history: readonly PlanRevision[], input: RevisionInput): PlanRevision[] {
  const reason = input.reason.trim();
  if (reason === '') {
    throw new ValidationError('Say why the plan is revised: the reason is kept in the plan history.', { issues: [{ path: 'reason', message: 'A revision needs a reason.' }] });
  }
  const revision = planRevisionSchema.parse({
    version: input.version,
    at: input.at,
    by: input.by,
    reason,
    fromEvaluationOf: input.fromEvaluationOf ?? null,
    ...phaseChanges(input.before, input.after),
  });
  return [...history, revision].slice(-MAX_PLAN_REVISIONS);
}
