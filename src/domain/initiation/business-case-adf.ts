/**
 * The "Business case" Confluence page as ADF: the business case with its approval, the baseline (findings,
 * maturity baseline, KPIs), the target state with the phase check, the plan checklist and the challenge
 * register. Every user string is carried as a plain text node (cleaned and capped by safe-text), never parsed.
 */
import { pageDay } from '../page-dates';
import { CHALLENGES } from '../challenges';
import {
  type BlockContent,
  type DocNode,
  type Inline,
  type ParagraphDefinition,
  type StatusColor,
  type TableRowDefinition,
  PanelType,
  bullets,
  cell,
  doc,
  heading,
  lozenge,
  p,
  panel,
  strong,
  t,
  table,
  tableHeader,
  tableRow,
} from '../report/adf';
import { safeLine, safeParagraphs } from '../report/safe-text';
import { BASELINE_FACTORS, baselineCoverage } from './baseline';
import { BUSINESS_CASE_ELEMENTS, approvalState, businessCaseCompleteness, managementSupportObtained } from './business-case';
import { completeRegister, mitigationProgress, riskBand, riskScore } from './challenge-register';
import { type Initiation } from './initiation';
import { KPI_DATE_FIELD_LABELS, type Kpi, type KpiSource, kpiProgress } from './kpi';
import { PLAN_CHECKLIST, planChecklistProgress } from './plan-checklist';
import { type PlanPhasesLike, TARGET_KIND_LABELS, checkPhasesServeObjectives } from './target-state';

export interface BaselineMaturityRow {
  unitName: string;
  level: number;
}

export interface BusinessCaseAdfInput {
  projectKey: string;
  projectName: string;
  /** ISO date-time shown as the generation time. */
  generatedAt: string;
  initiation: Initiation;
  /** accountId -> display name, for the approver and owners; unknown ids are shown as they are. */
  people?: Readonly<Record<string, string>>;
  /** The "baseline" maturity snapshot, when one was taken. */
  baselineMaturity?: { at: string; units: readonly BaselineMaturityRow[] } | null;
  /** The current phase plan, for the target-state check. */
  plan?: PlanPhasesLike | null;
}

const MAX_TEXT = 4000;
const MAX_CELL = 500;
function headerRow(labels: readonly string[]): TableRowDefinition {
  return tableRow(labels.map((l) => tableHeader()(p(strong(l) as Inline))));
}
const line = (value: string | undefined, fallback = '—', max = MAX_CELL): string => safeLine(value, max, fallback);

const formatDate = (iso: string): string => pageDay(iso) ?? line(iso);

function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}

const personName = (input: BusinessCaseAdfInput, id: string | null | undefined): string =>
  id === null || id === undefined || id === '' ? 'not assigned' : line(input.people?.[id] ?? id, 'not assigned', 200);

function textBlocks(value: string | undefined, emptyText: string): ParagraphDefinition[] {
  const paras = safeParagraphs(value, MAX_TEXT);
  return paras.length === 0 ? [p(t(emptyText))] : paras.map((s) => p(t(s)));
}

function approvalPanel(input: BusinessCaseAdfInput): BlockContent {
  const bc = input.initiation.businessCase;
  const state = approvalState(bc);
  const completeness = businessCaseCompleteness(bc);
  const first: Inline[] =
    state === 'approved' && bc.approval !== null
      ? [lozenge('Approved', 'green'), t(` by ${personName(input, bc.approval.approvedBy)} on ${formatDate(bc.approval.approvedAt)}.`)]
      : state === 'stale' && bc.approval !== null
        ? [lozenge('Approval out of date', 'yellow'), t(` Approved by ${personName(input, bc.approval.approvedBy)} on ${formatDate(bc.approval.approvedAt)}, but edited since.`)]
        : [lozenge('Not approved', 'neutral'), t(' No sponsor has approved this business case yet.')];
  return panel({ panelType: state === 'approved' ? PanelType.SUCCESS : PanelType.INFO })(
    p(t(bc.sponsor === null ? 'Sponsor: not named yet.' : `Sponsor: ${personName(input, bc.sponsor)}.`)),
    p(...first),
    p(t(`Complete: ${completeness.filled} of ${completeness.total} elements. Management support (maturity Level I): ${managementSupportObtained(bc) ? 'obtained' : 'not yet obtained'}.`)),
  );
}

