/**
 * Clause mapping of single issues (the issue panel) and the coverage view. The mapping lives only in the
 * issue entity property (see mapping-property.ts); every Jira call here runs as the user, so Jira applies
 * their own browse and edit rights on top of the app's checks.
 *
 * Permission decision: changing an issue's mapping is editing the issue, so it needs Jira's EDIT_ISSUES on
 * the project (checked as the user before anything is read or written), not the app's SMS editor role;
 * reading needs BROWSE_PROJECTS (checked by the resolver framework).
 */
import { mayMapIssueClauses } from './access';
import type { SettingsRepository } from '../storage/settings-repository';
import { PLAN_ITEM_PROPERTY_KEY, clauseIssuesJql, mappedIssuesJql, unmappedIssuesJql } from '../domain/issue-index';
import { coverageRows, tallyMappedIssues, type MappedIssue } from '../domain/mapping/coverage';
import { issueRole } from '../domain/gap/issue-roles';
import { statusCategoryOf } from '../domain/gap/gap-model';
import { z } from 'zod';
import { CLAUSES } from '../domain/catalogue/catalogue';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import { adfToPlainText } from '../domain/mapping/adf-text';
import { clauseSearchTerms } from '../domain/mapping/clause-search';
import { suggestClauses, type SuggestInput } from '../domain/mapping/suggest-clauses';
import { isConfident } from '../domain/mapping/suggest-confidence';
import { FINDING_LABELS, findingGradeOfLabels, isFindingOpen } from '../domain/gap/finding-labels';
import { NC_CLOSURE_PROPERTY_KEY, isClosureVerified } from '../domain/audit/audit-cycle';
import { EVIDENCE_KINDS, EVIDENCE_KIND_LABELS, FINDING_GRADE_LABELS } from '../domain/vocabulary';
import type { JiraClient, JiraIssue } from '../jira/jira-client';
import type { PermissionGateway } from '../platform/permission-gateway';
import type {
  CoverageResponse,
  IssueClauseChange,
  IssueClausesResponse,
  ListClausesResponse,
} from '../contract/mapping';
import { MAPPING_PROPERTY_KEY, applyChanges, assertKnownClauses, clauseTitle, readMapping, sameValue, toPropertyValue } from '../domain/mapping/mapping-property';

export const EDIT_ISSUES = 'EDIT_ISSUES';
/** Fields the suggester reads (plus project, to check where the issue lives, and status, for an audit finding's state). */
export const SUGGEST_FIELDS = ['summary', 'description', 'issuetype', 'labels', 'components', 'project', 'status'];
/** Most mapped issues the coverage view reads at once. */
export const COVERAGE_MAX_ISSUES = 5_000;
export const UNMAPPED_PAGE_SIZE = 25;

export interface ProjectRef {
  id: string;
  key: string;
}

const issueFieldsSchema = z.looseObject({
  summary: z.string().nullish(),
  description: z.unknown().optional(),
  issuetype: z.looseObject({ name: z.string() }).nullish(),
  labels: z.array(z.string()).nullish(),
  components: z.array(z.looseObject({ name: z.string() })).nullish(),
  project: z.looseObject({ id: z.string() }).nullish(),
  status: z.looseObject({ name: z.string().optional(), statusCategory: z.looseObject({ key: z.string() }).nullish() }).nullish(),
});
export type IssueFields = z.infer<typeof issueFieldsSchema>;

export const readIssueFields = (issue: JiraIssue): IssueFields => {
  const parsed = issueFieldsSchema.safeParse(issue.fields);
  return parsed.success ? parsed.data : {};
};

/** What the suggester reads from an issue: its summary, description (ADF as text), type, labels, components. */
export function suggestInputOf(fields: IssueFields): SuggestInput {
  return {
    summary: fields.summary ?? '',
    description: fields.description === undefined || fields.description === null ? '' : typeof fields.description === 'string' ? fields.description : adfToPlainText(fields.description),
    ...(fields.issuetype ? { issueType: fields.issuetype.name } : {}),
    labels: fields.labels ?? [],
    components: (fields.components ?? []).map((c) => c.name),
  };
}


