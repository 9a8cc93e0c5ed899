/**
 * The one authorization table: for every resolver key, the right the caller needs and why. defineResolver reads
 * the right from here (a resolver without a row cannot be defined), the README's table is rendered from here
 * (test/resolvers/authorization.test.ts checks it matches), and the authorization test runs every resolver of
 * the wiring as each kind of user against it.
 *
 * The rights (src/services/access.ts):
 * - read: Jira's Browse projects on the project;
 * - write: read, and Administer projects or membership of the editor role chosen in the project settings;
 * - admin: read, and Administer projects — for the settings, which decide who may write;
 * - map-issue: read and Edit issues, and Administer projects or the editor role — unless the project setting
 *   "everyone who can edit an issue may map its clauses" is on, then Edit issues alone is enough.
 * A resolver's `requires` (e.g. CREATE_ISSUES) are Jira project permissions asked in the same call, on top.
 */
import type { ResolverKey } from '../contract/resolvers';
import type { AccessLevel } from '../services/access';

export interface AuthorizationRow {
  access: AccessLevel;
  /** Why this right, in one sentence (shown in the README table). */
  reason: string;
}

const read = (reason: string): AuthorizationRow => ({ access: 'read', reason });
const write = (reason: string): AuthorizationRow => ({ access: 'write', reason });
/** The two rows most resolvers share. */
const READ_VIEW = read('Shows SMS data of the project and changes nothing: whoever can browse the project may see it.');
const WRITE_DATA = write('Changes SMS data of the project: project administrators and the editor role.');

