/**
 * The two long jobs of the audit cycle, as their resolvers start them (the steps are in
 * src/consumers/audit-cycle.consumer.ts): drawing an audit's sample (one id-only search per audited clause and
 * seven more, then one write) and publishing the management review pack (a paged search, then the page upsert).
 * Both run as the app after the resolver checked the user; the review's stored inputs (KPIs, risks) are read from
 * storage by the job.
 */
import { z } from 'zod';
import { type ReviewStoredInput } from './review-pack.service';
import { type KpiRow, kpiRows } from '../domain/evaluation';
import { confinedJqlOrNull } from '../jira/jql';
import type { InitiationRepository } from '../storage/initiation-repository';
import type { ScopeRepository } from '../storage/scope-repository';
import type { AssessmentRepository } from '../storage/assessment-repository';
import type { SnapshotRepository } from '../storage/snapshot-repository';
import type { NameLookup } from './user-names.service';
import { type ReviewMaturityChange, type ReviewScopeChange } from '../domain/audit';
import { diffScopes, formatScopeDiff } from '../domain/scope';
import { isProcessId, unitTitle } from '../domain/assessment/assessment-units';
import { unitSummary } from '../domain/assessment/unit-summary';
import { BASELINE_LABEL } from '../domain/assessment/snapshot';
import type { JobKind } from '../platform/job-runner';

export const AUDIT_SAMPLE_JOB_TYPE = 'audit-sample';
export const PUBLISH_REVIEW_JOB_TYPE = 'publish-review';

const isoDate = z.iso.date();

export const auditSampleJobInputSchema = z.object({
  projectId: z.string().min(1),
  projectKey: z.string().min(1),
  siteBaseUrl: z.string().min(1),
  auditKey: z.string().min(1),
  seed: z.string().min(1).max(64),
  asOf: z.iso.datetime({ offset: true }),
  sizes: z.record(z.string(), z.number().int().positive()),
});
export type AuditSampleJobInput = z.infer<typeof auditSampleJobInputSchema>;
export const AUDIT_SAMPLE_JOB: JobKind<AuditSampleJobInput> = { type: AUDIT_SAMPLE_JOB_TYPE, input: auditSampleJobInputSchema };

export const publishReviewJobInputSchema = z.object({
  projectId: z.string().min(1),
  projectKey: z.string().min(1),
  projectName: z.string(),
  siteBaseUrl: z.string().min(1),
  spaceKey: z.string().min(1),
  parentPageId: z.string().nullable(),
  reviewDate: isoDate,
  periodStart: isoDate,
});
export type PublishReviewJobInput = z.infer<typeof publishReviewJobInputSchema>;
export const PUBLISH_REVIEW_JOB: JobKind<PublishReviewJobInput> = { type: PUBLISH_REVIEW_JOB_TYPE, input: publishReviewJobInputSchema };

/** KPIs that speak for customers go to the pack's customer-satisfaction section (by their name). */
const SATISFACTION = /satisf|csat|complain|customer/i;

/** The review pack's inputs from storage: the KPIs (baseline → latest, JQL confined to the project) and the challenge register. */
export async function reviewStoredInput(
  stores: { initiationRecords: InitiationRepository; scopes: ScopeRepository; assessments: AssessmentRepository; snapshots: SnapshotRepository; names?: NameLookup },
  input: PublishReviewJobInput,
  generatedAt: string,
): Promise<ReviewStoredInput> {
  const { initiationRecords } = stores;
  const [initiation, risks, scopeChanges, maturity] = await Promise.all([
    initiationRecords.get(input.projectId),
    initiationRecords.challengeRowsForReport(input.projectId, stores.names),
    scopeChangesSince(stores.scopes, input.projectId, input.periodStart),
    maturityChange(stores.assessments, stores.snapshots, input.projectId),
  ]);
  const kpis: KpiRow[] = kpiRows(initiation.initiation.kpis, (k) => (k.source.kind === 'manual' ? null : confinedJqlOrNull(input.projectKey, k.source.jql)));
  return {
    projectKey: input.projectKey,
    projectName: input.projectName === '' ? input.projectKey : input.projectName,
    siteBaseUrl: input.siteBaseUrl,
    generatedAt,
    reviewDate: input.reviewDate,
    periodStart: input.periodStart,
    kpis,
    maturity,
    scopeChanges,
    risks: risks ?? [],
    customerSatisfactionKpiIds: kpis.filter((k) => SATISFACTION.test(k.name)).map((k) => k.kpiId),
  };
}

/** The scope versions saved since `periodStart`, each with what changed from the version before. */
async function scopeChangesSince(scopes: ScopeRepository, projectId: string, periodStart: string): Promise<ReviewScopeChange[]> {
  const recent = (await scopes.history(projectId)).filter((v) => v.at.slice(0, 10) >= periodStart).sort((a, b) => a.version - b.version);
  return Promise.all(
    recent.map(async (v): Promise<ReviewScopeChange> => {
      const current = await scopes.getVersion(projectId, v.version);
      const lines = v.version === 1 ? ['The first version of the scope was saved.'] : formatScopeDiff(diffScopes((await scopes.getVersion(projectId, v.version - 1)).scope, current.scope));
      return { version: v.version, at: v.at, lines: v.comment.trim() === '' ? lines : [...lines, `Reason: ${v.comment.trim()}`] };
    }),
  );
}

/** Each assessed process: its level at the baseline snapshot (or now, without one), now, and its target. */
async function maturityChange(assessments: AssessmentRepository, snapshots: SnapshotRepository, projectId: string): Promise<ReviewMaturityChange[]> {
  const [stored, taken] = await Promise.all([assessments.getAll(projectId), snapshots.list(projectId)]);
  const baseline = taken.find((s) => s.snapshot.label === BASELINE_LABEL)?.snapshot;
  return Object.entries(stored.assessment.units).flatMap(([unitId, unit]): ReviewMaturityChange[] => {
    if (!isProcessId(unitId) || unit === undefined) return [];
    const summary = unitSummary(unit);
    return [{ unitId, unitName: `${unitId} ${unitTitle(unitId)}`, from: baseline?.levels[unitId]?.level ?? summary.currentLevel, to: summary.currentLevel, target: summary.targetLevel }];
  });
}
