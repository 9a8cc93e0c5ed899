/**
 * What the Gap report view, its exports and the "SMS readiness" macro read: the gap analysis read as the user
 * within the in-app bounds (GAP_VIEW_MAX_ISSUES, GAP_VIEW_SEARCH_BUDGET_MS; resolvers have 25 s), with the last
 * publication, the settings and the people named (one lookup). Also the view's one write (a clause's result) and
 * the projects the macro's configuration offers.
 */
import type { AppContextPermissions } from '../contract/app-context';
import type { ClauseRecordView, ClauseRegisterView, GapReportView, MacroProjectsView, ReadinessMacroView, SetClauseResultPayload } from '../contract/gap-report';
import { assessedUnitIds, heatmap } from '../domain/assessment';
import { clauseRegister, registerTable, toCsv } from '../domain/report';
import type { JiraClient } from '../jira/jira-client';
import type { PermissionGateway } from '../platform/permission-gateway';
import type { AssessmentRepository } from '../storage/assessment-repository';
import type { ClauseRecordRepository } from '../storage/clause-record-repository';
import type { ReportPublicationRepository } from '../storage/report-publication-repository';
import type { SettingsRepository } from '../storage/settings-repository';
import { isEditorRoleMember } from './access';
import type { CollectedGapData, GapReportService } from './gap-report.service';
import { gapReportPeople, toGapReportView } from './gap-report-view';
import type { NameLookup } from './user-names.service';

/** The in-app view reads at most this many mapped issues, and stops searching after this long (resolvers have 25 s). */
export const GAP_VIEW_MAX_ISSUES = 3000;
export const GAP_VIEW_SEARCH_BUDGET_MS = 12_000;

/** How many projects the macro's picker lists at once (type more of the key or name to narrow). */
export const MACRO_PROJECTS_PAGE = 50;

type Project = { id: string; key: string };

export interface GapReportViewsServiceDeps {
  gaps: GapReportService;
  publications: ReportPublicationRepository;
  settings: SettingsRepository;
  assessments: AssessmentRepository;
  clauseRecords: ClauseRecordRepository;
  permissions: PermissionGateway;
  names: NameLookup;
  /** The macro's project picker (as the viewer). */
  jira: Pick<JiraClient, 'searchProjects'>;
}

export class GapReportViewsService {
  constructor(private readonly deps: GapReportViewsServiceDeps) {}

  private collect(projectId: string): Promise<CollectedGapData> {
    return this.deps.gaps.collect(projectId, { as: 'user', maxIssues: GAP_VIEW_MAX_ISSUES, deadline: Date.now() + GAP_VIEW_SEARCH_BUDGET_MS });
  }

  /**
   * The Gap report tab: every assessable clause of 4 to 10 with its result, evidence and warnings, readiness with
   * the formula, and the last publication. `access` is the caller's, as defineResolver checked it.
   */
  async view(project: Project, accountId: string, access: AppContextPermissions): Promise<GapReportView> {
    const { gaps, publications, settings, permissions, names } = this.deps;
    const [data, publication, settingsView, canEdit] = await Promise.all([
      this.collect(project.id),
      publications.get(project.id),
      settings.getView(project.id),
      access.isProjectAdmin ? Promise.resolve(true) : isEditorRoleMember(permissions, settings, accountId, project.id),
    ]);
    const analysis = gaps.analyse(data);
    const people = await names(gapReportPeople(analysis, publication));
    return toGapReportView({ projectKey: project.key, analysis, data, canEdit, publication, settings: settingsView, people });
  }

  /** The clause register (src/domain/report/clause-register.ts) for the exports; the UI writes these cells to XLSX or CSV unchanged. */
  async clauseRegister(project: Project): Promise<ClauseRegisterView> {
    const data = await this.collect(project.id);
    const analysis = this.deps.gaps.analyse(data);
    const names = await this.deps.names(gapReportPeople(analysis, undefined));
    const rows = registerTable(clauseRegister(analysis, names));
    return { projectKey: project.key, generatedAt: analysis.generatedAt, rows, csv: toCsv(rows), truncated: data.truncated };
  }

  /** The "SMS readiness" macro's data: readiness now, per group and over the published reports, and the maturity heatmap. */
  async readinessMacro(project: Project): Promise<ReadinessMacroView> {
    const { gaps, publications, assessments } = this.deps;
    const [data, publication, stored] = await Promise.all([this.collect(project.id), publications.get(project.id), assessments.getAll(project.id)]);
    const analysis = gaps.analyse(data);
    return {
      projectKey: project.key,
      generatedAt: analysis.generatedAt,
      overall: analysis.readiness.overall.percent,
      groups: analysis.readiness.byGroup.map((g) => ({ groupId: g.groupId, title: g.title, percent: g.figures.percent })),
      trend: [
        ...(publication?.history ?? []).map((h) => ({ at: h.at, percent: h.percent, live: false })),
        { at: analysis.generatedAt, percent: analysis.readiness.overall.percent, live: true },
      ],
      heatmap: heatmap(stored.assessment),
      assessedUnits: assessedUnitIds(stored.assessment).length,
      truncated: data.truncated,
    };
  }

  /**
   * Sets (or clears, with a null result) the conformity result of one clause as the caller; CONFLICT when the
   * record moved past `expectedVersion`. The caller's name is looked up first and kept with the record, so the
   * published page can name who set the result without a lookup in the publish job.
   */
  async setClauseResult(projectId: string, accountId: string, input: SetClauseResultPayload): Promise<ClauseRecordView> {
    const people = await this.deps.names([accountId]);
    const r = await this.deps.clauseRecords.set(
      projectId,
      input.clauseId,
      { result: input.result, ...(input.note !== undefined ? { note: input.note } : {}) },
      input.expectedVersion,
      accountId,
      people[accountId],
    );
    return { clauseId: r.clauseId, result: r.result, note: r.note, version: r.version, updatedAt: r.updatedAt, updatedBy: r.updatedBy, people };
  }

  /**
   * The projects the "SMS readiness" macro's configuration can name (key or name containing `query`): Jira's
   * project search made as the viewer, so only projects they may browse. Naming one grants nothing.
   */
  async macroProjects(query: string): Promise<MacroProjectsView> {
    const { projects, more } = await this.deps.jira.searchProjects(query, MACRO_PROJECTS_PAGE, { as: 'user' });
    return { projects: projects.map((p) => ({ id: p.id, key: p.key, name: p.name })), more };
  }
}