/** Whether the calling user holds EDIT_ISSUES on the project (asked of Jira as the user). */
export async function canEditIssues(permissions: PermissionGateway, projectId: string): Promise<boolean> {
  const granted = await permissions.getMyPermissions(projectId, [EDIT_ISSUES], { as: 'user' });
  return granted[EDIT_ISSUES] === true;
}

/** The message when EDIT_ISSUES is missing (used by resolvers that declare it in `requires`). */
export const editIssuesDenied = (projectKey: string): string =>
  `You need the Edit issues permission in project ${projectKey} to change clause mappings.`;

export async function requireEditIssues(permissions: PermissionGateway, project: ProjectRef): Promise<void> {
  if (!(await canEditIssues(permissions, project.id))) {
    throw new ForbiddenError(editIssuesDenied(project.key), {
      needed: EDIT_ISSUES,
      projectKey: project.key,
    });
  }
}

export class MappingService {
  constructor(
    private readonly jira: JiraClient,
    private readonly permissions: PermissionGateway,
    private readonly settings: SettingsRepository,
  ) {}

  /** The clause catalogue (number, title, top clause, search terms) and the evidence kinds, for the pickers. */
  listClauses(): ListClausesResponse {
    return {
      clauses: CLAUSES.map((c) => ({ id: c.id, title: c.title, parentId: c.parentId, topId: c.id.split('.')[0] ?? c.id, depth: c.depth, terms: clauseSearchTerms(c.id) })),
      kinds: EVIDENCE_KINDS.map((id) => ({ id, label: EVIDENCE_KIND_LABELS[id] })),
    };
  }

  private async readIssue(project: ProjectRef, issueId: string): Promise<{ issue: JiraIssue; fields: IssueFields }> {
    const issue = await this.jira.getIssue(issueId, { fields: SUGGEST_FIELDS, properties: [MAPPING_PROPERTY_KEY, NC_CLOSURE_PROPERTY_KEY], as: 'user' });
    const fields = readIssueFields(issue);
    if (fields.project?.id !== undefined && fields.project.id !== project.id) {
      throw new NotFoundError(`Issue ${issue.key} is not in project ${project.key}.`, { issueKey: issue.key });
    }
    return { issue, fields };
  }

  private view(project: ProjectRef, issue: JiraIssue, fields: IssueFields, value: unknown, canEdit: boolean): IssueClausesResponse {
    const mapping = readMapping(value);
    const exclude = [...mapping.mapped.map((m) => m.clauseId), ...mapping.rejected];
    const suggestions = suggestClauses(suggestInputOf(fields), { exclude, limit: 5 })
      .map((s) => ({
        clauseId: s.clauseId,
        title: clauseTitle(s.clauseId),
        score: s.score,
        confidence: s.confidence,
        confident: isConfident(s),
        reasons: s.reasons,
      }))
      .sort((a, b) => b.confidence - a.confidence); // stable: equal confidence keeps the score order
    const grade = findingGradeOfLabels(fields.labels ?? []);
    // One lifecycle with the gap report: a nonconformity stays open until a corrective action is verified effective.
    const open = grade !== undefined && isFindingOpen(grade, statusCategoryOf(fields.status?.statusCategory?.key), isClosureVerified(issue.properties[NC_CLOSURE_PROPERTY_KEY]));
    return {
      issue: { id: issue.id, key: issue.key, summary: fields.summary ?? '' },
      finding: grade === undefined ? null : { grade, title: FINDING_GRADE_LABELS[grade], label: FINDING_LABELS[grade], open },
      mapped: mapping.mapped.map((m) => ({ ...m, title: clauseTitle(m.clauseId), jql: clauseIssuesJql(project.key, m.clauseId) })),
      rejected: mapping.rejected,
      suggestions,
      canEdit,
    };
  }

