/**
 * Every key the app writes to the key-value store starts with one of these prefixes, so that a prefix
 * query never mixes two aggregates. Add new aggregates here (one constant + one key builder each).
 * KVS keys are at most 500 characters; ids used in keys are Jira/Confluence ids (short, no spaces).
 */
export const KEY_PREFIXES = {
  projectSettings: 'settings:project:',
  job: 'job:record:',
  jobSlot: 'job:slot:',
  jobSlotHint: 'job:slothint:',
  jobEnd: 'job:end:',
  jobClaim: 'job:claim:',
  scopeHead: 'scope:head:',
  scopeVersion: 'scope:version:',
  assessmentUnit: 'assessment:unit:',
  snapshot: 'assessment:snapshot:',
  plan: 'plan:project:',
  mappingChange: 'mapping:change:',
  mappingLast: 'mapping:last:',
  mappingDraft: 'mapping:draft:',
  clauseRecord: 'gap:clause:',
  reportPublication: 'report:publication:',
  initiation: 'initiation:project:',
  phaseEvaluation: 'evaluation:phase:',
  lessons: 'evaluation:lessons:',
  planHistory: 'evaluation:planhistory:',
  auditProgramme: 'audit:programme:',
} as const;

export type KeyPrefix = (typeof KEY_PREFIXES)[keyof typeof KEY_PREFIXES];

/** `settings:project:<projectId>` — one record per Jira project. */
export const projectSettingsKey = (projectId: string): string => `${KEY_PREFIXES.projectSettings}${projectId}`;

/** `job:record:<jobId>` — progress of one queued job (any type). */
export const jobKey = (jobId: string): string => `${KEY_PREFIXES.job}${jobId}`;

/** `job:slot:<type>:<scope>:<nnnnnn>` — the n-th job of a type in a scope (written once; the history). */
export const jobSlotKey = (type: string, scope: string, slot: number): string =>
  `${KEY_PREFIXES.jobSlot}${type}:${scope}:${String(slot).padStart(6, '0')}`;

/** `job:slothint:<type>:<scope>` — the newest slot known of a type in a scope. */
export const jobSlotHintKey = (type: string, scope: string): string => `${KEY_PREFIXES.jobSlotHint}${type}:${scope}`;

/** `job:end:<jobId>` — how the job ended (written once, by whoever ended it). */
export const jobEndKey = (jobId: string): string => `${KEY_PREFIXES.jobEnd}${jobId}`;

/** `job:claim:<jobId>:<nnnn>` — the delivery that runs attempt n of the job. */
export const jobClaimKey = (jobId: string, attempt: number): string => `${KEY_PREFIXES.jobClaim}${jobId}:${String(attempt).padStart(4, '0')}`;

/** `scope:head:<projectId>` — the current scope version number and who saved it. */
export const scopeHeadKey = (projectId: string): string => `${KEY_PREFIXES.scopeHead}${projectId}`;

/** `scope:version:<projectId>:` — prefix of every saved scope version of a project. */
export const scopeVersionPrefix = (projectId: string): string => `${KEY_PREFIXES.scopeVersion}${projectId}:`;

/** `scope:version:<projectId>:<000042>` — one immutable scope version (zero-padded so key order = version order). */
export const scopeVersionKey = (projectId: string, version: number): string =>
  `${scopeVersionPrefix(projectId)}${String(version).padStart(6, '0')}`;

/** `assessment:unit:<projectId>:` — prefix of the per-unit assessment records of a project. */
export const assessmentUnitPrefix = (projectId: string): string => `${KEY_PREFIXES.assessmentUnit}${projectId}:`;

/** `assessment:unit:<projectId>:<unitId>` — one assessment unit (a clause-8 process or `sms`). */
export const assessmentUnitKey = (projectId: string, unitId: string): string => `${assessmentUnitPrefix(projectId)}${unitId}`;

/** `assessment:snapshot:<projectId>:` — prefix of the maturity snapshots of a project. */
export const snapshotPrefix = (projectId: string): string => `${KEY_PREFIXES.snapshot}${projectId}:`;

/** `assessment:snapshot:<projectId>:<snapshotId>` — one snapshot (ids sort by time). */
export const snapshotKey = (projectId: string, snapshotId: string): string => `${snapshotPrefix(projectId)}${snapshotId}`;

/** `plan:project:<projectId>` — the phase plan of a project. */
export const planKey = (projectId: string): string => `${KEY_PREFIXES.plan}${projectId}`;

/** `mapping:change:<projectId>:<changeId>` — a bulk clause-mapping change (head; its chunks add `:<nnnn>`). */
export const mappingChangeKey = (projectId: string, changeId: string): string => `${KEY_PREFIXES.mappingChange}${projectId}:${changeId}`;

/** `mapping:last:<projectId>` — the last applied bulk mapping change of a project (what undo restores). */
export const mappingLastKey = (projectId: string): string => `${KEY_PREFIXES.mappingLast}${projectId}`;

/** `mapping:draft:<projectId>:<accountId>` — the user's latest unapplied bulk-mapping preview (replaced by the next). */
export const mappingDraftKey = (projectId: string, accountId: string): string => `${KEY_PREFIXES.mappingDraft}${projectId}:${accountId}`;

/** `gap:clause:<projectId>:` — prefix of the user-set conformity results of a project. */
export const clauseRecordPrefix = (projectId: string): string => `${KEY_PREFIXES.clauseRecord}${projectId}:`;

/** `gap:clause:<projectId>:<clauseId>` — the conformity result a user set for one clause. */
export const clauseRecordKey = (projectId: string, clauseId: string): string => `${clauseRecordPrefix(projectId)}${clauseId}`;

/** `report:publication:<projectId>` — where the gap report was published and the snapshot it showed. */
export const reportPublicationKey = (projectId: string): string => `${KEY_PREFIXES.reportPublication}${projectId}`;

/** `initiation:project:<projectId>` — the initiation workspace (business case, KPIs, target, register). */
export const initiationKey = (projectId: string): string => `${KEY_PREFIXES.initiation}${projectId}`;

/** `evaluation:phase:<projectId>:<phaseId>` — the latest evaluation of one phase (objectives judged, causes, actions). */
export const phaseEvaluationKey = (projectId: string, phaseId: string): string => `${KEY_PREFIXES.phaseEvaluation}${projectId}:${phaseId}`;

/** `evaluation:lessons:<projectId>` — the lessons-learned register of a project. */
export const lessonsKey = (projectId: string): string => `${KEY_PREFIXES.lessons}${projectId}`;

/** `evaluation:planhistory:<projectId>` — the plan's revisions with their reasons. */
export const planHistoryKey = (projectId: string): string => `${KEY_PREFIXES.planHistory}${projectId}`;

/** `audit:programme:<projectId>` — the audit programme's own data: process owners, management review publications. */
export const auditProgrammeKey = (projectId: string): string => `${KEY_PREFIXES.auditProgramme}${projectId}`;