function businessCaseSection(input: BusinessCaseAdfInput): BlockContent[] {
  const elements = input.initiation.businessCase.elements;
  const blocks: BlockContent[] = [heading({ level: 2 })(t('Business case (TS 20000-5 5.3.1)')), approvalPanel(input)];
  for (const el of BUSINESS_CASE_ELEMENTS) {
    blocks.push(heading({ level: 3 })(t(`${el.letter}) ${el.label}`)), ...textBlocks(elements[el.id], 'Not written yet.'));
  }
  return blocks;
}

function sourceText(source: KpiSource): string {
  switch (source.kind) {
    case 'manual':
      return 'Entered by hand';
    case 'jqlCount':
      return `Count of: ${line(source.jql, '(all issues of the project)')}`;
    case 'jqlMedianDuration':
      return `Median ${source.durationUnit} from ${KPI_DATE_FIELD_LABELS[source.from]} to ${KPI_DATE_FIELD_LABELS[source.to]} of: ${line(source.jql, '(all issues of the project)')}`;
  }
}

function kpiRow(kpi: Kpi): TableRowDefinition {
  const pr = kpiProgress(kpi);
  const progressCell: Inline =
    pr.latest === null
      ? t('No measurement yet')
      : pr.targetMet
        ? lozenge('Target met', 'green')
        : pr.progress !== null
          ? lozenge(`${Math.round(pr.progress * 100)}% of the way`, pr.worseThanStart ? 'red' : 'blue')
          : t(kpi.baseline === null ? 'Starting value (no baseline entered)' : '—');
  return tableRow([
    cell(p(t(line(kpi.name)))),
    cell(p(t(line(kpi.unit)))),
    cell(p(t(kpi.direction === 'higher' ? 'Higher is better' : 'Lower is better'))),
    cell(p(t(formatNumber(kpi.baseline)))),
    cell(p(t(formatNumber(kpi.target)))),
    cell(p(t(pr.latest === null ? '—' : `${formatNumber(pr.latest.value)} (${formatDate(pr.latest.at)})`))),
    cell(p(progressCell)),
    cell(p(t(sourceText(kpi.source)))),
  ]);
}

function baselineSection(input: BusinessCaseAdfInput): BlockContent[] {
  const findings = input.initiation.baselineFindings;
  const cov = baselineCoverage(findings);
  const blocks: BlockContent[] = [
    heading({ level: 2 })(t('Baseline assessment (TS 20000-5 5.3.2)')),
    p(t(`Findings recorded for ${cov.recorded} of ${cov.total} factors.`)),
    table(
      headerRow(['Factor', 'Finding']),
      ...BASELINE_FACTORS.map((f) => tableRow([cell(p(t(`${f.letter}) ${f.label}`))), cell(p(t(line(findings[f.id], 'No finding yet.'))))])),
    ),
    heading({ level: 3 })(t('Maturity at the baseline')),
  ];
  const bm = input.baselineMaturity;
  if (bm === null || bm === undefined || bm.units.length === 0) {
    blocks.push(p(t('No baseline maturity snapshot has been taken yet (Maturity tab).')));
  } else {
    blocks.push(
      p(t(`Snapshot taken on ${formatDate(bm.at)}.`)),
      bullets(bm.units.map((u) => [t(`${line(u.unitName, '?', 200)}: `), lozenge(u.level === 0 ? 'Not yet Level I' : `Level ${'I'.repeat(u.level)}`, u.level === 0 ? 'neutral' : 'blue')])),
    );
  }
  blocks.push(heading({ level: 3 })(t('Key performance indicators')));
  const kpis = input.initiation.kpis;
  if (kpis.length === 0) blocks.push(p(t('No KPIs defined yet.')));
  else blocks.push(table(headerRow(['KPI', 'Unit', 'Direction', 'Baseline', 'Target', 'Latest', 'Progress', 'Source']), ...kpis.map(kpiRow)));
  return blocks;
}

