/**
 * Summaries and ADF descriptions of the issues the epic sync creates. All prose here is our own wording;
 * clause numbers and titles are facts from the catalogue. ADF is built as plain JSON (what Jira stores).
 */
import { neutraliseBidi } from '../report/safe-text';
import { type ClauseId, requireClause } from '../catalogue/catalogue';
import { type ProcessGroupId, getProcessGroup } from '../process-groups';

export interface AdfText {
  type: 'text';
  text: string;
  marks?: { type: 'strong' | 'em' }[];
}
export interface AdfNode {
  type: string;
  attrs?: Record<string, string | number | boolean | null>;
  content?: (AdfNode | AdfText)[];
}
export interface AdfDoc {
  version: 1;
  type: 'doc';
  content: AdfNode[];
}

/** Jira's limit for a summary. */
export const SUMMARY_MAX = 255;

/** `s` cut to `max` characters with an ellipsis. */
export const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);
/** `s` on one line, whitespace collapsed. */
export const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The longest title the app gives an epic or a work item (one pattern for both, readable in a board card). */
export const TITLE_MAX = 80;

export interface PlanTitleInput {
  phaseNumber: number;
  phaseName: string;
  /** A process group ("8.6") for an epic, a clause ("8.6.1") for a work item. */
  id: string;
  title: string;
}

/** The most characters of a phase name in a title: every epic and item of a phase shows the same name. */
const NAME_MAX = 28;

/** `s` cut to `max` characters at a word end where one is near, with an ellipsis. */
function clipAtWord(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const head = space >= max / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:·-]+$/, '')}…`;
}

/**
 * The one title pattern of the app's epics and work items, "Phase 1 Foundation · 8.6.1 Incident management":
 * the phase number and name, then the process subset (epic) or clause (work item) with its title. Always the
 * same parts in the same order, so every title names its phase (a board or list sorted by summary groups by
 * phase), and never longer than TITLE_MAX. A phase name longer than NAME_MAX is shortened the same way in every
 * title of its phase; then the clause title is shortened if the whole still does not fit. Epics and items are
 * found again by their plan-item property, not their title: a title from an older pattern is only retitled.
 */
export function planIssueTitle(input: PlanTitleInput): string {
  const name = clipAtWord(oneLine(input.phaseName), NAME_MAX);
  const phase = name === '' ? `Phase ${input.phaseNumber}` : `Phase ${input.phaseNumber} ${name}`;
  const head = `${phase} · ${oneLine(input.id)} `;
  return `${head}${clipAtWord(oneLine(input.title), TITLE_MAX - head.length)}`;
}

/** The epic of one process group in one phase: "Phase 1 Foundation · 8.6 Resolution and fulfilment". */
export function epicSummary(phaseNumber: number, phaseName: string, group: ProcessGroupId): string {
  return planIssueTitle({ phaseNumber, phaseName, id: group, title: getProcessGroup(group).title });
}

/** The work item of one clause in one phase: "Phase 1 Foundation · 8.6.1 Incident management". */
export function itemSummary(phaseNumber: number, phaseName: string, clauseId: ClauseId): string {
  const clause = requireClause(clauseId);
  return planIssueTitle({ phaseNumber, phaseName, id: clause.id, title: clause.title });
}

/** "8.6.1 Incident management" (a clause in lists inside descriptions). */
export function clauseLine(clauseId: ClauseId): string {
  const clause = requireClause(clauseId);
  return clip(`${clause.id} ${clause.title}`, SUMMARY_MAX);
}

/** An ADF text node (bidi controls neutralised), bold when `strong`. */
export const text = (raw: string, strong = false): AdfText => {
  const t = neutraliseBidi(raw);
  return strong ? { type: 'text', text: t, marks: [{ type: 'strong' }] } : { type: 'text', text: t };
};
/** An ADF paragraph. */
export const paragraph = (...parts: AdfText[]): AdfNode => ({ type: 'paragraph', content: parts });
const heading = (t: string): AdfNode => ({ type: 'heading', attrs: { level: 3 }, content: [text(t)] });
const bulletList = (lines: string[]): AdfNode => ({
  type: 'bulletList',
  content: lines.map((l) => ({ type: 'listItem', content: [paragraph(text(l))] })),
});

export interface EpicDescriptionInput {
  phaseNumber: number;
  phaseName: string;
  objectives: readonly string[];
  group: ProcessGroupId;
  clauseIds: readonly ClauseId[];
}

/** What the phase must achieve for this process subset, the subset's guidance and the clauses it covers. */
export function epicDescription(input: EpicDescriptionInput): AdfDoc {
  const group = getProcessGroup(input.group);
  const objectives = input.objectives.map(oneLine).filter((o) => o !== '');
  const content: AdfNode[] = [
    paragraph(
      text(`Phase ${input.phaseNumber} (${oneLine(input.phaseName)}) `, true),
      text(
        `of the service management system rollout. This epic tracks the ${group.title.toLowerCase()} processes ` +
          `(clause ${group.id}) planned for the phase: by its end they are defined, staffed, running and producing records ` +
          'that show they work.',
      ),
    ),
    heading('What the phase must achieve'),
    objectives.length > 0 ? bulletList(objectives) : paragraph(text('No objectives are recorded for this phase yet; add them in the plan.')),
    heading('How to approach this subset'),
    paragraph(text(group.guidance)),
  ];
  if (input.clauseIds.length > 0) {
    content.push(
      heading('Clauses covered'),
      bulletList(input.clauseIds.map((id) => clauseLine(id))),
    );
  }
  content.push(
    paragraph(
      text('Created by SMS Navigator from the phase plan. Run "Create in Jira" again after changing the plan to bring these issues in line.'),
    ),
  );
  return { version: 1, type: 'doc', content };
}

export interface ItemDescriptionInput {
  phaseNumber: number;
  phaseName: string;
  clauseId: ClauseId;
}

/** The clause in a sentence (catalogue summary, our words) and what "done" means for the work item. */
export function itemDescription(input: ItemDescriptionInput): AdfDoc {
  const clause = requireClause(input.clauseId);
  return {
    version: 1,
    type: 'doc',
    content: [
      paragraph(text(`Clause ${clause.id}: `, true), text(clause.summary)),
      paragraph(
        text(
          `Part of phase ${input.phaseNumber} (${oneLine(input.phaseName)}). Done when the practice this clause asks for is agreed, ` +
            'in use, and backed by evidence (policies, procedures or records) mapped to the clause.',
        ),
      ),
    ],
  };
}
