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

const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);
const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * "SMS Phase 1 — Resolution and fulfilment (8.6)" when the phase is named after the group, otherwise
 * "SMS Phase 2 · Relationship and agreement — Service assurance (8.7)". Renaming or moving a phase changes it.
 */
export function epicSummary(phaseNumber: number, phaseName: string, group: ProcessGroupId): string {
  const title = getProcessGroup(group).title;
  const name = oneLine(phaseName);
  const head = `SMS Phase ${phaseNumber}`;
  const tail = `${title} (${group})`;
  if (name.toLowerCase() === title.toLowerCase()) return clip(`${head} — ${tail}`, SUMMARY_MAX);
  const room = SUMMARY_MAX - head.length - tail.length - 6;
  return `${head} · ${clip(name, Math.max(10, room))} — ${tail}`;
}

/** "8.6.1 Incident management". */
export function itemSummary(clauseId: ClauseId): string {
  const clause = requireClause(clauseId);
  return clip(`${clause.id} ${clause.title}`, SUMMARY_MAX);
}

const text = (raw: string, strong = false): AdfText => {
  const t = neutraliseBidi(raw);
  return strong ? { type: 'text', text: t, marks: [{ type: 'strong' }] } : { type: 'text', text: t };
};
const paragraph = (...parts: AdfText[]): AdfNode => ({ type: 'paragraph', content: parts });
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
      bulletList(input.clauseIds.map((id) => itemSummary(id))),
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
