import { AUDIT_LABEL, CORRECTIVE_ACTION_LABEL, REVIEW_ACTION_LABEL, lifecycleInputs, programmePeopleIds, programmeView, type CycleIssue, type StoredProgramme } from '../../../src/domain/audit';
import { PROCESS_IDS } from '../../../src/domain/assessment/assessment-units';
import { FINDING_LABELS } from '../../../src/domain/gap';
import { AUDIT_AS_OF, AUDIT_TODAY, aCorrectiveAction, aCycleIssue, anAuditPlan, verifiedEffective } from '../../builders/audit.builder';

const NOW = new Date(AUDIT_AS_OF);
const EMPTY: StoredProgramme = { version: 3, owners: [], reviews: [] };

const anAudit = (overrides: Partial<CycleIssue> = {}): CycleIssue => aCycleIssue({ issueKey: 'SMS-90', summary: 'Internal audit Q4', labels: [AUDIT_LABEL], plan: anAuditPlan(), ...overrides });
const aMajor = (overrides: Partial<CycleIssue> = {}): CycleIssue =>
  aCycleIssue({ issueKey: 'SMS-100', summary: 'Emergency changes not reviewed', labels: [FINDING_LABELS.major_nc], grade: 'major_nc', clauses: ['8.5.1.3'], ...overrides });
const anActionIssue = (overrides: Partial<CycleIssue['action'] & object> = {}): CycleIssue => {
  const action = aCorrectiveAction(overrides);
  return aCycleIssue({ issueKey: action.issueKey, labels: [CORRECTIVE_ACTION_LABEL], statusCategory: action.statusCategory, action, linkedKeys: [action.nonconformityKey] });
};

