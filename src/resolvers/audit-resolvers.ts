/**
 * The audit cycle's resolvers (Audit and Management review views). Jira writes run as the user (the user's own
 * Create/Link/Transition/Edit permissions apply, and are asked in the access check first); the two long jobs
 * (the sample, the review pack) run as the app after the checks here. Every create is idempotent by its request id
 * (AuditCycleService).
 */
import { z } from 'zod';
import type {
  ActionChangeResponse,
  AuditProgrammeView,
  AuditView,
  CertificationReadinessView,
  CorrectiveActionView,
  CreatedIssueResponse,
  FindingRowView,
  NonconformityView,
  ProcessOwnerView,
  StartJobResponse,
} from '../contract/audit';
import {
  NONCONFORMITY_STAGE_LABELS,
  type ProcessOwner,
  AUDIT_LABEL,
  REVIEW_ACTION_LABEL,
  assertAuditorIndependent,
  assertSampleSizesFit,
  auditedClauses,
  certificationReadiness,
  countNonconformities,
  createCorrectiveActionRequestSchema,
  isNonconformityGrade,
  nonconformityState,
  planAuditRequestSchema,
  processOwnerSchema,
  recordFindingRequestSchema,
  recordReviewOutputRequestSchema,
  sampleRequestSchema,
  verifyCorrectiveActionRequestSchema,
} from '../domain/audit';
import { PROCESS_IDS, unitTitle } from '../domain/assessment/assessment-units';
import { CLAUSES, getClause } from '../domain/catalogue/catalogue';
import { ValidationError } from '../domain/errors';
import { andJql, labelsJql, keyListFigure, projectJql } from '../domain/traced-figure';
import { FINDING_GRADE_LABELS } from '../domain/vocabulary';
import { lifecycleInputs, type CycleIssue } from '../services/audit-cycle.service';
import { AUDIT_SAMPLE_JOB, AUDIT_SAMPLE_JOB_TYPE, PUBLISH_REVIEW_JOB, PUBLISH_REVIEW_JOB_TYPE } from '../services/audit-jobs';
import { publishTarget, requireParentPage, requireSpace } from '../services/confluence-page.service';
import type { AnyResolverDefinition } from './define-resolver';
import { type ResolverContext, defineResolver, trustedSiteUrl } from './define-resolver';

const CREATE = { CREATE_ISSUES: (k: string) => `You cannot create issues in project ${k}, so the app cannot record this in Jira for you.` };
const LINK = { LINK_ISSUES: (k: string) => `You cannot link issues in project ${k}; the app links findings to their audit and actions to their nonconformity.` };
const today = (now: Date): string => now.toISOString().slice(0, 10);

function ownerRows(owners: readonly ProcessOwner[]): ProcessOwnerView[] {
  const byUnit = new Map(owners.map((o) => [o.unitId, o.owner] as const));
  return [
    { unitId: 'sms', title: 'The SMS as a whole (clauses 4–7, 9, 10)', owner: byUnit.get('sms') ?? null },
    ...PROCESS_IDS.map((id) => ({ unitId: id, title: `${id} ${unitTitle(id)}`, owner: byUnit.get(id) ?? null })),
  ];
}

const sampleViewSchema = z.object({ seed: z.string(), asOf: z.string(), sizes: z.record(z.string(), z.number()), clauses: z.record(z.string(), z.array(z.string())) });

function findingRow(i: CycleIssue, audits: ReadonlySet<string>): FindingRowView | undefined {
  if (i.grade === undefined) return undefined;
  return {
    issueKey: i.issueKey,
    summary: i.summary,
    grade: i.grade,
    gradeTitle: FINDING_GRADE_LABELS[i.grade],
    clauses: i.clauses,
    auditKey: i.findingAuditKey ?? i.linkedKeys.find((k) => audits.has(k)) ?? null,
    statusCategory: i.statusCategory,
  };
}

