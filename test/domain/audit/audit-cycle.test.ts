import {
  CORRECTIVE_ACTION_LABEL,
  REVIEW_ACTION_LABEL,
  auditIssueFields,
  correctiveActionIssueFields,
  createCorrectiveActionRequestSchema,
  findingClauseInScope,
  findingIssueFields,
  planAuditRequestSchema,
  recordFindingRequestSchema,
  recordReviewOutputRequestSchema,
  reviewOutputIssueFields,
} from '../../../src/domain/audit';
import { adfProblems } from '../../../src/services/adf-validation';
import { anAuditPlan } from '../../builders/audit.builder';

const SITE = 'https://example.atlassian.net';
const text = (node: unknown): string => JSON.stringify(node);

describe('the audit cycle requests', () => {
  it('accept a plan whose processes come as plain strings, and refuse an unknown process or a reversed date range', () => {
    const plan = anAuditPlan({ scope: { clauses: ['9.2'], processes: ['8.6.1'] } });
    expect(planAuditRequestSchema.parse({ requestId: 'req-00000001', plan }).plan.scope.processes).toEqual(['8.6.1']);
    expect(planAuditRequestSchema.safeParse({ requestId: 'req-00000001', plan: { ...plan, scope: { clauses: [], processes: ['8.9.9'] } } }).success).toBe(false);
    expect(planAuditRequestSchema.safeParse({ requestId: 'req-00000001', plan: { ...plan, start: '2026-03-06', end: '2026-03-02' } }).success).toBe(false);
    expect(planAuditRequestSchema.safeParse({ requestId: 'short', plan }).success).toBe(false);
  });

  it('refuse a finding on an unknown clause or without a title, and a corrective action without root cause', () => {
    const finding = { requestId: 'req-00000002', auditKey: 'SMS-1', clauseId: '8.6.1', grade: 'major_nc', summary: 'Not reviewed' };
    expect(recordFindingRequestSchema.parse(finding).detail).toBe('');
    expect(recordFindingRequestSchema.safeParse({ ...finding, clauseId: '8.99' }).success).toBe(false);
    expect(recordFindingRequestSchema.safeParse({ ...finding, summary: ' ' }).success).toBe(false);
    expect(recordFindingRequestSchema.safeParse({ ...finding, auditKey: 'not a key' }).success).toBe(false);
    expect(createCorrectiveActionRequestSchema.safeParse({ requestId: 'req-00000003', nonconformityKey: 'SMS-2', rootCause: '', action: 'Fix', dueDate: '2026-04-30' }).success).toBe(false);
  });
});

describe('the issues of the audit cycle', () => {
  it('plans an audit as an issue labelled sms-audit whose description names scope, criteria, dates and the auditor', () => {
    const plan = anAuditPlan({ title: 'Incidents Q1', scope: { clauses: [], processes: ['8.6.1'] }, auditor: '557058:auditor' });
    const fields = auditIssueFields(plan);
    expect(fields.summary).toBe('Internal audit: Incidents Q1');
    expect(fields.labels).toEqual(['sms-audit']);
    expect(adfProblems(fields.description)).toEqual([]);
    expect(text(fields.description)).toContain('8.6.1');
    expect(text(fields.description)).toContain('557058:auditor');
  });

  it('accepts a finding only on a clause the audit examined', () => {
    const plan = anAuditPlan({ scope: { clauses: ['9.2'], processes: ['8.6.1'] } });
    expect(findingClauseInScope(plan, '8.6.1')).toBe(true);
    expect(findingClauseInScope(plan, '9.2')).toBe(true);
    expect(findingClauseInScope(plan, '8.5.1.1')).toBe(false);
  });

  it('grades a finding by its label and says a nonconformity stays open until verified', () => {
    const req = recordFindingRequestSchema.parse({ requestId: 'req-00000004', auditKey: 'SMS-10', clauseId: '8.6.1', grade: 'major_nc', summary: 'Majors not reviewed', detail: 'Three of four.' });
    const nc = findingIssueFields(SITE, req);
    expect(nc.labels).toEqual(['sms-major-nc']);
    expect(adfProblems(nc.description)).toEqual([]);
    expect(text(nc.description)).toContain(`${SITE}/browse/SMS-10`);
    expect(text(nc.description)).toContain('verified as effective');
    const obs = findingIssueFields(SITE, { ...req, grade: 'observation' });
    expect(obs.labels).toEqual(['sms-observation']);
    expect(text(obs.description)).not.toContain('verified as effective');
  });

  it('opens a corrective action with its record (root cause, action, due date) and no verification yet', () => {
    const req = createCorrectiveActionRequestSchema.parse({ requestId: 'req-00000005', nonconformityKey: 'SMS-11', rootCause: 'No owner', action: 'Name one', dueDate: '2026-04-30' });
    const ca = correctiveActionIssueFields(req, 'Majors not reviewed');
    expect(ca.labels).toEqual([CORRECTIVE_ACTION_LABEL]);
    expect(ca.duedate).toBe('2026-04-30');
    expect(ca.record).toEqual({ nonconformityKey: 'SMS-11', rootCause: 'No owner', action: 'Name one', dueDate: '2026-04-30', verification: null });
    expect(ca.summary).toBe('Corrective action for SMS-11: Majors not reviewed');
    expect(adfProblems(ca.description)).toEqual([]);
  });

  it('records a review decision with the review date, and links the pack once it is published', () => {
    const req = recordReviewOutputRequestSchema.parse({ requestId: 'req-00000006', reviewDate: '2026-03-20', kind: 'decision', summary: 'Fund a second on-call rota' });
    const before = reviewOutputIssueFields(req, null);
    expect(before.labels).toEqual([REVIEW_ACTION_LABEL]);
    expect(before.summary).toBe('Management review 2026-03-20 – decision: Fund a second on-call rota');
    expect(before.duedate).toBeNull();
    expect(text(before.description)).not.toContain('Open the review pack');
    const after = reviewOutputIssueFields(req, `${SITE}/wiki/spaces/SMS/pages/42`);
    expect(text(after.description)).toContain(`${SITE}/wiki/spaces/SMS/pages/42`);
    expect(adfProblems(after.description)).toEqual([]);
  });
});
