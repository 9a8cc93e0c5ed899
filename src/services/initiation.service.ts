/**
 * Reads what the Initiation tab shows: the stored initiation plus what it links to in other tabs (the saved
 * phase plan, the "baseline" maturity snapshot), and derives completeness, approval, KPI progress and checks.
 */
import { ASSESSMENT_UNIT_IDS, BASELINE_LABEL, type AssessmentUnitId, unitTitle } from '../domain/assessment';
import { CHALLENGES } from '../domain/challenges';
import {
  BASELINE_FACTORS,
  BUSINESS_CASE_ELEMENTS,
  KPI_DATE_FIELDS,
  KPI_DATE_FIELD_LABELS,
  KPI_SUGGESTIONS,
  PLAN_CHECKLIST,
  addMeasurement,
  businessCaseAdf,
  businessCasePageTitle,
  TARGET_KINDS,
  TARGET_KIND_LABELS,
  approvalRefusal,
  approvalState,
  approveBusinessCase,
  baselineCoverage,
  kpiById,
  measurementTime,
  withBusinessCaseTexts,
  withChallengeRegister,
  withKpiDefinitions,
  withMeasurement,
  withTargetState,
  type ApprovalRefusal,
  businessCaseCompleteness,
  checkPhasesServeObjectives,
  completeRegister,
  kpiProgress,
  managementSupportObtained,
  mitigationProgress,
  planChecklistProgress,
  riskBand,
  riskScore,
} from '../domain/initiation';
import type {
  BaselineMaturityView,
  ComputeKpiResponse,
  InitiationCatalog,
  InitiationView,
  PublishBusinessCaseResponse,
  RecordKpiMeasurementPayload,
  SaveBusinessCasePayload,
  SaveChallengeRegisterPayload,
  SaveKpisPayload,
  SaveTargetStatePayload,
} from '../contract/initiation';
import type { ConfluenceClient } from '../confluence/confluence-client';
import type { JiraClient } from '../jira/jira-client';
import type { Logger } from '../platform/logger';
import type { SettingsRepository } from '../storage/settings-repository';
import { assertVersion } from '../storage/stored-record';
import { publishTarget, upsertPage } from './confluence-page.service';
import { type AppError, NotSponsorError, ValidationError, VersionConflictError } from '../domain/errors';
import { parseUserJql } from '../jira/jql';
import type { KpiService } from './kpi.service';
import type { PeopleNames } from '../contract/people';
import type { Initiation } from '../domain/initiation';
import type { InitiationSnapshot, InitiationRepository } from '../storage/initiation-repository';
import type { PlanRepository } from '../storage/plan-repository';
import type { SnapshotRepository } from '../storage/snapshot-repository';
import type { NameLookup } from './user-names.service';

export const INITIATION_CATALOG: InitiationCatalog = {
  businessCaseElements: [...BUSINESS_CASE_ELEMENTS],
  baselineFactors: [...BASELINE_FACTORS],
  kpiSuggestions: [...KPI_SUGGESTIONS],
  kpiDateFields: KPI_DATE_FIELDS.map((f) => ({ value: f, label: KPI_DATE_FIELD_LABELS[f] })),
  targetKinds: TARGET_KINDS.map((k) => ({ value: k, ...TARGET_KIND_LABELS[k] })),
  planChecklist: [...PLAN_CHECKLIST],
  challenges: CHALLENGES.map((c) => ({
    id: c.id,
    title: c.title,
    definition: c.definition,
    considerations: c.considerations.map((x) => ({ id: x.id, text: x.text })),
    relatedClauses: [...c.relatedClauses],
  })),
};

export interface InitiationContext {
  planPhases: { id: string; name: string }[];
  baselineMaturity: BaselineMaturityView | null;
}

export interface InitiationDeps {
  initiationRecords: InitiationRepository;
  plans: PlanRepository;
  snapshots: SnapshotRepository;
  /** Display names for the people the view mentions (one lookup per view). */
  names: NameLookup;
  /** Computes JQL KPIs (as the user). */
  kpi: KpiService;
  /** Where the business case is published (as the user), and the project's name for its title. */
  confluence: ConfluenceClient;
  jira: Pick<JiraClient, 'getProject'>;
  settings: SettingsRepository;
  now: () => Date;
  log: Logger;
}

export class InitiationService {
  private readonly repository: InitiationRepository;
  private readonly names: NameLookup;

