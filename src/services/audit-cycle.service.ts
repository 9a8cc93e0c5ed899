/**
 * The audit cycle in Jira, as the user: audits planned as issues, findings recorded from an audit, corrective
 * actions opened, completed and verified, management review decisions recorded, and the programme read back.
 *
 * Idempotent writes: every create carries the request id the UI chose (REQUEST_PROPERTY_KEY, indexed as
 * `smsRequest`); the service first searches for it and, when an earlier run created the issue, finishes what that
 * run may not have (the links) instead of creating a second issue. Links are re-posted safely (Jira keeps one link
 * of a type between two issues). Verifications read the action's record first and write nothing when it already
 * says the same.
 *
 * Product calls: plan = 1 search + 1 issue-type read + 1 create; finding = 1 read of the audit + 1 search +
 * 1 type read + 1 create + 1 link; corrective action = 1 read of the nonconformity + 1 search + 1 type read +
 * 1 create + 1 link; verify = 1 read + 1 write (+ 1 write on the nonconformity when effective); the programme =
 * one paged search (reviewSearchJql) with the five properties it needs.
 */
import { z } from 'zod';
import {
  AUDIT_LABEL,
  AUDIT_PLAN_PROPERTY_KEY,
  CORRECTIVE_ACTION_PROPERTY_KEY,
  FINDING_PROPERTY_KEY,
  NC_CLOSURE_PROPERTY_KEY,
  CORRECTIVE_ACTION_LABEL,
  REVIEW_OUTPUT_PROPERTY_KEY,
  type AuditPlan,
  type CorrectiveAction,
  type CycleIssue,
  type CreateCorrectiveActionRequest,
  type PlanAuditRequest,
  type ProcessOwner,
  type RecordFindingRequest,
  type RecordReviewOutputRequest,
  type VerifyCorrectiveActionRequest,
  assertAuditorIndependent,
  auditIssueFields,
  auditPlanSchema,
  correctiveActionIssueFields,
  correctiveActionRecordSchema,
  findingClauseInScope,
  findingIssueFields,
  isNonconformityGrade,
  ncClosureSchema,
  requestPropertyValue,
  reviewOutputIssueFields,
  reviewSearchJql,
} from '../domain/audit';
import { ConflictError, ValidationError } from '../domain/errors';
import { findingGradeOfLabels, statusCategoryOf } from '../domain/gap';
import { REQUEST_PROPERTY_KEY, requestIssueJql } from '../domain/issue-index';
import { DEFAULT_EVIDENCE_KIND, MAPPING_PROPERTY_KEY, readMapping, toPropertyValue } from '../domain/mapping/mapping-property';
import type { JiraClient, JiraIssue, JiraIssueType } from '../jira/jira-client';
import { AUDIT_SAMPLE_PROPERTY_KEY } from './audit-sampling.service';
import { assertValidAdf } from './adf-validation';

/** The link type the app uses between an audit and its findings, and a nonconformity and its actions. */
export const AUDIT_LINK_TYPE = 'Relates';
const PAGE_SIZE = 100;
const FIELDS = ['summary', 'status', 'labels', 'created', 'issuelinks', 'duedate'];
const PROPERTIES = [MAPPING_PROPERTY_KEY, AUDIT_PLAN_PROPERTY_KEY, AUDIT_SAMPLE_PROPERTY_KEY, CORRECTIVE_ACTION_PROPERTY_KEY, FINDING_PROPERTY_KEY];

export interface CreatedIssue {
  issueKey: string;
  created: boolean;
}

/** A change to a corrective action's issue; `changed` false when it already was in that state (nothing written). */
export interface ActionChange {
  actionKey: string;
  changed: boolean;
}

const fieldsSchema = z.looseObject({
  summary: z.string().catch(''),
  labels: z.array(z.string()).catch([]).optional(),
  created: z.string().catch('').optional(),
  status: z.looseObject({ statusCategory: z.looseObject({ key: z.string() }).optional() }).nullable().optional().catch(undefined),
  issuelinks: z.array(z.unknown()).catch([]).optional(),
});

