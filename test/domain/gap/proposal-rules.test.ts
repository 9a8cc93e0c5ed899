import { PROPOSAL_RULES, PROPOSAL_RULES_TEXT, proposeResult, type EvidenceItem } from '../../../src/domain/gap';
import { aFinding, daysAgo } from '../../builders/gap.builder';
import { CONFORMITY_RESULT_LABELS } from '../../../src/domain/vocabulary';

function item(overrides: Partial<EvidenceItem> = {}): EvidenceItem {
  return { issueKey: 'SMS-1', summary: 's', statusCategory: 'done', updated: daysAgo(1), ageDays: 1, stale: false, kinds: ['record'], ...overrides };
}

describe('proposeResult', () => {
  it('proposes not assessed when no evidence is mapped', () => {
    expect(proposeResult([], [])).toEqual({ result: 'not_assessed', ruleId: 'no-evidence' });
  });

  it('proposes nonconformant for an open major nonconformity, whatever the evidence', () => {
    expect(proposeResult([item()], [aFinding({ grade: 'major_nc' })])).toEqual({ result: 'nonconformant', ruleId: 'open-major-nc' });
    expect(proposeResult([], [aFinding({ grade: 'major_nc' })]).result).toBe('nonconformant');
  });

  it('ignores a closed major nonconformity', () => {
    expect(proposeResult([item()], [aFinding({ grade: 'major_nc', open: false })]).result).toBe('conformant');
  });

  it('proposes nonconformant when mapped issues exist but none is done', () => {
    expect(proposeResult([item({ statusCategory: 'new' }), item({ statusCategory: 'indeterminate' })], [])).toEqual({
      result: 'nonconformant',
      ruleId: 'nothing-done',
    });
  });

  it('proposes conformant when all evidence is done and current with no open minor nonconformity', () => {
    expect(proposeResult([item(), item({ issueKey: 'SMS-2' })], [aFinding({ grade: 'observation' })])).toEqual({
      result: 'conformant',
      ruleId: 'all-done-current',
    });
  });

  it('proposes partially conformant when some evidence is open, stale, or a minor nonconformity is open', () => {
    expect(proposeResult([item(), item({ statusCategory: 'new' })], []).result).toBe('partially_conformant');
    expect(proposeResult([item({ stale: true })], []).result).toBe('partially_conformant');
    expect(proposeResult([item()], [aFinding({ grade: 'minor_nc' })]).result).toBe('partially_conformant');
  });

  it('publishes every rule in the text shown to users, in evaluation order', () => {
    const lines = PROPOSAL_RULES_TEXT.split('\n');
    expect(lines).toHaveLength(PROPOSAL_RULES.length + 1);
    PROPOSAL_RULES.forEach((r, i) => expect(lines[i + 1]).toBe(`${i + 1}. ${r.text} Proposed result: ${CONFORMITY_RESULT_LABELS[r.result]}.`));
    expect(PROPOSAL_RULES_TEXT).not.toMatch(/→|_/);
  });
});