  constructor(private readonly deps: InitiationDeps) {
    this.repository = deps.initiationRecords;
    this.names = deps.names;
  }

  /** Applies one edit to the stored initiation (optimistic version, validated, size-checked) and returns the new view. */
  private async change(projectId: string, expectedVersion: number, accountId: string, edit: (current: Initiation) => Initiation): Promise<InitiationView> {
    return this.view(projectId, await this.repository.update(projectId, expectedVersion, accountId, edit));
  }

  /**
   * Saves the texts of the business case (and the sponsor when the input names one or null). The approval stays
   * recorded, but once the text differs from what was approved it shows as out of date and no longer counts as
   * management support; so does naming another sponsor.
   */
  saveBusinessCase(projectId: string, accountId: string, input: SaveBusinessCasePayload): Promise<InitiationView> {
    return this.change(projectId, input.version, accountId, (cur) => withBusinessCaseTexts(cur, input.elements, input.sponsor));
  }

  /**
   * Saves the KPI definitions (and, when sent, the baseline findings); measurements stay with the KPI of the same
   * id. Each KPI's JQL must be one balanced expression the app can confine to the project (src/jira/jql.ts), else
   * VALIDATION_FAILED and nothing is written.
   */
  saveKpis(projectId: string, accountId: string, input: SaveKpisPayload): Promise<InitiationView> {
    // A query the app could not confine to the project is refused now, before anything is written.
    for (const k of input.kpis) if (k.source.kind !== 'manual') parseUserJql(k.source.jql);
    return this.change(projectId, input.version, accountId, (cur) => withKpiDefinitions(cur, input.kpis, input.baselineFindings));
  }

  /** Adds one measurement, by the caller, to a KPI (NOT_FOUND when there is none; not dated in the future). */
  recordKpiMeasurement(projectId: string, accountId: string, input: RecordKpiMeasurementPayload): Promise<InitiationView> {
    const at = measurementTime(input.at, this.deps.now());
    const measurement = { at, value: input.value, note: input.note ?? '', by: accountId };
    return this.change(projectId, input.version, accountId, (cur) => withMeasurement(cur, input.kpiId, measurement));
  }

  /** Saves the target state (and, when sent, the ticks of the plan checklist). */
  saveTargetState(projectId: string, accountId: string, input: SaveTargetStatePayload): Promise<InitiationView> {
    return this.change(projectId, input.version, accountId, (cur) => withTargetState(cur, input.targetState, input.planChecklist));
  }

  /** Saves the challenge register. */
  saveChallengeRegister(projectId: string, accountId: string, input: SaveChallengeRegisterPayload): Promise<InitiationView> {
    return this.change(projectId, input.version, accountId, (cur) => withChallengeRegister(cur, input.register));
  }

  /**
   * The named sponsor approves the business case as stored at `expectedVersion` (so they approve what they read).
   * `accountId` comes from the trusted context. Refused with NotSponsorError (FORBIDDEN) when no sponsor is named
   * or the caller is not the sponsor, and with VALIDATION_FAILED while an element is empty; checked again inside
   * the write, so a sponsor changed meanwhile cannot be bypassed.
   */
  async approveBusinessCase(projectId: string, expectedVersion: number, accountId: string): Promise<InitiationView> {
    const current = await this.repository.get(projectId);
    const first = approvalRefusal(current.initiation.businessCase, accountId);
    if (first !== null && first.reason !== 'incomplete') {
      const people = await this.names([first.reason === 'not-sponsor' ? first.sponsor : null]);
      throw refusalError(first, people);
    }
    const at = this.deps.now().toISOString();
    const view = await this.change(projectId, expectedVersion, accountId, (cur) => {
      const refusal = approvalRefusal(cur.businessCase, accountId);
      if (refusal !== null) throw refusalError(refusal, {});
      return { ...cur, businessCase: approveBusinessCase(cur.businessCase, accountId, at) };
    });
    this.deps.log('info', 'business case approved', { projectId, accountId, version: view.version });
    return view;
  }