function linkedKeys(links: readonly unknown[]): string[] {
  return links.flatMap((l) => {
    const link = z.looseObject({ inwardIssue: z.looseObject({ key: z.string() }).optional(), outwardIssue: z.looseObject({ key: z.string() }).optional() }).safeParse(l);
    if (!link.success) return [];
    const key = link.data.inwardIssue?.key ?? link.data.outwardIssue?.key;
    return key === undefined ? [] : [key];
  });
}

const hasLabel = (labels: readonly string[], label: string): boolean => labels.some((l) => l.trim().toLowerCase() === label);

export function readCycleIssue(issue: JiraIssue): CycleIssue {
  const f = fieldsSchema.parse(issue.fields);
  const labels = f.labels ?? [];
  const statusCategory = statusCategoryOf(f.status?.statusCategory?.key);
  const plan = auditPlanSchema.safeParse(issue.properties[AUDIT_PLAN_PROPERTY_KEY]);
  const isAction = hasLabel(labels, CORRECTIVE_ACTION_LABEL);
  const record = correctiveActionRecordSchema.safeParse(issue.properties[CORRECTIVE_ACTION_PROPERTY_KEY]);
  const finding = z.object({ auditKey: z.string() }).safeParse(issue.properties[FINDING_PROPERTY_KEY]);
  return {
    issueKey: issue.key,
    summary: f.summary,
    labels,
    statusCategory,
    created: f.created ?? '',
    linkedKeys: linkedKeys(f.issuelinks ?? []),
    clauses: readMapping(issue.properties[MAPPING_PROPERTY_KEY]).mapped.map((m) => m.clauseId),
    grade: findingGradeOfLabels(labels),
    plan: hasLabel(labels, AUDIT_LABEL) && plan.success ? plan.data : null,
    sample: issue.properties[AUDIT_SAMPLE_PROPERTY_KEY],
    action: isAction && record.success ? { ...record.data, issueKey: issue.key, statusCategory } : null,
    actionIncomplete: isAction && !record.success,
    findingAuditKey: finding.success ? finding.data.auditKey : null,
  };
}

/** A standard (level 0, not sub-task) issue type: "Task" when the project has one. */
export function standardIssueType(types: readonly JiraIssueType[]): JiraIssueType {
  const standard = types.filter((t) => t.hierarchyLevel === 0 && !t.subtask);
  const chosen = standard.find((t) => t.name.toLowerCase() === 'task') ?? [...standard].sort((a, b) => Number(a.id) - Number(b.id))[0];
  if (chosen === undefined) throw new ValidationError('This project has no standard issue type (such as Task) to record the audit cycle in.');
  return chosen;
}

export interface AuditCycleServiceDeps {
  jira: JiraClient;
  now: () => Date;
}

export class AuditCycleService {
  constructor(
    private readonly deps: AuditCycleServiceDeps,
    private readonly opts: { as: 'user' | 'app' },
  ) {}

  private get call(): { as: 'user' | 'app' } {
    return { as: this.opts.as };
  }

  /** The issue an earlier run of the same request created, if any. */
  async findByRequest(projectKey: string, requestId: string): Promise<string | undefined> {
    const page = await this.deps.jira.searchJql(requestIssueJql(projectKey, requestId), { ...this.call, fields: ['summary'], maxResults: 1 });
    return page.issues[0]?.key;
  }

  private async createOnce(
    project: { id: string; key: string },
    requestId: string,
    build: (type: JiraIssueType) => { fields: Record<string, unknown>; properties: { key: string; value: unknown }[] },
  ): Promise<CreatedIssue> {
    const found = await this.findByRequest(project.key, requestId);
    if (found !== undefined) return { issueKey: found, created: false };
    const type = standardIssueType(await this.deps.jira.getIssueTypesForProject(project.id, this.call));
    const body = build(type);
    const created = await this.deps.jira.createIssue(
      { fields: { project: { id: project.id }, issuetype: { id: type.id }, ...body.fields }, properties: [...body.properties, { key: REQUEST_PROPERTY_KEY, value: requestPropertyValue(requestId) }] },
      this.call,
    );
    return { issueKey: created.key, created: true };
  }

