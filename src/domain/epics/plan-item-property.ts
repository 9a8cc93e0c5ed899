/**
 * The two Jira issue properties every issue created by the epic sync carries, set in the same create call:
 * - `sms-navigator-plan-item`: which plan, phase, process subset (process group) and clause the issue stands
 *   for. The app finds its own issues with one JQL search on `planId`, and reconciles on the rest.
 * - `sms-navigator-mapping`: the clause mapping used by the evidence features, so a child work item already
 *   counts as mapped to its clause (and to its phase).
 */
import { z } from 'zod';
import { processGroupIdSchema } from '../process-groups';
import { PHASE_ID_PATTERN } from '../planning/plan';

export { MAPPING_PROPERTY_KEY, PLAN_ITEM_PROPERTY_KEY } from '../issue-index';

/** Plan ids are slugs like phase ids ("main", "project-10000"): safe in JQL literals and property values. */
export const planIdSchema = z.string().min(1).max(80).regex(PHASE_ID_PATTERN, 'Plan ids are lowercase slugs.');
export const phaseIdSchema = z.string().min(1).max(80).regex(PHASE_ID_PATTERN, 'Phase ids are lowercase slugs.');

export const PLAN_ITEM_ROLES = ['epic', 'item'] as const;
export type PlanItemRole = (typeof PLAN_ITEM_ROLES)[number];

export const planItemPropertySchema = z
  .object({
    planId: planIdSchema,
    phaseId: phaseIdSchema,
    /** The process group (8.1 … 8.7) the subset is made of. */
    subsetId: processGroupIdSchema,
    /** The assessable clause of a work item; null on an epic. */
    clauseId: z.string().min(1).max(20).nullable(),
    role: z.enum(PLAN_ITEM_ROLES),
  })
  .refine((p) => (p.role === 'epic') === (p.clauseId === null), {
    message: 'An epic has no clause; a work item has exactly one.',
    path: ['clauseId'],
  });
export type PlanItemProperty = z.infer<typeof planItemPropertySchema>;

/** The clause mapping property (read leniently: other features may add fields). */
export const clauseMappingPropertySchema = z.looseObject({
  clauses: z.array(z.string()).default([]),
  kinds: z.array(z.string()).default([]),
  phases: z.array(z.string()).default([]),
});
export type ClauseMappingProperty = z.infer<typeof clauseMappingPropertySchema>;

/** Identity of an epic: one per (phase, process subset). */
export interface EpicRef {
  phaseId: string;
  subsetId: z.infer<typeof processGroupIdSchema>;
}

/** `phase/8.6` — phase ids are slugs, so the separators below never occur inside them. */
export const epicRefKey = (r: EpicRef): string => `${r.phaseId}/${r.subsetId}`;
/**
 * Identity of a work item: one per (phase, clause) — the clause fixes the subset. `phase:8.1`, distinct from
 * the epic key `phase/8.1` of the same phase (8.1 is both a process group and its only clause).
 */
export const itemRefKey = (phaseId: string, clauseId: string): string => `${phaseId}:${clauseId}`;