  /**
   * Computes a KPI whose source is a JQL query (count or median duration) as the user, within the project only,
   * and records the result as a measurement. A stale version is a CONFLICT; a manual KPI is refused
   * (VALIDATION_FAILED), and so is a median over issues none of which has both dates.
   */
  async computeKpi(
    project: { id: string; key: string },
    req: { version: number; kpiId: string; accountId: string },
  ): Promise<ComputeKpiResponse> {
    const current = await this.repository.get(project.id);
    if (current.version !== req.version) {
      throw new VersionConflictError({ what: 'The initiation', expectedVersion: req.version, currentVersion: current.version, updatedBy: current.updatedBy, updatedAt: current.updatedAt });
    }
    const kpi = kpiById(current.initiation, req.kpiId);
    const source = kpi.source;
    if (source.kind === 'manual') throw new ValidationError(`KPI “${kpi.name}” is entered by hand; record a measurement instead.`, { kpiId: kpi.id });

    const computation = await this.deps.kpi.compute(project.key, source);
    if (computation.value === null) {
      throw new ValidationError(`No issue found by the query of “${kpi.name}” has both dates, so there is nothing to measure.`, {
        jql: computation.jql,
        issueCount: computation.issueCount,
      });
    }
    const note =
      source.kind === 'jqlCount'
        ? `Computed from Jira: ${computation.issueCount} issues.`
        : `Computed from Jira: median ${KPI_DATE_FIELD_LABELS[source.from]} → ${KPI_DATE_FIELD_LABELS[source.to]} over ${computation.sampleSize} of ${computation.issueCount} issues.`;
    const at = this.deps.now().toISOString();
    const value = computation.value;
    const saved = await this.repository.update(project.id, req.version, req.accountId, (cur) => ({
      ...cur,
      kpis: cur.kpis.map((k) => (k.id === kpi.id ? addMeasurement(k, { at, value, note, by: req.accountId }) : k)),
    }));
    return { view: await this.view(project.id, saved), computation };
  }

  /**
   * Publishes the "Business case" page to the Confluence space (and under the parent page) of the project
   * settings, as the user: created the first time, updated in place afterwards. The page id is remembered so a
   * renamed project still updates the same page.
   *
   * Check, then write: every refusal (settings, a stale `expectedVersion` = CONFLICT naming who saved when, the
   * page body) comes before the Confluence write. Once the page is written, recording where it is never refuses:
   * an edit saved meanwhile by someone else is kept, and the page says which initiation version it shows.
   */
  async publishBusinessCase(project: { id: string; key: string }, accountId: string, expectedVersion: number | undefined): Promise<PublishBusinessCaseResponse> {
    await this.deps.confluence.requireConnected(); // CONFLUENCE_NOT_CONNECTED before any work
    const { spaceKey, parentPageId } = publishTarget(await this.deps.settings.get(project.id), project.key);
    const names = this.deps.names;
    const [snap, context, jiraProject] = await Promise.all([
      this.repository.get(project.id),
      this.context(project.id),
      this.deps.jira.getProject(project.id, { as: 'user' }),
    ]);
    if (expectedVersion !== undefined) {
      const stamp = snap.updatedBy === null || snap.updatedAt === null ? undefined : { version: snap.version, updatedAt: snap.updatedAt, updatedBy: snap.updatedBy };
      assertVersion('The initiation', stamp, expectedVersion);
    }
    // One lookup serves the page and the view returned (the caller becomes the publisher).
    const people = await names([...initiationPeople(snap), accountId]);
    const title = businessCasePageTitle(jiraProject.name, project.key);
    const adf = businessCaseAdf({
      projectKey: project.key,
      projectName: jiraProject.name,
      generatedAt: this.deps.now().toISOString(),
      initiation: snap.initiation,
      baselineMaturity: context.baselineMaturity,
      plan: { phases: context.planPhases },
      people,
    });
    const page = await upsertPage(
      this.deps.confluence,
      {
        spaceKey,
        parentId: parentPageId,
        title,
        adf,
        message: `Published by SMS Navigator (initiation version ${snap.version}).`,
        knownPageId: snap.initiation.published?.pageId ?? null,
      },
      'user',
    );
    const publishedAt = this.deps.now().toISOString();
    // The page is written: record it on the latest version, whoever saved since (no refusal after a write).
    const latest = await this.repository.get(project.id);
    const saved = await this.repository.update(project.id, latest.version, accountId, (cur) => ({
      ...cur,
      published: {
        pageId: page.pageId,
        spaceKey,
        title,
        url: page.url,
        version: page.version,
        publishedAt,
        publishedBy: accountId,
      },
    }));
    this.deps.log('info', 'business case published', { projectId: project.id, pageId: page.pageId, version: page.version });
    return {
      view: await this.view(project.id, saved, people),
      page: { pageId: page.pageId, title, url: page.url, version: page.version, created: page.created },
    };
  }

