/**
 * The Initiation aggregate of a project (TS 20000-5 5.3 and 5.4): business case, baseline findings, KPIs,
 * target state, plan checklist and challenge register, plus where the business case was last published.
 * Stored as one record (small enough for one value; the repository checks the size).
 */
import { z } from 'zod';
import { parseValid } from '../errors';
import { baselineFindingsSchema } from './baseline';
import { businessCaseSchema, emptyBusinessCase } from './business-case';
import { challengeRegisterSchema, defaultChallengeRegister } from './challenge-register';
import { kpiListSchema } from './kpi';
import { planChecklistStateSchema } from './plan-checklist';
import { emptyTargetState, targetStateSchema } from './target-state';

export const INITIATION_SCHEMA_VERSION = 1;

export const publishedPageSchema = z.object({
  pageId: z.string().min(1).max(40),
  spaceKey: z.string().min(1).max(255),
  title: z.string().min(1).max(255),
  /** Relative link to the page view, e.g. /wiki/spaces/SMS/pages/123. */
  url: z.string().min(1).max(1000),
  version: z.number().int().positive(),
  publishedAt: z.iso.datetime({ offset: true }),
  publishedBy: z.string().min(1).max(128),
});
export type PublishedPage = z.infer<typeof publishedPageSchema>;

export const initiationSchema = z.object({
  businessCase: businessCaseSchema,
  baselineFindings: baselineFindingsSchema,
  kpis: kpiListSchema,
  targetState: targetStateSchema,
  planChecklist: planChecklistStateSchema,
  challengeRegister: challengeRegisterSchema,
  published: publishedPageSchema.nullable(),
});
export type Initiation = z.infer<typeof initiationSchema>;

/** The initiation data after a change: VALIDATION_FAILED (the first 10 issues) when the change breaks the schema. */
export const validInitiation = (next: Initiation): Initiation =>
  parseValid(initiationSchema, next, 'The change would leave the initiation data invalid.', { maxIssues: 10 });

export function emptyInitiation(): Initiation {
  return {
    businessCase: emptyBusinessCase(),
    baselineFindings: {},
    kpis: [],
    targetState: emptyTargetState(),
    planChecklist: {},
    challengeRegister: defaultChallengeRegister(),
    published: null,
  };
}
