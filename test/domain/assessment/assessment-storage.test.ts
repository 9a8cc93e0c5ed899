import {
  MAX_VALUE_BYTES,
  assertFitsValueLimit,
  jsonSizeBytes,
  joinAssessment,
  splitAssessment,
  unitAssessmentSchema,
  MAX_NOTE_LENGTH,
} from '../../../src/domain/assessment';
import { LimitExceededError } from '../../../src/domain/errors';
import { KEY_ELEMENT_IDS } from '../../../src/domain/maturity/maturity-model';
import { anAssessment, aUnitAssessment } from '../../builders/assessment.builder';

describe('splitAssessment / joinAssessment', () => {
  it('round-trips an assessment through per-unit records', () => {
    const a = anAssessment([aUnitAssessment('sms'), aUnitAssessment('8.6.1', { current: 2, target: 3 }), aUnitAssessment('8.1')]);
    const records = splitAssessment(a);
    expect(records.map((r) => r.unitId)).toEqual(['8.1', '8.6.1', 'sms']);
    expect(joinAssessment([...records].reverse())).toEqual(a);
  });

  it('keeps every record of a fully written unit within the value limit', () => {
    const long = 'é'.repeat(MAX_NOTE_LENGTH);
    const evidence = Array.from({ length: 50 }, (_, i) => `SERVICEDESK-${100000 + i}`);
    const elements = Object.fromEntries(KEY_ELEMENT_IDS.map((id) => [id, { note: long, evidence }]));
    const unit = aUnitAssessment('8.6.1', { elements });
    expect(unitAssessmentSchema.safeParse(unit).success).toBe(true);
    const [record] = splitAssessment(anAssessment([unit]));
    expect(jsonSizeBytes(record)).toBeLessThan(MAX_VALUE_BYTES);
  });

  it('refuses a record over the limit with LimitExceededError', () => {
    const a = anAssessment([aUnitAssessment('8.6.1', { elements: { process: { note: 'x'.repeat(2000) } } })]);
    expect(() => splitAssessment(a, 1000)).toThrow(LimitExceededError);
  });

  it('refuses a unit given twice when joining', () => {
    expect(() => joinAssessment([aUnitAssessment('8.1'), aUnitAssessment('8.1')])).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('record size', () => {
  it('counts UTF-8 bytes of the JSON text', () => {
    expect(jsonSizeBytes({ a: 'é' })).toBe('{"a":"é"}'.length + 1);
  });

  it('returns the size when it fits and names the limit when it does not', () => {
    expect(assertFitsValueLimit('abc', 'Test')).toBe(5);
    try {
      assertFitsValueLimit('x'.repeat(MAX_VALUE_BYTES), 'The scope');
      throw new Error('expected a LimitExceededError');
    } catch (e) {
      expect(e).toBeInstanceOf(LimitExceededError);
      expect((e as LimitExceededError).message).toMatch(/^The scope is too large to save .* the limit is 240\.0 KiB/);
      expect((e as LimitExceededError).details).toMatchObject({ limitBytes: MAX_VALUE_BYTES });
    }
  });
});
