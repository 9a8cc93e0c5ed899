/**
 * What the Gap report view, its exports and the "SMS readiness" macro read: the gap analysis read as the user
 * within the in-app bounds (GAP_VIEW_MAX_ISSUES, GAP_VIEW_SEARCH_BUDGET_MS; resolvers have 25 s), with the last
 * publication, the settings and the people named (one lookup).
 */
import type { AppContextPermissions } from '../contract/app-context';
import type { ClauseRegisterView, GapReportView, ReadinessMacroView } from '../contract/gap-report';
import { assessedUnitIds, heatmap } from '../domain/assessment';
import { clauseRegister, registerTable, toCsv } from '../domain/report';
import type { PermissionGateway } from '../platform/permission-gateway';
import type { AssessmentRepository } from '../storage/assessment-repository';
import type { ReportPublicationRepository } from '../storage/report-publication-repository';
import type { SettingsRepository } from '../storage/settings-repository';
import { isEditorRoleMember } from './access';
import type { CollectedGapData, GapReportService } from './gap-report.service';
import { gapReportPeople, toGapReportView } from './gap-report-view';
import type { NameLookup } from './user-names.service';

/** The in-app view reads at most this many mapped issues, and stops searching after this long (resolvers have 25 s). */
export const GAP_VIEW_MAX_ISSUES = 3000;
export const GAP_VIEW_SEARCH_BUDGET_MS = 12_000;

type Project = { id: string; key: string };

export interface GapReportViewsServiceDeps {
  gaps: GapReportService;
  publications: ReportPublicationRepository;
  settings: SettingsRepository;
  assessments: AssessmentRepository;
  permissions: PermissionGateway;
  names: NameLookup;
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
}