/** The programme view from the cycle's issues (pure apart from the inputs). */
export function programmeView(projectKey: string, issues: readonly CycleIssue[], stored: { version: number; owners: ProcessOwner[]; reviews: AuditProgrammeView['reviews'] }, now: Date, people: Record<string, string>): AuditProgrammeView {
  const day = today(now);
  const auditIssues = issues.filter((i) => i.labels.some((l) => l.toLowerCase() === AUDIT_LABEL));
  const auditKeys = new Set(auditIssues.map((i) => i.issueKey));
  const audits: AuditView[] = auditIssues.map((a) => {
    const sample = sampleViewSchema.safeParse(a.sample);
    return {
      auditKey: a.issueKey,
      summary: a.summary,
      statusCategory: a.statusCategory,
      plan: a.plan,
      clauses: a.plan === null ? [] : auditedClauses(a.plan.scope).map((id) => ({ clauseId: id, title: getClause(id)?.title ?? id })),
      sample: sample.success ? sample.data : null,
      findingKeys: issues.filter((i) => i.grade !== undefined && (i.findingAuditKey === a.issueKey || i.linkedKeys.includes(a.issueKey))).map((i) => i.issueKey),
    };
  });
  const { nonconformities, actions, incompleteActionKeys } = lifecycleInputs(issues);
  const actionView = (a: (typeof actions)[number]): CorrectiveActionView => ({
    issueKey: a.issueKey,
    nonconformityKey: a.nonconformityKey,
    rootCause: a.rootCause,
    action: a.action,
    dueDate: a.dueDate,
    statusCategory: a.statusCategory,
    verification: a.verification,
    overdue: a.verification === null && a.dueDate < day,
  });
  const ncViews: NonconformityView[] = nonconformities.flatMap((nc) => {
    const issue = issues.find((i) => i.issueKey === nc.issueKey);
    const row = issue === undefined ? undefined : findingRow(issue, auditKeys);
    if (row === undefined) return [];
    const state = nonconformityState(nc, actions, day);
    return [{ ...row, stage: state.stage, stageTitle: NONCONFORMITY_STAGE_LABELS[state.stage], open: state.open, actions: state.actions.map(actionView) }];
  });
  const otherFindings = issues.flatMap((i) => (isNonconformityGrade(i.grade) ? [] : (findingRow(i, auditKeys) ?? [])));
  const counts = countNonconformities(projectKey, nonconformities, actions, day);
  const auditJql = andJql(projectJql(projectKey), labelsJql([AUDIT_LABEL]));
  return {
    version: stored.version,
    today: day,
    owners: ownerRows(stored.owners),
    scopeOptions: {
      processes: PROCESS_IDS.map((id) => ({ id, title: unitTitle(id) })),
      clauses: CLAUSES.filter((c) => c.depth === 2 && !c.id.startsWith('8.')).map((c) => ({ id: c.id, title: c.title })),
    },
    audits,
    nonconformities: ncViews,
    otherFindings,
    incompleteActionKeys,
    reviewOutputs: issues.filter((i) => i.labels.some((l) => l.toLowerCase() === REVIEW_ACTION_LABEL)).map((i) => ({ issueKey: i.issueKey, summary: i.summary, statusCategory: i.statusCategory })),
    reviews: stored.reviews,
    figures: { audits: keyListFigure('Audits planned', projectKey, audits.map((a) => a.auditKey), auditJql), ...counts },
    people,
  };
}

/** The programme as the user sees it: one search as the user, the stored owners, display names. */
async function loadProgramme(ctx: ResolverContext): Promise<AuditProgrammeView> {
  const { deps, project } = ctx;
  const [issues, stored] = await Promise.all([deps.auditCycle.readProgramme(project.key), deps.audits.get(project.id)]);
  const ids = [...new Set([...stored.owners.map((o) => o.owner), ...issues.flatMap((i) => (i.plan === null ? [] : [i.plan.auditor])), ...issues.flatMap((i) => (i.action?.verification ? [i.action.verification.verifiedBy] : []))])];
  const people = ids.length === 0 ? {} : await deps.names(ids);
  return programmeView(project.key, issues, stored, deps.now(), people);
}

