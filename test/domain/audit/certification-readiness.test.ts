import { certificationReadiness } from '../../../src/domain/audit';
import { type CertificationReadinessInput } from '../../../src/domain/audit';
import { AUDIT_TODAY, aCorrectiveAction, aNonconformity, verifiedEffective } from '../../builders/audit.builder';

const withEvidence = { clauseId: '8.6.1', title: 'Incident management', result: 'conformant' as const, evidence: [{ issueKey: 'SMS-1', summary: 'x', statusCategory: 'done' as const, updated: '2026-11-01', ageDays: 25, stale: false, kinds: [] }] };

function input(overrides: Partial<CertificationReadinessInput> = {}): CertificationReadinessInput {
  return { projectKey: 'SMS', today: AUDIT_TODAY, targetAuditDate: '2027-03-01', clauses: [withEvidence], nonconformities: [], actions: [], ...overrides };
}

describe('certificationReadiness', () => {
  it('is ready when nothing remains', () => {
    const r = certificationReadiness(input());
    expect(r.verdict).toBe('ready');
    expect(r.reasons).toEqual([]);
    expect(r.daysLeft).toBe(95);
  });

  it('is not ready with an open major nonconformity, a clause without evidence or an unverified action', () => {
    const bare = { clauseId: '9.2', title: 'Internal audit', result: 'not_assessed' as const, evidence: [] };
    const r = certificationReadiness(input({ clauses: [withEvidence, bare], nonconformities: [aNonconformity()], actions: [aCorrectiveAction({ statusCategory: 'done' })] }));
    expect(r.verdict).toBe('not_ready');
    expect(r.openMajorNonconformities.value).toBe(1);
    expect(r.clausesWithoutEvidence).toMatchObject({ value: 1, jql: 'project = "SMS" AND smsClause in ("9.2")' });
    expect(r.clausesWithoutEvidenceList[0]?.jql).toBe('project = "SMS" AND smsClause in ("9.2", "9")');
    expect(r.unverifiedActions.value).toBe(1);
    expect(r.reasons).toEqual(['1 major nonconformity is still open.', '1 clause has no evidence.', '1 corrective action has not been verified as effective.']);
  });

  it('counts a major nonconformity closed once its action is verified as effective', () => {
    const r = certificationReadiness(input({ nonconformities: [aNonconformity()], actions: [aCorrectiveAction({ statusCategory: 'done', verification: verifiedEffective() })] }));
    expect(r.verdict).toBe('ready');
  });

  it('is at risk with a minor nonconformity without action, or once the date has passed', () => {
    const minor = certificationReadiness(input({ nonconformities: [aNonconformity({ grade: 'minor_nc' })] }));
    expect(minor.verdict).toBe('at_risk');
    expect(minor.minorWithoutAction.jql).toBe('project = "SMS" AND key in ("SMS-100")');
    const late = certificationReadiness(input({ targetAuditDate: '2026-11-20' }));
    expect(late).toMatchObject({ verdict: 'at_risk', daysLeft: -6, reasons: ['The target audit date passed 6 days ago.'] });
  });

  it('leaves out clauses marked not applicable', () => {
    const na = { clauseId: '8.2.3', title: 'x', result: 'not_applicable' as const, evidence: [] };
    expect(certificationReadiness(input({ clauses: [withEvidence, na] })).clausesWithoutEvidence.value).toBe(0);
  });
});
