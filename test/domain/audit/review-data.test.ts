import {
  AUDIT_LABEL,
  AUDIT_PLAN_PROPERTY_KEY,
  CORRECTIVE_ACTION_LABEL,
  CORRECTIVE_ACTION_PROPERTY_KEY,
  REVIEW_ACTION_LABEL,
  type ReviewSearchIssue,
  reviewDataFromIssues,
  reviewSearchJql,
} from '../../../src/domain/audit';
import { FINDING_LABELS } from '../../../src/domain/gap';
import { anAuditPlan } from '../../builders/audit.builder';

const issue = (o: Partial<ReviewSearchIssue> & { issueKey: string }): ReviewSearchIssue => ({
  summary: o.issueKey,
  labels: [],
  statusCategory: 'new',
  created: '2026-10-01T09:00:00.000Z',
  linkedKeys: [],
  clauses: [],
  properties: {},
  ...o,
});

describe('reviewDataFromIssues', () => {
  it('searches the audit cycle by its labels, in one JQL', () => {
    expect(reviewSearchJql('SMS')).toBe(
      'project = "SMS" AND labels in ("sms-audit", "sms-major-nc", "sms-minor-nc", "sms-observation", "sms-ofi", "sms-corrective-action", "sms-review-action")',
    );
  });

  it('keeps audits and review actions of the period, and lists action issues without a readable record apart', () => {
    const data = reviewDataFromIssues(
      [
        issue({ issueKey: 'SMS-1', labels: [AUDIT_LABEL], properties: { [AUDIT_PLAN_PROPERTY_KEY]: anAuditPlan({ start: '2026-03-01', end: '2026-03-02' }) }, linkedKeys: ['SMS-3'] }),
        issue({ issueKey: 'SMS-2', labels: [AUDIT_LABEL], properties: { [AUDIT_PLAN_PROPERTY_KEY]: anAuditPlan({ start: '2026-10-01', end: '2026-10-02' }) }, linkedKeys: ['SMS-4'] }),
        issue({ issueKey: 'SMS-3', labels: [FINDING_LABELS.minor_nc], linkedKeys: ['SMS-1'] }),
        issue({ issueKey: 'SMS-4', labels: [FINDING_LABELS.opportunity_for_improvement], linkedKeys: ['SMS-2'] }),
        issue({ issueKey: 'SMS-5', labels: [CORRECTIVE_ACTION_LABEL], properties: { [CORRECTIVE_ACTION_PROPERTY_KEY]: { nonconformityKey: 'SMS-3' } } }),
        issue({ issueKey: 'SMS-6', labels: [REVIEW_ACTION_LABEL], created: '2026-05-31T23:00:00.000Z' }),
        issue({ issueKey: 'SMS-7', labels: [REVIEW_ACTION_LABEL], created: '2026-06-02T08:00:00.000Z', statusCategory: 'done' }),
      ],
      '2026-06-01',
    );
    expect(data.audits.map((a) => [a.auditKey, a.findings.opportunity_for_improvement])).toEqual([['SMS-2', 1]]);
    expect(data.nonconformities).toEqual([expect.objectContaining({ issueKey: 'SMS-3', grade: 'minor_nc', auditKey: 'SMS-1' })]);
    expect(data.actions).toEqual([]);
    expect(data.incompleteActionKeys).toEqual(['SMS-5']);
    expect(data.previousActions).toEqual([{ issueKey: 'SMS-7', summary: 'SMS-7', statusCategory: 'done' }]);
  });
});
