/** Fixed-default builders for the audit programme, nonconformities and the review pack (no randomness). */
import { type AuditPlan, type CorrectiveAction, type CycleIssue, type Nonconformity, type ReviewPackInput, type SampleCandidate, ageBucketOf, ageInDays } from '../../src/domain/audit';
import { type StatusCategory } from '../../src/domain/gap';

export const AUDIT_AS_OF = '2026-11-26T12:00:00.000Z';
export const AUDIT_TODAY = '2026-11-26';
const DAY_MS = 86_400_000;

/** ISO date-time `days` days before AUDIT_AS_OF. */
export function createdDaysAgo(days: number): string {
  return new Date(Date.parse(AUDIT_AS_OF) - days * DAY_MS).toISOString();
}

/** A candidate `ageDays` old at AUDIT_AS_OF (default 10). */
export function aCandidate(overrides: Partial<SampleCandidate> & { ageDays?: number } = {}): SampleCandidate {
  const { ageDays = 10, ...rest } = overrides;
  return {
    issueKey: 'SMS-1',
    statusCategory: 'done',
    ageBucket: ageBucketOf(ageInDays(createdDaysAgo(ageDays), AUDIT_AS_OF)),
    clauses: ['8.6.1'],
    hasFindingLabel: false,
    isPlanItem: false,
    ...rest,
  };
}

const CATEGORIES: readonly StatusCategory[] = ['done', 'indeterminate', 'new'];
const AGES = [5, 60, 200, 500];

/**
 * `count` evidence candidates mapped to `clauseId`, keys SMS-<start>.., spread round-robin over the 3 status
 * categories and then the 4 age buckets (so every stratum is filled once count ≥ 12).
 */
export function manyCandidates(count: number, clauseId = '8.6.1', start = 1): SampleCandidate[] {
  return Array.from({ length: count }, (_, i) =>
    aCandidate({
      issueKey: `SMS-${start + i}`,
      statusCategory: CATEGORIES[i % 3] ?? 'done',
      ageDays: AGES[Math.floor(i / 3) % 4] ?? 5,
      clauses: [clauseId],
    }),
  );
}

export function anAuditPlan(overrides: Partial<AuditPlan> = {}): AuditPlan {
  return {
    title: 'Internal audit Q4: incident and change',
    scope: { clauses: ['8.5.1'], processes: ['8.6.1'] },
    criteria: 'ISO/IEC 20000-1:2018 and the SMS procedures for incidents and changes',
    start: '2026-12-01',
    end: '2026-12-03',
    auditor: '557058:auditor',
    ...overrides,
  };
}

export function aNonconformity(overrides: Partial<Nonconformity> = {}): Nonconformity {
  return { issueKey: 'SMS-100', summary: 'Emergency changes are not reviewed afterwards', grade: 'major_nc', clauses: ['8.5.1.3'], auditKey: 'SMS-90', ...overrides };
}

export function aCorrectiveAction(overrides: Partial<CorrectiveAction> = {}): CorrectiveAction {
  return {
    issueKey: 'SMS-101',
    nonconformityKey: 'SMS-100',
    rootCause: 'No owner was named for the review of emergency changes.',
    action: 'Name the change manager as owner and add the review to the change workflow.',
    dueDate: '2026-12-15',
    verification: null,
    statusCategory: 'indeterminate',
    ...overrides,
  };
}

export function verifiedEffective(effective = true): NonNullable<CorrectiveAction['verification']> {
  return { effective, verifiedAt: '2026-12-20T10:00:00.000Z', verifiedBy: '557058:auditor', note: 'Sampled five emergency changes after the fix: all reviewed.' };
}

export function aReviewPackInput(overrides: Partial<ReviewPackInput> = {}): ReviewPackInput {
  return {
    projectKey: 'SMS',
    projectName: 'Service Management',
    siteBaseUrl: 'https://example.atlassian.net',
    generatedAt: '2026-11-26T12:00:00.000Z',
    reviewDate: AUDIT_TODAY,
    periodStart: '2026-06-01',
    audits: [{ auditKey: 'SMS-90', title: 'Internal audit Q4', start: '2026-10-01', end: '2026-10-03', clauseCount: 12, findings: { major_nc: 1, minor_nc: 2, observation: 1, opportunity_for_improvement: 0 } }],
    nonconformities: [aNonconformity()],
    actions: [aCorrectiveAction()],
    kpis: [
      { kpiId: 'service-down-time', name: 'Service down time', unit: 'hours', direction: 'lower', baseline: 10, now: 6, target: 4, change: -4, improved: true, targetMet: false, jql: 'project = "SMS" AND (issuetype = Incident)' },
      { kpiId: 'customer-satisfaction', name: 'Customer satisfaction', unit: '% satisfied', direction: 'higher', baseline: 70, now: 82, target: 80, change: 12, improved: true, targetMet: true, jql: null },
    ],
    maturity: [{ unitId: '8.6.1', unitName: 'Incident management', from: 1, to: 2, target: 2 }],
    scopeChanges: [{ version: 3, at: '2026-09-01T08:00:00.000Z', lines: ['Services: added "Payroll".'] }],
    risks: [{ challengeId: 'cultural-resistance', title: 'Resistance to change', status: 'open', note: 'Risk 12/25' }],
    customerSatisfactionKpiIds: ['customer-satisfaction'],
    previousActions: [{ issueKey: 'SMS-80', summary: 'Hire a second change manager', statusCategory: 'indeterminate' }],
    ...overrides,
  };
}

/** One issue of the audit cycle as the programme reads it: a plain issue with no audit-cycle role unless overridden. */
export function aCycleIssue(overrides: Partial<CycleIssue> = {}): CycleIssue {
  return {
    issueKey: 'SMS-1',
    summary: 'An issue of the project',
    labels: [],
    statusCategory: 'indeterminate',
    created: createdDaysAgo(10),
    linkedKeys: [],
    clauses: [],
    grade: undefined,
    plan: null,
    sample: undefined,
    action: null,
    actionIncomplete: false,
    findingAuditKey: null,
    ...overrides,
  };
}