  /** The saved plan's phases and the baseline snapshot (both optional). */
  async context(projectId: string): Promise<InitiationContext> {
    const [plan, snapshots] = await Promise.all([
      this.deps.plans.get(projectId),
      this.deps.snapshots.list(projectId),
    ]);
    const baseline = snapshots.find((s) => s.snapshot.label.trim().toLowerCase() === BASELINE_LABEL);
    const baselineMaturity: BaselineMaturityView | null =
      baseline === undefined
        ? null
        : {
            at: baseline.snapshot.at,
            units: ASSESSMENT_UNIT_IDS.flatMap((id: AssessmentUnitId) => {
              const u = baseline.snapshot.levels[id];
              return u === undefined ? [] : [{ unitId: id, unitName: unitTitle(id), level: u.level }];
            }),
          };
    return { planPhases: (plan?.plan.phases ?? []).map((p) => ({ id: p.id, name: p.name })), baselineMaturity };
  }

  /** `people`: names already looked up for this call (then no second lookup is made). */
  async view(projectId: string, snapshot?: InitiationSnapshot, people?: PeopleNames): Promise<InitiationView> {
    const [snap, ctx] = await Promise.all([snapshot ?? this.repository.get(projectId), this.context(projectId)]);
    return toInitiationView(snap, ctx, people ?? (await this.names(initiationPeople(snap))));
  }
}

/** The typed error of an approval refusal, naming the sponsor by display name when known. */
function refusalError(r: ApprovalRefusal, people: PeopleNames): AppError {
  switch (r.reason) {
    case 'no-sponsor':
      return new NotSponsorError('Name the sponsor of the business case first: only the sponsor may approve it.', { reason: 'no-sponsor' });
    case 'not-sponsor':
      return new NotSponsorError(`Only the sponsor, ${people[r.sponsor] ?? 'the person named in the business case'}, may approve the business case.`, {
        reason: 'not-sponsor',
        sponsor: r.sponsor,
      });
    case 'incomplete': {
      const labels = BUSINESS_CASE_ELEMENTS.filter((e) => r.missing.includes(e.id)).map((e) => `${e.letter}) ${e.label}`);
      return new ValidationError(`Complete the business case before approving it: ${labels.join(', ')} ${labels.length === 1 ? 'is' : 'are'} still empty.`, {
        missing: r.missing,
      });
    }
  }
}

/** Everyone the initiation names by account id: last saver, sponsor, approver, publisher, KPI recorders, challenge owners. */
export function initiationPeople(snap: { initiation: Initiation; updatedBy: string | null }): (string | null | undefined)[] {
  const ini = snap.initiation;
  return [
    snap.updatedBy,
    ini.businessCase.sponsor,
    ini.businessCase.approval?.approvedBy,
    ini.published?.publishedBy,
    ...ini.kpis.flatMap((k) => k.measurements.map((m) => m.by)),
    ...ini.challengeRegister.map((r) => r.owner),
  ];
}

export function toInitiationView(snap: InitiationSnapshot, ctx: InitiationContext, people: PeopleNames): InitiationView {
  const ini = snap.initiation;
  return {
    initiation: ini,
    version: snap.version,
    updatedAt: snap.updatedAt,
    updatedBy: snap.updatedBy,
    completeness: businessCaseCompleteness(ini.businessCase),
    approval: approvalState(ini.businessCase),
    managementSupportObtained: managementSupportObtained(ini.businessCase),
    baselineCoverage: baselineCoverage(ini.baselineFindings),
    kpiProgress: ini.kpis.map(kpiProgress),
    planChecklistProgress: planChecklistProgress(ini.planChecklist),
    planPhases: ctx.planPhases,
    phaseCheck: checkPhasesServeObjectives({ phases: ctx.planPhases }, ini.targetState, ini.kpis.map((k) => k.id)),
    baselineMaturity: ctx.baselineMaturity,
    register: completeRegister(ini.challengeRegister).map((r) => {
      const score = riskScore(r);
      const m = mitigationProgress(r);
      return {
        ...r,
        title: CHALLENGES.find((c) => c.id === r.challengeId)?.title ?? r.challengeId,
        score,
        band: riskBand(score),
        mitigationsDone: m.done,
        mitigationsTotal: m.total,
      };
    }),
    catalog: INITIATION_CATALOG,
    people,
  };
}
