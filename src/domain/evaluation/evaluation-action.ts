/**
 * The agreed action of an objective that a phase did not fully meet (TS 20000-5 5.6): a Jira issue the app creates
 * from the cause and the action people agreed, labelled `sms-evaluation-action`, carrying which phase and which
 * objective it answers in the `sms-navigator-evaluation-action` issue property, and linked ("relates to") to the
 * objective's evidence and the phase's epics.
 *
 * Creating it is idempotent: the key is stored with the objective's evaluation and looked up first; when the
 * store lost it (a crash between the create and the save), the app's own action issues are searched by label
 * and the property names the one already made.
 */
import { z } from 'zod';
import { type AdfDoc, type AdfNode, SUMMARY_MAX, clip, oneLine, paragraph, text } from '../epics/epic-content';
import { compareIssueKeys } from '../gap/analyse-gaps';
import { OBJECTIVE_VERDICT_LABELS, type ObjectiveVerdict } from './phase-evaluation';

/** The Jira label of every agreed action of a phase evaluation. */
export const EVALUATION_ACTION_LABEL = 'sms-evaluation-action';

/** The Jira link type between an action and what it concerns (present on every Jira site). */
export const EVALUATION_ACTION_LINK_TYPE = 'Relates';

/** Most issues one action is linked to (the objective's evidence first, then the phase's epics). */
export const MAX_ACTION_LINKS = 20;

/** Value of the `sms-navigator-evaluation-action` issue property. */
export const evaluationActionPropertySchema = z.object({
  phaseId: z.string().min(1).max(80),
  objectiveId: z.string().min(1).max(120),
});
export type EvaluationActionProperty = z.infer<typeof evaluationActionPropertySchema>;

/** What people agree for one objective not fully met. */
export const agreedActionSchema = z.object({
  verdict: z.enum(['partly_met', 'not_met']),
  cause: z.string().trim().min(1, 'Say why the objective was not (fully) met.').max(2000),
  action: z.string().trim().min(1, 'Say what action was agreed.').max(2000),
});
export type AgreedAction = z.infer<typeof agreedActionSchema>;

export interface ActionIssueDraft {
  summary: string;
  labels: string[];
  description: AdfDoc;
  /** Issues the action will be linked to, in key order within evidence, then epics. */
  linkTo: string[];
  property: EvaluationActionProperty;
}

export interface ActionIssueInput {
  phaseId: string;
  phaseName: string;
  objectiveId: string;
  objectiveText: string;
  agreed: AgreedAction;
  evidenceKeys: readonly string[];
  epicKeys: readonly string[];
}

/** The title: "Action · <phase>: <objective>", on one line, within Jira's summary limit. */
export function actionSummary(phaseName: string, objectiveText: string): string {
  return clip(`Action · ${oneLine(phaseName)}: ${oneLine(objectiveText)}`, SUMMARY_MAX);
}

/** The issues to link the action to: the objective's evidence, then the phase's epics; no repeats, at most MAX_ACTION_LINKS. */
export function actionLinkTargets(evidenceKeys: readonly string[], epicKeys: readonly string[]): string[] {
  const evidence = [...new Set(evidenceKeys)].sort(compareIssueKeys);
  const epics = [...new Set(epicKeys)].filter((k) => !evidence.includes(k)).sort(compareIssueKeys);
  return [...evidence, ...epics].slice(0, MAX_ACTION_LINKS);
}

const section = (title: string, body: string): AdfNode[] => [
  paragraph(text(title, true)),
  ...body
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => paragraph(text(p))),
];

/** The issue the app creates for the agreed action (our own wording; the user's cause and action as written). */
export function actionIssueDraft(input: ActionIssueInput): ActionIssueDraft {
  const verdict: ObjectiveVerdict = input.agreed.verdict;
  const description: AdfDoc = {
    version: 1,
    type: 'doc',
    content: [
      paragraph(text(`Agreed in the evaluation of phase “${oneLine(input.phaseName)}”: the objective below was judged `), text(OBJECTIVE_VERDICT_LABELS[verdict].toLowerCase(), true), text('.')),
      ...section('Objective', input.objectiveText),
      ...section('Cause', input.agreed.cause),
      ...section('Agreed action', input.agreed.action),
    ],
  };
  return {
    summary: actionSummary(input.phaseName, input.objectiveText),
    labels: [EVALUATION_ACTION_LABEL],
    description,
    linkTo: actionLinkTargets(input.evidenceKeys, input.epicKeys),
    property: { phaseId: input.phaseId, objectiveId: input.objectiveId },
  };
}

/** The action issue already made for this objective, among the app's action issues (their property read); the oldest when several. */
export function findActionIssue(issues: readonly { key: string; property: unknown }[], phaseId: string, objectiveId: string): string | null {
  const hits = issues
    .filter((i) => {
      const p = evaluationActionPropertySchema.safeParse(i.property);
      return p.success && p.data.phaseId === phaseId && p.data.objectiveId === objectiveId;
    })
    .map((i) => i.key)
    .sort(compareIssueKeys);
  return hits[0] ?? null;
}

/** Link targets the action is not linked to yet (`linked`: the keys its links already reach). */
export function missingLinks(targets: readonly string[], linked: readonly string[]): string[] {
  const have = new Set(linked);
  return targets.filter((k) => !have.has(k));
}