export const getAuditProgramme = defineResolver({
  key: 'getAuditProgramme',
  payload: z.object({}),
  handler: (_input, ctx): Promise<AuditProgrammeView> => loadProgramme(ctx),
});

export const saveProcessOwners = defineResolver({
  key: 'saveProcessOwners',
  payload: z.object({
    version: z.number().int().nonnegative(),
    owners: z.array(z.object({ unitId: z.string().pipe(processOwnerSchema.shape.unitId), owner: processOwnerSchema.shape.owner })).max(PROCESS_IDS.length + 1),
  }),
  async handler(input, ctx): Promise<AuditProgrammeView> {
    const { deps, project } = ctx;
    await deps.audits.saveOwners(project.id, input.version, input.owners, ctx.accountId);
    return loadProgramme(ctx);
  },
});

export const planAudit = defineResolver({
  key: 'planAudit',
  requires: CREATE,
  payload: planAuditRequestSchema,
  async handler(input, ctx): Promise<CreatedIssueResponse> {
    const { deps, project } = ctx;
    const { owners } = await deps.audits.get(project.id);
    // planAudit refuses before anything is written when the auditor audits their own work.
    const r = await deps.auditCycle.planAudit(project, input, owners);
    return { issueKey: r.issueKey, created: r.created };
  },
});

export const startAuditSample = defineResolver({
  key: 'startAuditSample',
  payload: z.object({ auditKey: z.string().regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/), seed: z.string(), sizes: z.record(z.string(), z.number()) }),
  async handler(input, ctx): Promise<StartJobResponse> {
    const { deps, project, accountId } = ctx;
    const siteBaseUrl = trustedSiteUrl(ctx);
    const request = sampleRequestSchema.parse({ seed: input.seed, asOf: deps.now().toISOString(), sizes: input.sizes });
    // As the user: the audit must be an issue they can see, of this project, planned by the app.
    const audit = await deps.auditCycle.readAudit(input.auditKey);
    if (!input.auditKey.startsWith(`${project.key}-`)) throw new ValidationError(`${input.auditKey} is not an issue of project ${project.key}.`);
    const { owners } = await deps.audits.get(project.id);
    assertAuditorIndependent(audit.plan, owners);
    assertSampleSizesFit(audit.plan.scope, request.sizes);
    const started = await deps.jobs.start(AUDIT_SAMPLE_JOB, {
      // One sample at a time per project (job status and history are per project).
      scope: project.id,
      accountId,
      input: { projectId: project.id, projectKey: project.key, siteBaseUrl, auditKey: input.auditKey, seed: request.seed, asOf: request.asOf, sizes: request.sizes },
      title: `Draw the audit sample of ${input.auditKey}`,
      total: 1,
    });
    return { jobId: started.jobId, alreadyRunning: started.alreadyRunning };
  },
});

export const recordFinding = defineResolver({
  key: 'recordFinding',
  requires: { ...CREATE, ...LINK },
  payload: recordFindingRequestSchema,
  async handler(input, ctx): Promise<CreatedIssueResponse> {
    return ctx.deps.auditCycle.recordFinding(ctx.project, trustedSiteUrl(ctx), input);
  },
});

export const createCorrectiveAction = defineResolver({
  key: 'createCorrectiveAction',
  requires: { ...CREATE, ...LINK },
  payload: createCorrectiveActionRequestSchema,
  async handler(input, ctx): Promise<CreatedIssueResponse> {
    return ctx.deps.auditCycle.createCorrectiveAction(ctx.project, input);
  },
});

export const completeCorrectiveAction = defineResolver({
  key: 'completeCorrectiveAction',
  requires: { TRANSITION_ISSUES: (k: string) => `You cannot transition issues in project ${k}.` },
  payload: z.object({ actionKey: z.string().regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/) }),
  async handler(input, ctx): Promise<ActionChangeResponse> {
    const r = await ctx.deps.auditCycle.completeCorrectiveAction(input.actionKey);
    return { actionKey: input.actionKey, changed: r.changed };
  },
});

