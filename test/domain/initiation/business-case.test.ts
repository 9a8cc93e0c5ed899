import { KEY_ELEMENTS } from '../../../src/domain/maturity/maturity-model';
import {
  BUSINESS_CASE_ELEMENTS,
  BUSINESS_CASE_ELEMENT_IDS,
  type BusinessCase,
  approvalState,
  approveBusinessCase,
  businessCaseCompleteness,
  businessCaseDigest,
  emptyBusinessCase,
  managementSupportObtained,
  approvalRefusal,
} from '../../../src/domain/initiation';

const complete = (): BusinessCase => ({
  elements: Object.fromEntries(BUSINESS_CASE_ELEMENT_IDS.map((id) => [id, `Text for ${id}`])),
  sponsor: null,
  approval: null,
});

describe('business case elements', () => {
  it('lists the fourteen elements a to n of 5.3.1 in order, each with a label and hint', () => {
    expect(BUSINESS_CASE_ELEMENTS.map((e) => e.letter).join('')).toBe('abcdefghijklmn');
    for (const e of BUSINESS_CASE_ELEMENTS) {
      expect(e.label.length).toBeGreaterThan(3);
      expect(e.hint.length).toBeGreaterThan(10);
    }
  });
});

describe('businessCaseCompleteness', () => {
  it('counts only elements with non-blank text and names the missing ones', () => {
    const bc = { elements: { drivers: 'Tender requires it', outcomes: '   ', costs: 'About 10k' } };
    const c = businessCaseCompleteness(bc);
    expect(c).toMatchObject({ filled: 2, total: 14, percent: 14, complete: false });
    expect(c.missing).toContain('outcomes');
    expect(c.missing).not.toContain('drivers');
  });

  it('is complete when all fourteen are written', () => {
    expect(businessCaseCompleteness(complete())).toMatchObject({ filled: 14, percent: 100, complete: true, missing: [] });
  });
});

describe('approval and managementSupportObtained', () => {
  it('records who approved and when, and counts as Level I management support', () => {
    const approved = approveBusinessCase(complete(), '557058:sponsor', '2026-03-01T10:00:00.000Z');
    expect(approved.approval).toMatchObject({ approvedBy: '557058:sponsor', approvedAt: '2026-03-01T10:00:00.000Z' });
    expect(approvalState(approved)).toBe('approved');
    expect(managementSupportObtained(approved)).toBe(true);
    // The maturity element it stands for exists and is about approving a business case.
    expect(KEY_ELEMENTS.find((k) => k.id === 'management-support')?.levels[1]).toMatch(/business case/i);
  });

  it('goes stale when any element is edited after approval, and then no longer counts', () => {
    const approved = approveBusinessCase(complete(), 'a', '2026-03-01T10:00:00.000Z');
    const edited: BusinessCase = { ...approved, elements: { ...approved.elements, costs: 'Twice as much' } };
    expect(approvalState(edited)).toBe('stale');
    expect(managementSupportObtained(edited)).toBe(false);
  });

  it('ignores surrounding whitespace when telling whether the approved text changed', () => {
    const approved = approveBusinessCase(complete(), 'a', '2026-03-01T10:00:00.000Z');
    const padded: BusinessCase = { ...approved, elements: { ...approved.elements, costs: `  ${approved.elements.costs ?? ''}\n` } };
    expect(approvalState(padded)).toBe('approved');
  });

  it('does not count without an approval or for an incomplete case', () => {
    expect(managementSupportObtained(emptyBusinessCase())).toBe(false);
    expect(managementSupportObtained(complete())).toBe(false);
    const partial: BusinessCase = { elements: { drivers: 'x' }, sponsor: null, approval: null };
    expect(managementSupportObtained(approveBusinessCase(partial, 'a', '2026-03-01T10:00:00.000Z'))).toBe(false);
  });

  it('gives different digests for text moved between elements', () => {
    expect(businessCaseDigest({ drivers: 'ab', outcomes: '' })).not.toBe(businessCaseDigest({ drivers: 'a', outcomes: 'b' }));
  });
});

describe('approvalRefusal (only the named sponsor approves)', () => {
  const SPONSOR = '557058:sponsor';
  it('refuses when no sponsor is named, names the sponsor to anyone else, and says what is missing to the sponsor', () => {
    expect(approvalRefusal(complete(), SPONSOR)).toEqual({ reason: 'no-sponsor' });
    expect(approvalRefusal({ ...complete(), sponsor: SPONSOR }, '557058:editor')).toEqual({ reason: 'not-sponsor', sponsor: SPONSOR });
    expect(approvalRefusal({ elements: { drivers: 'x' }, sponsor: SPONSOR, approval: null }, SPONSOR)).toMatchObject({ reason: 'incomplete' });
    expect(approvalRefusal({ ...complete(), sponsor: SPONSOR }, SPONSOR)).toBeNull();
  });

  it('counts an approval only while its approver is the named sponsor', () => {
    const approved = approveBusinessCase({ ...complete(), sponsor: SPONSOR }, SPONSOR, '2026-03-01T10:00:00.000Z');
    expect(approvalState(approved)).toBe('approved');
    expect(approvalState({ ...approved, sponsor: '557058:someone-else' })).toBe('stale');
    expect(managementSupportObtained({ ...approved, sponsor: '557058:someone-else' })).toBe(false);
  });
});
