import {
  CORRECTIVE_ACTION_LABEL,
  correctiveActionRecordSchema,
  countNonconformities,
  isNonconformityOpen,
  nonconformityFromIssue,
  nonconformityState,
} from '../../../src/domain/audit';
import { FINDING_LABELS } from '../../../src/domain/gap';
import { AUDIT_TODAY, aCorrectiveAction, aNonconformity, verifiedEffective } from '../../builders/audit.builder';

describe('nonconformities from Jira issues', () => {
  it('uses the finding labels: major and minor are nonconformities, observations and OFIs are not', () => {
    const base = { issueKey: 'SMS-5', summary: 'x', clauses: ['9.2'] };
    expect(nonconformityFromIssue({ ...base, labels: [FINDING_LABELS.major_nc] })?.grade).toBe('major_nc');
    expect(nonconformityFromIssue({ ...base, labels: ['other', FINDING_LABELS.minor_nc, FINDING_LABELS.major_nc] })?.grade).toBe('major_nc');
    expect(nonconformityFromIssue({ ...base, labels: [FINDING_LABELS.observation] })).toBeUndefined();
    expect(nonconformityFromIssue({ ...base, labels: [FINDING_LABELS.opportunity_for_improvement] })).toBeUndefined();
    expect(nonconformityFromIssue({ ...base, labels: [CORRECTIVE_ACTION_LABEL] })).toBeUndefined();
  });
});

describe('corrective-action record', () => {
  it('needs a root cause, an action and a due date', () => {
    const record = { nonconformityKey: 'SMS-100', rootCause: 'No owner', action: 'Name one', dueDate: '2026-12-15', verification: null };
    expect(correctiveActionRecordSchema.safeParse(record).success).toBe(true);
    for (const broken of [{ rootCause: ' ' }, { action: '' }, { dueDate: 'soon' }, { nonconformityKey: 'not a key' }]) {
      expect(correctiveActionRecordSchema.safeParse({ ...record, ...broken }).success).toBe(false);
    }
    expect(correctiveActionRecordSchema.safeParse({ ...record, verification: { ...verifiedEffective(), note: '' } }).success).toBe(false);
  });
});

describe('nonconformity lifecycle', () => {
  const nc = aNonconformity();

  it('needs an action, then has one under way, then awaits verification once the action is done', () => {
    expect(nonconformityState(nc, [], AUDIT_TODAY).stage).toBe('needs_action');
    expect(nonconformityState(nc, [aCorrectiveAction()], AUDIT_TODAY).stage).toBe('action_under_way');
    const done = nonconformityState(nc, [aCorrectiveAction({ statusCategory: 'done' })], AUDIT_TODAY);
    expect(done.stage).toBe('awaiting_verification');
    expect(done.open).toBe(true);
  });

  it('stays open when the Jira issues are closed, until effectiveness is verified', () => {
    const closedNotVerified = aCorrectiveAction({ statusCategory: 'done' });
    expect(isNonconformityOpen(nc, [closedNotVerified])).toBe(true);
    const verified = aCorrectiveAction({ statusCategory: 'done', verification: verifiedEffective() });
    expect(isNonconformityOpen(nc, [verified])).toBe(false);
    expect(nonconformityState(nc, [verified], AUDIT_TODAY).stage).toBe('closed');
  });

  it('goes back to needing an action when the action proved not effective', () => {
    const failed = aCorrectiveAction({ statusCategory: 'done', verification: verifiedEffective(false) });
    const state = nonconformityState(nc, [failed], AUDIT_TODAY);
    expect(state.stage).toBe('needs_action');
    expect(state.open).toBe(true);
    const second = aCorrectiveAction({ issueKey: 'SMS-102' });
    expect(nonconformityState(nc, [failed, second], AUDIT_TODAY).stage).toBe('action_under_way');
  });

  it('ignores actions on other nonconformities and flags unverified actions past their due date', () => {
    const other = aCorrectiveAction({ issueKey: 'SMS-201', nonconformityKey: 'SMS-200', verification: verifiedEffective() });
    expect(isNonconformityOpen(nc, [other])).toBe(true);
    const late = nonconformityState(nc, [aCorrectiveAction({ dueDate: '2026-11-01' })], AUDIT_TODAY);
    expect(late.overdueActionKeys).toEqual(['SMS-101']);
  });
});

describe('countNonconformities', () => {
  it('counts open nonconformities by grade and names them by key in the JQL', () => {
    const ncs = [aNonconformity(), aNonconformity({ issueKey: 'SMS-110', grade: 'minor_nc' }), aNonconformity({ issueKey: 'SMS-120', grade: 'major_nc' })];
    const actions = [aCorrectiveAction({ issueKey: 'SMS-121', nonconformityKey: 'SMS-120', statusCategory: 'done', verification: verifiedEffective() }), aCorrectiveAction()];
    const counts = countNonconformities('SMS', ncs, actions, AUDIT_TODAY);
    expect(counts.openMajor).toEqual({ label: 'Open major nonconformities', value: 1, jql: 'project = "SMS" AND key in ("SMS-100")', exact: true });
    expect(counts.openMinor.value).toBe(1);
    expect(counts.withoutAction.jql).toBe('project = "SMS" AND key in ("SMS-110")');
    expect(counts.unverifiedActions.value).toBe(1);
    expect(counts.overdueActions).toEqual({ label: 'Corrective actions past their due date', value: 0, jql: `project = "SMS" AND labels = "${CORRECTIVE_ACTION_LABEL}"`, exact: false });
  });

  it('with nothing to count, points at the population it counted in', () => {
    const counts = countNonconformities('SMS', [], [], AUDIT_TODAY);
    expect(counts.openMajor).toMatchObject({ value: 0, exact: false, jql: `project = "SMS" AND labels = "${FINDING_LABELS.major_nc}"` });
  });
});
