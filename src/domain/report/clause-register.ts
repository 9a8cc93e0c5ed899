/**
 * The clause register an auditor takes away: one row per assessable clause with its result in words, who set
 * it and why, the evidence with status and age, the open findings and the planned work. The same rows feed the
 * XLSX and CSV exports (as text, `registerTable`) and the "Evidence matrix" page in Confluence (as ADF, with
 * inline cards). Planned work is listed apart and never as evidence.
 */
import { type ClauseId } from '../catalogue/catalogue';
import { pageDay } from '../page-dates';
import { distinctFindings } from '../gap/finding-labels';
import { type GapAnalysis, STATUS_CATEGORY_LABELS } from '../gap/gap-model';
import { PROPOSAL_RULES } from '../gap/proposal-rules';
import { plural } from '../plural';
import { CONFORMITY_RESULT_LABELS, FINDING_GRADE_LABELS } from '../vocabulary';

export const REGISTER_COLUMNS = ['Clause', 'Title', 'Result', 'Set by', 'Why', 'Evidence', 'Open findings', 'Planned work'] as const;

/** Items listed in one text cell before "and N more" (a spreadsheet cell holds at most 32,767 characters). */
export const REGISTER_MAX_ITEMS_PER_CELL = 150;

export interface RegisterIssue {
  key: string;
  summary: string;
  /** Words, e.g. "Done". */
  status: string;
}

export interface RegisterEvidence extends RegisterIssue {
  ageDays: number;
  stale: boolean;
}

export interface RegisterFinding extends RegisterIssue {
  /** Words, e.g. "Major nonconformity". */
  grade: string;
}

export interface RegisterRow {
  clauseId: ClauseId;
  title: string;
  /** In words, e.g. "Partially conformant". */
  result: string;
  /** "Proposed by SMS Navigator" or the person's name and the date. */
  setBy: string;
  why: string;
  evidence: RegisterEvidence[];
  /** Set when `evidence` is the newest page only: Jira's approximate count of all the clause's evidence. */
  evidenceBeyond?: number;
  findings: RegisterFinding[];
  plannedWork: RegisterIssue[];
}

/** The day a result was set, written as the published pages write it (the register feeds the Evidence matrix page). */
const dateOf = (iso: string | undefined): string => (iso === undefined ? '' : (pageDay(iso) ?? ''));

/** The register rows, in catalogue order. `names` gives display names of account ids (who set a result). */
export function clauseRegister(analysis: GapAnalysis, names: Readonly<Record<string, string>> = {}): RegisterRow[] {
  return analysis.clauses.map((c) => {
    const rule = PROPOSAL_RULES.find((r) => r.id === c.ruleId);
    const who = c.setByName ?? (c.setBy !== undefined ? (names[c.setBy] ?? c.setBy) : undefined);
    const setBy = c.proposed ? 'Proposed by SMS Navigator' : [who ?? 'Someone', dateOf(c.setAt) ? `on ${dateOf(c.setAt)}` : ''].filter(Boolean).join(' ');
    const why = c.note?.trim() || (c.proposed ? (rule?.text ?? '') : 'No reason recorded.');
    return {
      clauseId: c.clauseId,
      title: c.title,
      result: CONFORMITY_RESULT_LABELS[c.result],
      setBy,
      why,
      evidence: c.evidence.map((e) => ({ key: e.issueKey, summary: e.summary, status: STATUS_CATEGORY_LABELS[e.statusCategory], ageDays: e.ageDays, stale: e.stale })),
      ...(c.evidenceBeyond !== undefined ? { evidenceBeyond: c.evidenceBeyond.approxTotal } : {}),
      findings: distinctFindings(c.openFindings).map((f) => ({ key: f.id, summary: f.summary, status: 'Open', grade: FINDING_GRADE_LABELS[f.grade] })),
      plannedWork: c.plannedWork.map((w) => ({ key: w.issueKey, summary: w.summary, status: w.done ? 'Done' : 'Open' })),
    };
  });
}

/** "136 days old, stale": the age of an evidence issue (its key, summary and status are on the smart link in Confluence). */
export const evidenceAgeText = (e: RegisterEvidence): string => `${plural(e.ageDays, 'day')} old${e.stale ? ', stale' : ''}`;
export const evidenceText = (e: RegisterEvidence): string => `${e.key} (${e.status}, ${evidenceAgeText(e)})`;
export const findingText = (f: RegisterFinding): string => `${f.key} (${f.grade}): ${f.summary}`;
export const plannedText = (w: RegisterIssue): string => `${w.key} (${w.status})`;

function listCell<T>(items: readonly T[], text: (item: T) => string, none: string, max: number): string {
  if (items.length === 0) return none;
  const shown = items.slice(0, max).map(text);
  return items.length > max ? `${shown.join('; ')}; and ${items.length - max} more` : shown.join('; ');
}

/** The register as text cells (header row first), exactly what the XLSX and CSV exports hold. */
export function registerTable(rows: readonly RegisterRow[], maxItems: number = REGISTER_MAX_ITEMS_PER_CELL): string[][] {
  return [
    [...REGISTER_COLUMNS],
    ...rows.map((r) => [
      r.clauseId,
      r.title,
      r.result,
      r.setBy,
      r.why,
      listCell(r.evidence, evidenceText, 'None', maxItems) + (r.evidenceBeyond !== undefined && r.evidenceBeyond > r.evidence.length ? `; and about ${r.evidenceBeyond - r.evidence.length} more in Jira` : ''),
      listCell(r.findings, findingText, 'None', maxItems),
      listCell(r.plannedWork, plannedText, 'None', maxItems),
    ]),
  ];
}

/**
 * RFC 4180 CSV (CRLF, every cell quoted). A cell that a spreadsheet would run as a formula (starting with
 * =, +, -, @, tab or carriage return) gets a leading apostrophe, so an issue summary cannot become a formula.
 */
export function toCsv(table: readonly (readonly string[])[]): string {
  const cell = (v: string): string => {
    const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  return `${table.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