  /** `mayMap`: the caller holds the SMS right to map clauses (authorization table, 'map-issue'); EDIT_ISSUES is asked here. */
  /**
   * The issue panel's data for the caller: whether they may edit is EDIT_ISSUES and the 'map-issue' right
   * (project administrator, the editor role, or the project setting that opens clause mapping to everyone).
   */
  async issuePanel(project: ProjectRef, issueId: string, accountId: string, isProjectAdmin: boolean): Promise<IssueClausesResponse> {
    const mayMap = await mayMapIssueClauses(this.permissions, this.settings, accountId, project.id, isProjectAdmin);
    return this.getIssueClauses(project, issueId, mayMap);
  }

  async getIssueClauses(project: ProjectRef, issueId: string, mayMap = true): Promise<IssueClausesResponse> {
    const [{ issue, fields }, canEdit] = await Promise.all([this.readIssue(project, issueId), canEditIssues(this.permissions, project.id)]);
    return this.view(project, issue, fields, issue.properties[MAPPING_PROPERTY_KEY], canEdit && mayMap);
  }

  /**
   * Applies the panel's changes to the stored mapping and saves it at once (as the user). Unknown clause
   * ids and missing EDIT_ISSUES are refused before Jira is called; an unchanged mapping is not rewritten.
   */
  async saveIssueClauses(project: ProjectRef, issueId: string, changes: readonly IssueClauseChange[]): Promise<IssueClausesResponse> {
    assertKnownClauses(changes.map((c) => c.clauseId));
    await requireEditIssues(this.permissions, project);
    const { issue, fields } = await this.readIssue(project, issueId);
    const stored = issue.properties[MAPPING_PROPERTY_KEY];
    const current = readMapping(stored);
    const next = applyChanges(current, changes);
    const value = toPropertyValue(next.mapped, next.rejected, current.raw);
    if (!sameValue(value, stored)) await this.jira.setIssueProperty(issue.id, MAPPING_PROPERTY_KEY, value, { as: 'user' });
    return this.view(project, issue, fields, value, true);
  }

  /**
   * Per assessable clause (uncovered first), the mapped issues by status category; and one page of the project's
   * unmapped issues.
   */
  async coverage(project: ProjectRef, unmappedCursor?: string): Promise<CoverageResponse> {
    const mapped: MappedIssue[] = [];
    let partial = false;
    const read = { fields: ['status', 'project', 'labels'], properties: [MAPPING_PROPERTY_KEY, PLAN_ITEM_PROPERTY_KEY], pageSize: 100, as: 'user' as const };
    for await (const issue of this.jira.searchJqlAll(mappedIssuesJql(project.key), read)) {
      if (mapped.length >= COVERAGE_MAX_ISSUES) {
        partial = true;
        break;
      }
      const fields = readIssueFields(issue);
      if (fields.project?.id !== undefined && fields.project.id !== project.id) continue;
      const mapping = readMapping(issue.properties[MAPPING_PROPERTY_KEY]);
      if (mapping.mapped.length === 0) continue;
      const role = issueRole({ hasFindingLabel: findingGradeOfLabels(fields.labels ?? []) !== undefined, isPlanItem: issue.properties[PLAN_ITEM_PROPERTY_KEY] !== undefined });
      mapped.push({ clauseIds: mapping.mapped.map((m) => m.clauseId), statusCategory: statusCategoryOf(fields.status?.statusCategory?.key), role });
    }
    const jql = unmappedIssuesJql(project.key);
    const page = await this.jira.searchJql(jql, {
      fields: ['summary', 'status'],
      maxResults: UNMAPPED_PAGE_SIZE,
      ...(unmappedCursor !== undefined ? { nextPageToken: unmappedCursor } : {}),
      as: 'user',
    });
    return {
      clauses: coverageRows(project.key, mapped),
      issues: tallyMappedIssues(mapped),
      partial,
      unmapped: {
        issues: page.issues.map((i) => {
          const f = readIssueFields(i);
          return { id: i.id, key: i.key, summary: f.summary ?? '', status: f.status?.name ?? '' };
        }),
        nextCursor: page.isLast ? null : (page.nextPageToken ?? null),
        jql,
      },
    };
  }
}