function targetSection(input: BusinessCaseAdfInput): BlockContent[] {
  const ts = input.initiation.targetState;
  const blocks: BlockContent[] = [
    heading({ level: 2 })(t('Target state (TS 20000-5 5.3.3)')),
    p(strong('Target: ') as Inline, t(ts.kind === null ? 'not chosen yet' : TARGET_KIND_LABELS[ts.kind].label)),
    ...textBlocks(ts.description, 'No description yet.'),
  ];
  const kpiNames = new Map(input.initiation.kpis.map((k) => [k.id, k.name]));
  if (ts.objectives.length === 0) {
    blocks.push(p(t('No objectives set yet.')));
  } else {
    blocks.push(
      table(
        headerRow(['Objective', 'Critical success factors', 'KPIs', 'Phases']),
        ...ts.objectives.map((o) =>
          tableRow([
            cell(p(t(line(o.text)))),
            cell(p(t(line(o.csfs.join('; '))))),
            cell(p(t(line(o.kpiIds.map((id) => kpiNames.get(id) ?? id).join(', '))))),
            cell(p(t(line(o.phaseIds.join(', '))))),
          ]),
        ),
      ),
    );
  }
  const check = checkPhasesServeObjectives(input.plan, ts, kpiNames.keys());
  if (input.plan === null || input.plan === undefined || input.plan.phases.length === 0) {
    blocks.push(p(t('There is no phase plan yet, so no phase can be checked against the objectives.')));
  } else {
    blocks.push(
      p(check.ok ? lozenge('Every phase serves an objective', 'green') : lozenge('Check the phases', 'yellow')),
      bullets(
        check.phases.map((c) => [
          t(`${line(c.phaseName, c.phaseId, 200)}: `),
          c.serves ? t(`serves ${c.objectiveIds.join(', ')}`) : lozenge('Serves no objective', 'red'),
        ]),
      ),
    );
    if (check.objectivesWithoutPhase.length > 0) {
      blocks.push(p(t(`Objectives no phase works towards: ${line(check.objectivesWithoutPhase.join(', '))}.`)));
    }
  }
  return blocks;
}

function checklistSection(input: BusinessCaseAdfInput): BlockContent[] {
  const state = input.initiation.planChecklist;
  const pr = planChecklistProgress(state);
  return [
    heading({ level: 2 })(t('Plan checklist (TS 20000-5 5.4)')),
    p(t(`${pr.done} of ${pr.total} items covered by the plan.`)),
    bullets(
      PLAN_CHECKLIST.map((item) => {
        const s = state[item.id];
        const note = s?.note.trim() ? ` — ${line(s.note)}` : '';
        return [lozenge(s?.done ? 'Covered' : 'Open', s?.done ? 'green' : 'neutral'), t(` ${item.letter}) ${item.text}${note}`)];
      }),
    ),
  ];
}

function challengeSection(input: BusinessCaseAdfInput): BlockContent[] {
  const rows = completeRegister(input.initiation.challengeRegister);
  const colors: Record<string, StatusColor> = { open: 'red', watching: 'yellow', resolved: 'green' };
  return [
    heading({ level: 2 })(t('Challenge register (TS 20000-5 clause 6)')),
    table(
      headerRow(['Challenge', 'Risk', 'Owner', 'Status', 'Mitigations in place', 'Related clauses']),
      ...rows.map((r) => {
        const c = CHALLENGES.find((x) => x.id === r.challengeId);
        const score = riskScore(r);
        const m = mitigationProgress(r);
        return tableRow([
          cell(p(t(c?.title ?? r.challengeId)), ...(r.note.trim() ? [p(t(line(r.note)))] : [])),
          cell(p(lozenge(`${score} ${riskBand(score)}`, riskBand(score) === 'high' ? 'red' : riskBand(score) === 'medium' ? 'yellow' : 'green'))),
          cell(p(t(personName(input, r.owner)))),
          cell(p(lozenge(r.status, colors[r.status] ?? 'neutral'))),
          cell(p(t(`${m.done} of ${m.total}`))),
          cell(p(t((c?.relatedClauses ?? []).join(', ') || '—'))),
        ]);
      }),
    ),
  ];
}

/** The whole "Business case" page. */
export function businessCaseAdf(input: BusinessCaseAdfInput): DocNode {
  // No title heading: Confluence shows the page title (businessCasePageTitle) above the body.
  return doc(
    p(
      t(
        `Project ${line(input.projectName, input.projectKey, 200)} (${line(input.projectKey, '?', 50)}) · generated ${formatDate(input.generatedAt)} by SMS Navigator. Structure after ISO/IEC TS 20000-5:2022 clauses 5.3 and 5.4.`,
      ),
    ),
    ...businessCaseSection(input),
    ...baselineSection(input),
    ...targetSection(input),
    ...checklistSection(input),
    ...challengeSection(input),
  );
}

/** Title of the page for a project. */
export const businessCasePageTitle = (projectName: string, projectKey: string): string =>
  `Business case: ${safeLine(projectName, 200, projectKey)}`;
