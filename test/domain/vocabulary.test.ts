import {
  CONFORMITY_RESULTS,
  CONFORMITY_RESULT_LABELS,
  EVIDENCE_KINDS,
  EVIDENCE_KIND_LABELS,
  FINDING_GRADES,
  FINDING_GRADE_LABELS,
} from '../../src/domain/vocabulary';
import { conformityResultSchema, evidenceKindSchema, findingGradeSchema } from '../../src/domain/vocabulary-schemas';

describe('vocabulary', () => {
  it('lists the agreed values in order', () => {
    expect(CONFORMITY_RESULTS).toEqual(['not_assessed', 'not_applicable', 'nonconformant', 'partially_conformant', 'conformant']);
    expect(FINDING_GRADES).toEqual(['major_nc', 'minor_nc', 'observation', 'opportunity_for_improvement']);
    expect(EVIDENCE_KINDS).toEqual(['policy', 'plan', 'procedure', 'record', 'report', 'improvement_action']);
  });

  it.each([
    ['conformity results', CONFORMITY_RESULTS, CONFORMITY_RESULT_LABELS, conformityResultSchema],
    ['finding grades', FINDING_GRADES, FINDING_GRADE_LABELS, findingGradeSchema],
    ['evidence kinds', EVIDENCE_KINDS, EVIDENCE_KIND_LABELS, evidenceKindSchema],
  ] as const)('has a distinct label and a matching schema for every one of the %s', (_name, values, labels, schema) => {
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    const byValue: Readonly<Record<string, string>> = labels;
    const texts = Object.values(byValue);
    expect(new Set(texts).size).toBe(texts.length);
    for (const v of values) {
      expect(schema.parse(v)).toBe(v);
      expect(byValue[v]?.trim().length ?? 0).toBeGreaterThan(0);
    }
  });

  it('rejects values outside the vocabularies', () => {
    expect(conformityResultSchema.safeParse('compliant').success).toBe(false);
    expect(findingGradeSchema.safeParse('MAJOR_NC').success).toBe(false);
    expect(evidenceKindSchema.safeParse('').success).toBe(false);
    expect(evidenceKindSchema.safeParse(undefined).success).toBe(false);
  });
});