  private async link(inwardKey: string, outwardKey: string): Promise<void> {
    await this.deps.jira.createIssueLink({ type: { name: AUDIT_LINK_TYPE }, inwardIssue: { key: inwardKey }, outwardIssue: { key: outwardKey } }, this.call);
  }

  private async readIssue(key: string): Promise<CycleIssue> {
    return readCycleIssue(await this.deps.jira.getIssue(key, { ...this.call, fields: FIELDS, properties: PROPERTIES }));
  }

  /** Plans an audit: refused (AuditorNotIndependentError) before any call when the auditor owns an audited unit. */
  async planAudit(project: { id: string; key: string }, req: PlanAuditRequest, owners: readonly ProcessOwner[]): Promise<CreatedIssue> {
    assertAuditorIndependent(req.plan, owners);
    const fields = auditIssueFields(req.plan);
    assertValidAdf(fields.description, 'The audit description');
    return this.createOnce(project, req.requestId, () => ({
      fields: { summary: fields.summary, labels: fields.labels, description: fields.description },
      properties: [{ key: AUDIT_PLAN_PROPERTY_KEY, value: req.plan }],
    }));
  }

  /** Reads an audit issue of the project; NOT_FOUND / VALIDATION_FAILED when it is not one. */
  async readAudit(auditKey: string): Promise<CycleIssue & { plan: AuditPlan }> {
    const audit = await this.readIssue(auditKey);
    if (audit.plan === null) throw new ValidationError(`${auditKey} is not an audit planned by SMS Navigator (no audit plan on the issue).`);
    return { ...audit, plan: audit.plan };
  }

  /** Records a finding from an audit: graded by label, mapped to the clause, linked to the audit. */
  async recordFinding(project: { id: string; key: string }, siteBaseUrl: string, req: RecordFindingRequest): Promise<CreatedIssue> {
    const audit = await this.readAudit(req.auditKey);
    if (!findingClauseInScope(audit.plan, req.clauseId)) {
      throw new ValidationError(`Clause ${req.clauseId} is not in the scope of audit ${req.auditKey}.`, { issues: [{ path: 'clauseId', message: 'Not in the audit scope.' }] });
    }
    const fields = findingIssueFields(siteBaseUrl, req);
    assertValidAdf(fields.description, 'The finding description');
    const result = await this.createOnce(project, req.requestId, () => ({
      fields: { summary: fields.summary, labels: fields.labels, description: fields.description },
      properties: [
        { key: MAPPING_PROPERTY_KEY, value: toPropertyValue([{ clauseId: req.clauseId, kind: DEFAULT_EVIDENCE_KIND }], []) },
        { key: FINDING_PROPERTY_KEY, value: { auditKey: req.auditKey, clauseId: req.clauseId } },
      ],
    }));
    await this.link(result.issueKey, req.auditKey);
    return result;
  }

  /** Opens a corrective action on a nonconformity (record on the issue, verification empty), linked to it. */
  async createCorrectiveAction(project: { id: string; key: string }, req: CreateCorrectiveActionRequest): Promise<CreatedIssue> {
    const nc = await this.readIssue(req.nonconformityKey);
    if (!isNonconformityGrade(nc.grade)) throw new ValidationError(`${req.nonconformityKey} is not a nonconformity (it has no major or minor nonconformity label).`);
    const fields = correctiveActionIssueFields(req, nc.summary);
    assertValidAdf(fields.description, 'The corrective action description');
    const result = await this.createOnce(project, req.requestId, () => ({
      fields: { summary: fields.summary, labels: fields.labels, description: fields.description, duedate: fields.duedate },
      properties: [{ key: CORRECTIVE_ACTION_PROPERTY_KEY, value: fields.record }],
    }));
    await this.link(result.issueKey, req.nonconformityKey);
    return result;
  }

  private async readAction(actionKey: string): Promise<CycleIssue & { action: CorrectiveAction }> {
    const issue = await this.readIssue(actionKey);
    if (issue.action === null) throw new ValidationError(`${actionKey} is not a corrective action recorded by SMS Navigator.`);
    return { ...issue, action: issue.action };
  }

