/** Maps the gap analysis and the stored publication to what the Gap report tab shows (src/contract/gap-report.ts). */
import type { ClauseGapView, FindingView, GapReportView, PublicationView } from '../contract/gap-report';
import type { PeopleNames } from '../contract/people';
import type { ProjectSettingsView } from '../contract/settings';
import { getClause } from '../domain/catalogue/catalogue';
import {
  FINDING_CONVENTION_TEXT,
  FINDING_LABEL_ROWS,
  type Finding,
  ISSUE_ROLE_RULE_TEXT,
  type GapAnalysis,
  PROPOSAL_RULES_TEXT,
  READINESS_FORMULA,
  distinctFindings,
  formatReadiness,
} from '../domain/gap';
import { FINDING_GRADE_LABELS } from '../domain/vocabulary';
import type { StoredClauseRecord } from '../storage/clause-record-repository';
import type { ReportPublication } from '../storage/report-publication-repository';
import type { CollectedGapData } from './gap-report.service';
import { confluencePagePath } from './confluence-page.service';
import { clauseIssuesJql } from '../domain/issue-index';

/**
 * Evidence items the view carries per clause (the count tells how many there are in all): the table shows the
 * first few and opens the rest in place; beyond this, a link to the clause's issue search lists them all.
 */
export const GAP_VIEW_EVIDENCE_PER_CLAUSE = 30;

export function toPublicationView(p: ReportPublication | undefined): PublicationView | null {
  if (p === undefined || p.lastPublishedAt === null) return null;
  return {
    pageId: p.pageId,
    title: p.title,
    spaceKey: p.spaceKey,
    pageVersion: p.pageVersion,
    pagePath: confluencePagePath(p.spaceKey, p.pageId),
    lastPublishedAt: p.lastPublishedAt,
    lastPublishedBy: p.lastPublishedBy ?? '',
    split: p.split,
  };
}

/** Open findings of a clause as the app lists them: one per issue, most severe grade first, then by issue key. */
export function toFindingViews(findings: readonly Finding[]): FindingView[] {
  return distinctFindings(findings).map((f) => ({ issueKey: f.id, summary: f.summary, grade: f.grade, gradeTitle: FINDING_GRADE_LABELS[f.grade] }));
}

/** `projectKey`: the project of the report, for each clause's evidence search (JQL). */
export function toClauseViews(analysis: GapAnalysis, records: readonly StoredClauseRecord[], projectKey: string): ClauseGapView[] {
  const byClause = new Map(records.map((r) => [r.clauseId, r]));
  return analysis.clauses.map((c) => {
    const record = byClause.get(c.clauseId);
    return {
      clauseId: c.clauseId,
      title: c.title,
      groupId: c.groupId,
      depth: getClause(c.clauseId)?.depth ?? 1,
      result: c.result,
      proposed: c.proposed,
      ruleId: c.ruleId,
      note: record?.note ?? null,
      setBy: c.setBy ?? null,
      setAt: c.setAt ?? null,
      version: record?.version ?? 0,
      evidence: c.evidence.slice(0, GAP_VIEW_EVIDENCE_PER_CLAUSE).map((e) => ({
        issueKey: e.issueKey,
        summary: e.summary,
        statusCategory: e.statusCategory,
        updated: e.updated,
        ageDays: e.ageDays,
        stale: e.stale,
      })),
      evidenceCount: c.evidence.length,
      evidenceJql: clauseIssuesJql(projectKey, c.clauseId),
      plannedWork: c.plannedWork.slice(0, GAP_VIEW_EVIDENCE_PER_CLAUSE),
      findings: toFindingViews(c.openFindings),
      warnings: c.warnings.map((w) => ({ code: w.code, message: w.message })),
    };
  });
}

/** Who set a clause result and who published last: the ids to give resolveNames for toGapReportView. */
export const gapReportPeople = (analysis: GapAnalysis, publication: ReportPublication | undefined): (string | null | undefined)[] => [
  ...analysis.clauses.map((c) => c.setBy),
  publication?.lastPublishedBy,
];

/** `people`: display names of at least the ids gapReportPeople lists (see resolveNames). */
export function toGapReportView(input: {
  projectKey: string;
  analysis: GapAnalysis;
  data: CollectedGapData;
  canEdit: boolean;
  publication: ReportPublication | undefined;
  settings: ProjectSettingsView;
  people: PeopleNames;
}): GapReportView {
  const { analysis, data, settings } = input;
  return {
    projectKey: input.projectKey,
    generatedAt: analysis.generatedAt,
    maxEvidenceAgeDays: analysis.maxEvidenceAgeDays,
    clauses: toClauseViews(analysis, data.records, input.projectKey),
    readiness: {
      overall: analysis.readiness.overall,
      overallFormula: formatReadiness(analysis.readiness.overall),
      byGroup: analysis.readiness.byGroup.map((g) => ({ ...g, formula: formatReadiness(g.figures) })),
    },
    formula: READINESS_FORMULA,
    proposalRules: PROPOSAL_RULES_TEXT,
    evidenceRule: ISSUE_ROLE_RULE_TEXT,
    warningCount: analysis.warningCount,
    evidenceCount: analysis.evidenceCount,
    openFindingCount: new Set(analysis.clauses.flatMap((c) => c.openFindings.map((f) => f.id))).size,
    findingLabels: FINDING_LABEL_ROWS.map((r) => ({ ...r })),
    findingConvention: FINDING_CONVENTION_TEXT,
    evidenceTruncated: data.truncated,
    sources: { scope: data.scope !== undefined, maturity: data.maturity !== undefined, plan: data.plan !== undefined, challenges: data.challenges !== undefined },
    canEdit: input.canEdit,
    publication: toPublicationView(input.publication),
    settings: {
      configured: settings.configured,
      confluenceSpaceKey: settings.confluenceSpaceKey,
      confluenceParentPageId: settings.confluenceParentPageId,
    },
    people: input.people,
  };
}
