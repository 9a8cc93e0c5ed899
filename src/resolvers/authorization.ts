/**
 * The one authorization table: for every resolver key, the right the caller needs and why. defineResolver reads
 * the right from here (a resolver without a row cannot be defined), the README's table is rendered from here
 * (test/resolvers/authorization.test.ts checks it matches), and the authorization test runs every resolver of
 * the wiring as each kind of user against it.
 *
 * The rights (src/resolvers/access.ts):
 * - read: Jira's Browse projects on the project;
 * - write: read, and Administer projects or membership of the editor role chosen in the project settings;
 * - admin: read, and Administer projects — for the settings, which decide who may write;
 * - map-issue: read and Edit issues, and Administer projects or the editor role — unless the project setting
 *   "everyone who can edit an issue may map its clauses" is on, then Edit issues alone is enough.
 * A resolver's `requires` (e.g. CREATE_ISSUES) are Jira project permissions asked in the same call, on top.
 */
import type { AccessLevel } from './access';

export interface AuthorizationRow {
  access: AccessLevel;
  /** Why this right, in one sentence (shown in the README table). */
  reason: string;
}

const READ_VIEW = 'Shows SMS data of the project and changes nothing: whoever can browse the project may see it.';
const WRITE_DATA = 'Changes SMS data of the project: project administrators and the editor role.';

export const AUTHORIZATION: Readonly<Record<string, AuthorizationRow>> = {
  getAppContext: { access: 'read', reason: 'Tells the UI who the caller is and what they may do; changes nothing.' },
  getProjectSettings: { access: 'read', reason: 'Shows the current settings (by name) to everyone who can browse; changes nothing.' },
  saveProjectSettings: { access: 'admin', reason: 'The settings choose the editor role and who may map clauses, i.e. who may write: they stay with project administrators.' },
  getSettingsOptions: { access: 'read', reason: 'A read-only lookup made as the user (Jira and Confluence only list what the caller may see); it changes nothing, so Browse is enough.' },
  startEpicSync: { access: 'write', reason: 'Creates epics and work items in Jira from the saved plan; also needs Create issues, as the job then works as the app.' },
  getJobStatus: { access: 'read', reason: READ_VIEW },
  getScope: { access: 'read', reason: READ_VIEW },
  getScopeHistory: { access: 'read', reason: READ_VIEW },
  getScopeDiff: { access: 'read', reason: READ_VIEW },
  previewScope: { access: 'read', reason: 'Renders a draft scope statement without saving it.' },
  saveScope: { access: 'write', reason: WRITE_DATA },
  getAssessment: { access: 'read', reason: READ_VIEW },
  saveUnitAssessment: { access: 'write', reason: WRITE_DATA },
  takeSnapshot: { access: 'write', reason: WRITE_DATA },
  listSnapshots: { access: 'read', reason: READ_VIEW },
  compareSnapshots: { access: 'read', reason: READ_VIEW },
  getPlan: { access: 'read', reason: READ_VIEW },
  proposePlan: { access: 'read', reason: 'Computes a proposal without saving it.' },
  checkPlan: { access: 'read', reason: 'Checks a draft plan against the rules without saving it.' },
  savePlan: { access: 'write', reason: WRITE_DATA },
  listClauses: { access: 'read', reason: 'The clause catalogue; changes nothing.' },
  getIssueClauses: { access: 'read', reason: 'Shows the clause mapping of the issue of the panel; changes nothing.' },
  saveIssueClauses: {
    access: 'map-issue',
    reason:
      'Mapping clauses changes what the report counts as evidence: Edit issues and the editor role (or Administer), unless a project administrator opened it to everyone who can edit the issue.',
  },
  getCoverage: { access: 'read', reason: READ_VIEW },
  saveProjectIssueClause: {
    access: 'map-issue',
    reason: 'Maps an unmapped issue from the coverage list: the same change as the issue panel, so the same rights (Edit issues and the editor role or Administer, or everyone who can edit the issue when a project administrator allows it).',
  },
  previewBulkMapping: { access: 'write', reason: 'Stores the preview that startBulkMapping applies (a change in the making): only those who may apply it.' },
  startBulkMapping: { access: 'write', reason: 'Rewrites the clause mapping of many issues (the job works as the app): the editor right and Edit issues.' },
  undoBulkMapping: { access: 'write', reason: 'Rewrites the clause mapping of many issues back: the editor right and Edit issues.' },
  getBulkMappingStatus: { access: 'read', reason: READ_VIEW },
  resumeJob: { access: 'write', reason: 'Continues an interrupted job (it writes to Jira or Confluence as the app): only those who may start it.' },
  abandonJob: { access: 'write', reason: 'Ends an interrupted job; for a bulk mapping it queues the undo of what the job wrote: only those who may start it.' },
  listJobHistory: { access: 'read', reason: READ_VIEW },
  getGapReport: { access: 'read', reason: READ_VIEW },
  setClauseResult: { access: 'write', reason: WRITE_DATA },
  previewReport: { access: 'read', reason: 'Builds the report page as it would be published, without publishing it.' },
  startPublishReport: { access: 'write', reason: 'Publishes the report to Confluence (the job works as the app).' },
  getInitiation: { access: 'read', reason: READ_VIEW },
  saveBusinessCase: { access: 'write', reason: WRITE_DATA },
  approveBusinessCase: { access: 'write', reason: 'Records the approval of the business case by the caller.' },
  publishBusinessCase: { access: 'write', reason: 'Publishes the business case page to Confluence.' },
  saveKpis: { access: 'write', reason: WRITE_DATA },
  computeKpi: { access: 'write', reason: 'Runs the KPI query and records the result as a measurement.' },
  recordKpiMeasurement: { access: 'write', reason: WRITE_DATA },
  saveTargetState: { access: 'write', reason: WRITE_DATA },
  saveChallengeRegister: { access: 'write', reason: WRITE_DATA },
};

/** The row of `key`; throws (at definition time) when the table has none. */
export function authorizationOf(key: string): AuthorizationRow {
  const row = Object.prototype.hasOwnProperty.call(AUTHORIZATION, key) ? AUTHORIZATION[key] : undefined;
  if (row === undefined) throw new Error(`Resolver ${key} has no row in the authorization table (src/resolvers/authorization.ts).`);
  return row;
}

const RIGHT_TEXT: Readonly<Record<AccessLevel, string>> = {
  read: 'Browse',
  write: 'Administer, or the editor role',
  admin: 'Administer',
  'map-issue': 'Edit issues + (Administer, or the editor role, or the project setting)',
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