  /** Moves the action's issue to a done status (the first transition the workflow offers into Done). */
  async completeCorrectiveAction(actionKey: string): Promise<ActionChange> {
    const issue = await this.readAction(actionKey);
    if (issue.statusCategory === 'done') return { actionKey, changed: false };
    const transitions = await this.deps.jira.getTransitions(actionKey, this.call);
    const toDone = transitions.find((t) => t.to.statusCategory.key === 'done' && t.isAvailable !== false);
    if (toDone === undefined) throw new ConflictError(`The workflow of ${actionKey} offers you no transition to a done status: complete it in Jira.`);
    await this.deps.jira.transitionIssue(actionKey, toDone.id, this.call);
    return { actionKey, changed: true };
  }

  /**
   * Records the verification of effectiveness. Only a done action is verified (the action must have been carried
   * out); an effective one closes the nonconformity (the closure mark the gap report reads). Already verified the
   * same way: nothing is written.
   */
  async verifyCorrectiveAction(req: VerifyCorrectiveActionRequest, accountId: string): Promise<ActionChange> {
    const issue = await this.readAction(req.actionKey);
    const current = issue.action.verification;
    if (current !== null) {
      if (current.effective === req.effective) {
        await this.markClosure(issue.action, current.verifiedAt, current.verifiedBy);
        return { actionKey: req.actionKey, changed: false };
      }
      throw new ConflictError(`${req.actionKey} was already verified as ${current.effective ? 'effective' : 'not effective'}: open a new corrective action instead of changing the verification.`);
    }
    if (issue.statusCategory !== 'done') throw new ValidationError(`Complete ${req.actionKey} before verifying its effectiveness: the action has to have been carried out.`);
    const verifiedAt = this.deps.now().toISOString();
    const { issueKey: _k, statusCategory: _s, ...record } = issue.action;
    await this.deps.jira.setIssueProperty(req.actionKey, CORRECTIVE_ACTION_PROPERTY_KEY, { ...record, verification: { effective: req.effective, verifiedAt, verifiedBy: accountId, note: req.note } }, this.call);
    await this.markClosure({ ...issue.action, verification: { effective: req.effective, verifiedAt, verifiedBy: accountId, note: req.note } }, verifiedAt, accountId);
    return { actionKey: req.actionKey, changed: true };
  }

  private async markClosure(action: CorrectiveAction, verifiedAt: string, verifiedBy: string): Promise<void> {
    if (action.verification?.effective !== true) return;
    const existing = ncClosureSchema.safeParse(await this.deps.jira.getIssueProperty(action.nonconformityKey, NC_CLOSURE_PROPERTY_KEY, this.call));
    if (existing.success) return;
    await this.deps.jira.setIssueProperty(action.nonconformityKey, NC_CLOSURE_PROPERTY_KEY, { actionKey: action.issueKey, verifiedAt, verifiedBy }, this.call);
  }

  /** A decision or action of a management review, as a Jira issue carrying the review it came from. */
  async recordReviewOutput(project: { id: string; key: string }, req: RecordReviewOutputRequest, page: { pageId: string; url: string } | null): Promise<CreatedIssue> {
    const fields = reviewOutputIssueFields(req, page?.url ?? null);
    assertValidAdf(fields.description, 'The review output description');
    return this.createOnce(project, req.requestId, () => ({
      fields: { summary: fields.summary, labels: fields.labels, description: fields.description, ...(fields.duedate === null ? {} : { duedate: fields.duedate }) },
      properties: [{ key: REVIEW_OUTPUT_PROPERTY_KEY, value: { reviewDate: req.reviewDate, kind: req.kind, pageId: page?.pageId ?? null } }],
    }));
  }

  /** Every issue of the project's audit cycle (one paged search). */
  async readProgramme(projectKey: string): Promise<CycleIssue[]> {
    const out: CycleIssue[] = [];
    for await (const i of this.deps.jira.searchJqlAll(`${reviewSearchJql(projectKey)} ORDER BY key ASC`, { ...this.call, fields: FIELDS, properties: PROPERTIES, pageSize: PAGE_SIZE })) {
      out.push(readCycleIssue(i));
    }
    return out;
  }
}