export const verifyCorrectiveAction = defineResolver({
  key: 'verifyCorrectiveAction',
  requires: { EDIT_ISSUES: (k: string) => `You cannot edit issues in project ${k}; the verification is kept on the action's issue.` },
  payload: verifyCorrectiveActionRequestSchema,
  async handler(input, ctx): Promise<ActionChangeResponse> {
    const r = await ctx.deps.auditCycle.verifyCorrectiveAction(input, ctx.accountId);
    return { actionKey: input.actionKey, changed: r.changed };
  },
});

/** Most issues the readiness reads for its clause evidence (as the gap report view). */
const READINESS_MAX_ISSUES = 10_000;

export const getCertificationReadiness = defineResolver({
  key: 'getCertificationReadiness',
  payload: z.object({ targetAuditDate: z.iso.date() }),
  async handler(input, ctx): Promise<CertificationReadinessView> {
    const { deps, project } = ctx;
    const [data, issues] = await Promise.all([
      deps.gapReport.collect(project.id, { as: 'user', maxIssues: READINESS_MAX_ISSUES, deadline: Date.now() + 15_000 }),
      deps.auditCycle.readProgramme(project.key),
    ]);
    const analysis = deps.gapReport.analyse(data);
    const { nonconformities, actions } = lifecycleInputs(issues);
    const readiness = certificationReadiness({ projectKey: project.key, today: today(deps.now()), targetAuditDate: input.targetAuditDate, clauses: analysis.clauses, nonconformities, actions });
    return { ...readiness, truncated: data.truncated };
  },
});

export const startPublishReview = defineResolver({
  key: 'startPublishReview',
  payload: z.object({ reviewDate: z.iso.date(), periodStart: z.iso.date() }),
  async handler(input, ctx): Promise<StartJobResponse> {
    const { deps, project, accountId } = ctx;
    await deps.confluence.requireConnected();
    const siteBaseUrl = trustedSiteUrl(ctx);
    if (input.periodStart > input.reviewDate) throw new ValidationError('The period starts after the review date.', { issues: [{ path: 'periodStart', message: 'After the review date.' }] });
    const target = publishTarget(await deps.settings.get(project.id), project.key);
    const space = await requireSpace(deps.confluence, target.spaceKey, 'user');
    if (target.parentPageId !== null) await requireParentPage(deps.confluence, target.parentPageId, space, 'user');
    const started = await deps.jobs.start(PUBLISH_REVIEW_JOB, {
      scope: project.id,
      accountId,
      input: { projectId: project.id, projectKey: project.key, projectName: '', siteBaseUrl, spaceKey: space.key, parentPageId: target.parentPageId, reviewDate: input.reviewDate, periodStart: input.periodStart },
      title: `Publish the management review pack of ${input.reviewDate} to Confluence space ${space.key}`,
      total: 1,
    });
    return { jobId: started.jobId, alreadyRunning: started.alreadyRunning };
  },
});

export const recordReviewOutput = defineResolver({
  key: 'recordReviewOutput',
  requires: CREATE,
  payload: recordReviewOutputRequestSchema,
  async handler(input, ctx): Promise<CreatedIssueResponse> {
    const { deps, project } = ctx;
    const review = (await deps.audits.get(project.id)).reviews.find((r) => r.reviewDate === input.reviewDate);
    const page = review === undefined ? null : { pageId: review.pageId, url: `${trustedSiteUrl(ctx)}${review.pagePath}` };
    return deps.auditCycle.recordReviewOutput(project, input, page);
  },
});

export { AUDIT_SAMPLE_JOB_TYPE, PUBLISH_REVIEW_JOB_TYPE };

export const AUDIT_RESOLVERS: readonly AnyResolverDefinition[] = [
  getAuditProgramme,
  saveProcessOwners,
  planAudit,
  startAuditSample,
  recordFinding,
  createCorrectiveAction,
  completeCorrectiveAction,
  verifyCorrectiveAction,
  getCertificationReadiness,
  startPublishReview,
  recordReviewOutput,
] as AnyResolverDefinition[];