/** One row per resolver of the contract map (src/contract/resolvers.ts): the compiler checks none is missing or extra. */
export const AUTHORIZATION: Readonly<Record<ResolverKey, AuthorizationRow>> = {
  getAppContext: read('Tells the UI who the caller is and what they may do; changes nothing.'),
  getProjectSettings: read('Shows the current settings (by name) to everyone who can browse; changes nothing.'),
  saveProjectSettings: { access: 'admin', reason: 'The settings choose the editor role and who may map clauses, i.e. who may write: they stay with project administrators.' },
  getSettingsOptions: read('A read-only lookup made as the user (Jira and Confluence only list what the caller may see); it changes nothing, so Browse is enough.'),
  searchUsers: read("The user picker: Jira's user search made as the user (Jira lists only whom the caller may browse); changes nothing."),
  previewEpicSync: read('Lists what Create in Jira would create, retitle, re-parent and close, without writing anything (one search as the user).'),
  startEpicSync: write('Creates epics and work items in Jira from the saved plan; also needs Create issues, as the job then works as the app.'),
  getJobStatus: READ_VIEW,
  getScope: READ_VIEW,
  getScopeHistory: READ_VIEW,
  getScopeDiff: READ_VIEW,
  previewScope: read('Renders a draft scope statement without saving it.'),
  saveScope: WRITE_DATA,
  getAssessment: READ_VIEW,
  saveUnitAssessment: WRITE_DATA,
  takeSnapshot: WRITE_DATA,
  listSnapshots: READ_VIEW,
  compareSnapshots: READ_VIEW,
  getPlan: READ_VIEW,
  proposePlan: read('Computes a proposal without saving it.'),
  checkPlan: read('Checks a draft plan against the rules without saving it.'),
  savePlan: WRITE_DATA,
  listClauses: read('The clause catalogue; changes nothing.'),
  getIssueClauses: read('Shows the clause mapping of the issue of the panel; changes nothing.'),
  saveIssueClauses: {
    access: 'map-issue',
    reason:
      'Mapping clauses changes what the report counts as evidence: Edit issues and the editor role (or Administer), unless a project administrator opened it to everyone who can edit the issue.',
  },
  getCoverage: READ_VIEW,
  saveProjectIssueClause: {
    access: 'map-issue',
    reason:
      'Maps an unmapped issue from the coverage list: the same change as the issue panel, so the same rights (Edit issues and the editor role or Administer, or everyone who can edit the issue when a project administrator allows it).',
  },
  previewBulkMapping: write('Stores the preview that startBulkMapping applies (a change in the making): only those who may apply it.'),
  startBulkMapping: write('Rewrites the clause mapping of many issues (the job works as the app): the editor right and Edit issues.'),
  undoBulkMapping: write('Rewrites the clause mapping of many issues back: the editor right and Edit issues.'),
  getBulkMappingStatus: READ_VIEW,
  resumeJob: write('Continues an interrupted job (it writes to Jira or Confluence as the app): only those who may start it.'),
  abandonJob: write('Ends an interrupted job; for a bulk mapping it queues the undo of what the job wrote: only those who may start it.'),
  listJobHistory: READ_VIEW,
  getGapReport: READ_VIEW,
  setClauseResult: WRITE_DATA,
  getReadinessMacro: read(
    'The SMS readiness macro in Confluence: readiness, maturity and trend of the project named in the macro, read as the viewer after the Browse check; changes nothing.',
  ),
  listMacroProjects: {
    access: 'signed-in',
    reason:
      "The macro's configuration, before it names a project: Jira's project search made as the user, so it lists only the projects the caller may browse; changes nothing.",
  },
  getClauseRegister: read('The clause register for the XLSX and CSV exports: SMS data of the project, read as the user; changes nothing.'),
  previewReport: read('Builds the report page as it would be published, without publishing it.'),
  startPublishReport: write('Publishes the report to Confluence (the job works as the app).'),
  getInitiation: READ_VIEW,
  saveBusinessCase: WRITE_DATA,
  approveBusinessCase: write('Records the approval of the business case by the caller.'),
  publishBusinessCase: write('Publishes the business case page to Confluence.'),
  saveKpis: WRITE_DATA,
  computeKpi: write('Runs the KPI query and records the result as a measurement.'),
  recordKpiMeasurement: WRITE_DATA,
  saveTargetState: WRITE_DATA,
  saveChallengeRegister: WRITE_DATA,
  getPhaseEvaluation: read('Shows the evaluation of a phase; its KPI queries and Jira searches run as the user, so they count only what the caller can see; changes nothing.'),
  savePhaseEvaluation: WRITE_DATA,
  previewEvaluationAction: read('Shows the Jira issue an agreed action would become, without creating it.'),
  recordEvaluationAction: write('Creates the agreed action as a Jira issue (as the user, so Jira also checks Create issues and Link issues) and records it with the evaluation.'),
  listLessons: READ_VIEW,
  recordLesson: WRITE_DATA,
  takeUpLesson: WRITE_DATA,
  getAuditProgramme: read('The audit programme, findings, nonconformities and corrective actions: one search as the user (Jira shows only what the caller may browse); changes nothing.'),
  saveProcessOwners: write('The process owners decide who may audit what (the independence rule): changed by those who change SMS data.'),
  planAudit: write('Creates the audit issue in Jira as the user (who also needs Create issues).'),
  startAuditSample: write("Draws the sample and writes it into the audit issue (the job works as the app, after the audit was read as the user)."),
  recordFinding: write('Creates a graded finding issue as the user and links it to the audit (Create issues and Link issues too).'),
  createCorrectiveAction: write('Creates the corrective-action issue as the user and links it to the nonconformity (Create issues and Link issues too).'),
  completeCorrectiveAction: write('Moves the corrective action to a done status as the user (Transition issues too).'),
  verifyCorrectiveAction: write('Records the verification of effectiveness on the action, which can close the nonconformity (Edit issues too).'),
  getCertificationReadiness: READ_VIEW,
  startPublishReview: write('Publishes the management review pack to Confluence (the job works as the app).'),
  recordReviewOutput: write('Creates a decision or action of the management review as a Jira issue, as the user (Create issues too).'),
};

/** Whether `key` names a resolver of the contract map (it has a row). */
export const isResolverKey = (key: string): key is ResolverKey => Object.prototype.hasOwnProperty.call(AUTHORIZATION, key);

/** The row of `key`; throws (at definition time) when the table has none. */
export function authorizationOf(key: string): AuthorizationRow {
  const row = isResolverKey(key) ? AUTHORIZATION[key] : undefined;
  if (row === undefined) throw new Error(`Resolver ${key} has no row in the authorization table (src/resolvers/authorization.ts).`);
  return row;
}

const RIGHT_TEXT: Readonly<Record<AccessLevel, string>> = {
  read: 'Browse',
  write: 'Administer, or the editor role',
  admin: 'Administer',
  'map-issue': 'Edit issues + (Administer, or the editor role, or the project setting)',
  'signed-in': 'Signed in (no project; Jira answers as the user)',
};

/** The table as Markdown, one row per resolver in `resolvers` order (the README embeds it between markers). */
export function renderAuthorizationTable(resolvers: readonly { key: string; requires?: readonly string[] }[]): string {
  const lines = ['| resolver | right needed | also | why |', '|---|---|---|---|'];
  for (const r of resolvers) {
    const row = authorizationOf(r.key);
    lines.push(`| \`${r.key}\` | ${RIGHT_TEXT[row.access]} | ${(r.requires ?? []).join(', ') || '—'} | ${row.reason} |`);
  }
  return lines.join('\n');
}
