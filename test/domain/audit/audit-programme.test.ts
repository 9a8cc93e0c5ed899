import {
  AuditorNotIndependentError,
  assertAuditorIndependent,
  assertSampleSizesFit,
  auditChecklist,
  auditPlanSchema,
  auditedClauses,
  auditedUnits,
  drawAuditSample,
  ownedAuditedUnits,
} from '../../../src/domain/audit';
import { AppError } from '../../../src/domain/errors';
import { AUDIT_AS_OF, anAuditPlan, manyCandidates } from '../../builders/audit.builder';

describe('audit plan', () => {
  it('accepts a complete plan and refuses one without scope, criteria, or with its end before its start', () => {
    expect(auditPlanSchema.safeParse(anAuditPlan()).success).toBe(true);
    expect(auditPlanSchema.safeParse(anAuditPlan({ scope: { clauses: [], processes: [] } })).success).toBe(false);
    expect(auditPlanSchema.safeParse(anAuditPlan({ criteria: ' ' })).success).toBe(false);
    expect(auditPlanSchema.safeParse(anAuditPlan({ start: '2026-12-05', end: '2026-12-01' })).success).toBe(false);
    expect(auditPlanSchema.safeParse(anAuditPlan({ scope: { clauses: ['11.1'], processes: [] } })).success).toBe(false);
  });

  it('expands the scope to assessable clauses, headings and processes alike, in clause order', () => {
    expect(auditedClauses({ clauses: ['8.5.1'], processes: ['8.6.1'] })).toEqual(['8.5.1.1', '8.5.1.2', '8.5.1.3', '8.6.1']);
    expect(auditedClauses({ clauses: ['9.2', '4'], processes: [] })).toEqual(['4.1', '4.2', '4.3', '4.4', '9.2']);
  });

  it('knows which units an audit examines: processes for clause 8, the SMS as a whole for the other clauses', () => {
    expect(auditedUnits({ clauses: ['8.5.1.3', '9.2'], processes: ['8.6.1'] }).sort()).toEqual(['8.5.1', '8.6.1', 'sms']);
  });
});

describe('auditor independence', () => {
  const owners = [
    { unitId: '8.6.1' as const, owner: '557058:incident-manager' },
    { unitId: '8.5.1' as const, owner: '557058:change-manager' },
    { unitId: 'sms' as const, owner: '557058:sms-manager' },
  ];

  it('refuses an auditor who owns an audited process, with a typed error naming the process', () => {
    const plan = anAuditPlan({ auditor: '557058:incident-manager' });
    expect(() => assertAuditorIndependent(plan, owners)).toThrow(AuditorNotIndependentError);
    try {
      assertAuditorIndependent(plan, owners);
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      const err = e as AuditorNotIndependentError;
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.ownedUnits).toEqual(['8.6.1']);
      expect(err.details?.reason).toBe('auditor_not_independent');
      expect(err.message).toContain('8.6.1 Incident management');
    }
  });

  it('refuses the owner of a process reached through a sub-clause, and the SMS owner on clauses outside 8', () => {
    expect(ownedAuditedUnits(anAuditPlan({ scope: { clauses: ['8.5.1.2'], processes: [] }, auditor: '557058:change-manager' }), owners)).toEqual(['8.5.1']);
    expect(() => assertAuditorIndependent(anAuditPlan({ scope: { clauses: ['9.1'], processes: [] }, auditor: '557058:sms-manager' }), owners)).toThrow(AuditorNotIndependentError);
  });

  it('accepts an auditor who owns nothing audited, even if they own another process', () => {
    expect(() => assertAuditorIndependent(anAuditPlan({ auditor: '557058:auditor' }), owners)).not.toThrow();
    expect(() => assertAuditorIndependent(anAuditPlan({ scope: { clauses: [], processes: ['8.6.1'] }, auditor: '557058:change-manager' }), owners)).not.toThrow();
  });
});

describe('audit checklist', () => {
  it('has one part per audited clause, with a line for the requirement and one per sampled issue', () => {
    const plan = anAuditPlan({ scope: { clauses: ['8.6.1', '9.2'], processes: [] } });
    const sample = drawAuditSample('SMS', manyCandidates(20), { seed: 's', asOf: AUDIT_AS_OF, sizes: { '8.6.1': 3 } });
    const list = auditChecklist(plan, sample);
    expect(list.map((c) => c.clauseId)).toEqual(['8.6.1', '9.2']);
    const incident = list[0];
    expect(incident?.title).toBe('Incident management');
    expect(incident?.items.filter((i) => i.issueKey !== undefined).map((i) => i.issueKey)).toEqual(sample.clauses[0]?.issueKeys);
    expect(incident?.items[0]?.id).toBe('8.6.1/requirement');
    expect(list[1]?.items.map((i) => i.id)).toEqual(['9.2/requirement', '9.2/no-sample']);
  });
});

describe('assertSampleSizesFit', () => {
  const scope = anAuditPlan().scope;

  it('accepts sizes on clauses the audit covers', () => {
    const [first] = auditedClauses(scope);
    expect(() => assertSampleSizesFit(scope, { [first ?? '8.6.1']: 5 })).not.toThrow();
  });

  it('names each size set outside the audit scope, and refuses a request with no size at all', () => {
    expect(() => assertSampleSizesFit(scope, { '9.1': 3 })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'sizes.9.1', message: 'Not an assessable clause in the audit scope.' }] } }),
    );
    expect(() => assertSampleSizesFit(scope, {})).toThrow('Set a sample size for at least one clause.');
  });
});