describe('the audit programme view', () => {
  it('lists the SMS as a whole and every clause-8 process as owner rows, with the stored owner or none', () => {
    const view = programmeView('SMS', [], { ...EMPTY, owners: [{ unitId: '8.6.1', owner: '557058:owner' }] }, NOW, {});
    expect(view.owners.map((o) => o.unitId)).toEqual(['sms', ...PROCESS_IDS]);
    expect(view.owners.find((o) => o.unitId === '8.6.1')?.owner).toBe('557058:owner');
    expect(view.owners.filter((o) => o.owner !== null)).toHaveLength(1);
    expect(view.version).toBe(3);
    expect(view.today).toBe(AUDIT_TODAY);
  });

  it('shows an audit with its audited clauses, its sample when readable, and the findings recorded from it or linked to it', () => {
    const sample = { seed: 's1', asOf: AUDIT_AS_OF, sizes: { '8.5.1.3': 2 }, clauses: { '8.5.1.3': ['SMS-7', 'SMS-8'] } };
    const issues = [
      anAudit({ sample }),
      anAudit({ issueKey: 'SMS-91', sample: { seed: 42 } }),
      aMajor({ findingAuditKey: 'SMS-90' }),
      aCycleIssue({ issueKey: 'SMS-102', labels: [FINDING_LABELS.observation], grade: 'observation', linkedKeys: ['SMS-90'] }),
      aCycleIssue({ issueKey: 'SMS-103', summary: 'Mapped evidence, not a finding', linkedKeys: ['SMS-90'] }),
    ];
    const [first, second] = programmeView('SMS', issues, EMPTY, NOW, {}).audits;
    expect(first?.sample).toEqual(sample);
    expect(first?.findingKeys).toEqual(['SMS-100', 'SMS-102']);
    expect(first?.clauses.map((c) => c.clauseId)).toContain('8.5.1.3');
    expect(first?.clauses.every((c) => c.title.length > 0)).toBe(true);
    expect(second?.sample).toBeNull();
    expect(second?.findingKeys).toEqual([]);
  });

  it('puts nonconformities at their stage with their actions, an unverified action past its due date overdue, and other findings apart', () => {
    const issues = [
      anAudit(),
      aMajor({ linkedKeys: ['SMS-90'] }),
      anActionIssue({ dueDate: '2026-11-01' }),
      aMajor({ issueKey: 'SMS-110', summary: 'Closed one' }),
      anActionIssue({ issueKey: 'SMS-111', nonconformityKey: 'SMS-110', dueDate: '2026-11-01', statusCategory: 'done', verification: verifiedEffective() }),
      aCycleIssue({ issueKey: 'SMS-120', labels: [FINDING_LABELS.opportunity_for_improvement], grade: 'opportunity_for_improvement' }),
    ];
    const view = programmeView('SMS', issues, EMPTY, NOW, {});
    const open = view.nonconformities.find((n) => n.issueKey === 'SMS-100');
    expect(open).toMatchObject({ stage: 'action_under_way', open: true, auditKey: 'SMS-90', gradeTitle: expect.any(String) });
    expect(open?.actions.map((a) => [a.issueKey, a.overdue])).toEqual([['SMS-101', true]]);
    const closed = view.nonconformities.find((n) => n.issueKey === 'SMS-110');
    expect(closed).toMatchObject({ stage: 'closed', open: false, auditKey: null });
    expect(closed?.actions.map((a) => a.overdue)).toEqual([false]);
    expect(view.otherFindings.map((f) => f.issueKey)).toEqual(['SMS-120']);
    expect(view.figures.openMajor.value).toBe(1);
  });

  it('lists review outputs, actions whose record is unreadable, and counts the audits with the JQL that finds them', () => {
    const issues = [
      anAudit(),
      anAudit({ issueKey: 'SMS-95' }),
      aCycleIssue({ issueKey: 'SMS-130', summary: 'Add a change manager', labels: [REVIEW_ACTION_LABEL.toUpperCase()], statusCategory: 'new' }),
      aCycleIssue({ issueKey: 'SMS-140', labels: [CORRECTIVE_ACTION_LABEL], actionIncomplete: true }),
    ];
    const view = programmeView('SMS', issues, EMPTY, NOW, { '557058:auditor': 'Ada Auditor' });
    expect(view.reviewOutputs).toEqual([{ issueKey: 'SMS-130', summary: 'Add a change manager', statusCategory: 'new' }]);
    expect(view.incompleteActionKeys).toEqual(['SMS-140']);
    expect(view.figures.audits).toMatchObject({ value: 2, exact: true });
    expect(view.figures.audits.jql).toContain('SMS-90');
    expect(view.figures.audits.jql).toContain('SMS-95');
    expect(view.people).toEqual({ '557058:auditor': 'Ada Auditor' });
  });
});

describe('the programme inputs', () => {
  it('names each owner, auditor and verifier once', () => {
    const issues = [anAudit(), anActionIssue({ verification: verifiedEffective() }), anAudit({ issueKey: 'SMS-91' })];
    expect(programmePeopleIds(issues, [{ unitId: 'sms', owner: '557058:owner' }, { unitId: '8.6.1', owner: '557058:owner' }])).toEqual(['557058:owner', '557058:auditor']);
    expect(programmePeopleIds([aMajor()], [])).toEqual([]);
  });

  it('finds a nonconformity\'s audit by its finding record, else by a link to an audit issue', () => {
    const { nonconformities, actions } = lifecycleInputs([anAudit(), aMajor({ linkedKeys: ['SMS-5', 'SMS-90'] }), aMajor({ issueKey: 'SMS-105', findingAuditKey: 'SMS-77' }), aMajor({ issueKey: 'SMS-106' }), anActionIssue()]);
    expect(nonconformities.map((n) => [n.issueKey, n.auditKey])).toEqual([['SMS-100', 'SMS-90'], ['SMS-105', 'SMS-77'], ['SMS-106', undefined]]);
    expect(actions.map((a) => a.issueKey)).toEqual(['SMS-101']);
  });
});
