/**
 * What the gap report needs. Scope, maturity and plan data come in as small rows of their own (not the
 * planning module's types), so the report does not depend on how those are stored. The app maps its data
 * into these rows; the gap analysis and its changes come from src/domain/gap.
 */
import { type ClauseId } from '../catalogue/catalogue';
import { type MaturityLevel } from '../maturity/maturity-model';
import { type GapAnalysis } from '../gap/gap-model';
import { type GapSnapshot } from '../gap/gap-model';

/** Maturity of one implementation unit (a process or process group), current vs target. */
export interface ReportMaturityRow {
  unitId: string;
  unitName: string;
  current: MaturityLevel;
  target: MaturityLevel;
}

/** Progress of one implementation phase, counted from the issues under its epic. */
export interface ReportPhase {
  name: string;
  epicKey?: string;
  done: number;
  inProgress: number;
  toDo: number;
}

export const CHALLENGE_STATUSES = ['open', 'watching', 'resolved'] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

/** One row of the challenge (risk) register. Rows with status 'resolved' are not listed as open risks. */
export interface ChallengeRegisterRow {
  challengeId: string;
  /** Defaults to the title of the known challenge with that id. */
  title?: string;
  status: ChallengeStatus;
  note?: string;
  relatedClauses?: readonly ClauseId[];
}

export interface ReportOptions {
  /** Inline cards listed per clause before "and N more"; default 10. */
  maxEvidencePerClause?: number;
  /** Cap for one carried string (issue summary, note, name) in characters; default 300. */
  maxTextLength?: number;
  /** Cap for the scope statement in characters; default 5000. */
  maxScopeLength?: number;
}

/** The app and environment ids Forge gives at run time (getAppContext), and the project the macro shows. */
export interface ReadinessMacroRef {
  appId: string;
  environmentId: string;
  /** e.g. DEVELOPMENT, STAGING, PRODUCTION. */
  environmentType: string;
  projectId: string;
  projectKey: string;
}

export interface GapReportInput {
  /** Jira site, e.g. "https://example.atlassian.net"; issue links are `${siteBaseUrl}/browse/KEY`. */
  siteBaseUrl: string;
  projectKey: string;
  projectName: string;
  /** ISO date-time the report is generated at (shown on the page). */
  generatedAt: string;
  /** Page title shown as the first heading; default "Gap report: <project name>". */
  title?: string;
  scopeStatement: string;
  /** Version label of the scope statement, e.g. 3 or "2026-11-01". */
  scopeVersion?: string | number;
  gaps: GapAnalysis;
  maturity: readonly ReportMaturityRow[];
  phases: readonly ReportPhase[];
  /** Challenge register; when absent the four known implementation challenges are listed as open. */
  challenges?: readonly ChallengeRegisterRow[];
  /** The snapshot kept at the previous publish (readiness then, what changed since); absent = first publish. */
  previous?: GapSnapshot;
  /** Where the "SMS readiness" macro of this app lives; absent = no macro at the top (e.g. the preview). */
  macro?: ReadinessMacroRef;
  options?: ReportOptions;
}
