import { NotFoundError, ValidationError } from '../../src/domain/errors';
import {
  KEY_ELEMENTS,
  KEY_ELEMENT_IDS,
  LEVEL_LABELS,
  LEVEL_SUMMARIES,
  type KeyElementId,
  type MaturityLevel,
  type MaturityLevels,
  elementsToRaise,
  getKeyElement,
  levelGaps,
  maturityLevelSchema,
  maturityLevelsSchema,
  unitLevel,
} from '../../src/domain/maturity/maturity-model';
import { seedOverlapFinder } from '../builders/reference-texts';

const allAt = (level: MaturityLevel): MaturityLevels =>
  Object.fromEntries(KEY_ELEMENT_IDS.map((id) => [id, level])) as MaturityLevels;

describe('maturity model', () => {
  it('lists the 19 key elements of Table 1 in table order', () => {
    expect(KEY_ELEMENTS.map((e) => e.name)).toEqual([
      'Management support',
      'Interested parties',
      'Process',
      'Process interaction',
      'Process management',
      'Management',
      'Relationships',
      'Requirement',
      'Risk',
      'Communication',
      'Policy and Objective',
      'Resource',
      'Responsibility',
      'Engagement and commitment',
      'Personnel',
      'Learning',
      'Performance indicator',
      'Review and internal audit',
      'External and internal issues',
    ]);
    expect(KEY_ELEMENTS.map((e) => e.id)).toEqual([...KEY_ELEMENT_IDS]);
  });

  it('uses kebab-case ids derived from the element names', () => {
    for (const e of KEY_ELEMENTS) expect(e.id).toBe(e.name.toLowerCase().replace(/ /g, '-'));
  });

  it('describes every level of every element in one short sentence of our own', () => {
    const overlap = seedOverlapFinder(6);
    for (const e of KEY_ELEMENTS) {
      const texts = [e.levels[1], e.levels[2], e.levels[3]];
      expect(new Set(texts).size).toBe(3);
      for (const t of texts) {
        expect(t.length).toBeLessThanOrEqual(140);
        expect(t.endsWith('.')).toBe(true);
        expect({ element: e.id, shared: overlap(t) }).toEqual({ element: e.id, shared: undefined });
      }
    }
  });

  it('summarises levels I to III briefly and labels every level', () => {
    const overlap = seedOverlapFinder(6);
    for (const l of [1, 2, 3] as const) {
      expect(LEVEL_SUMMARIES[l].length).toBeLessThanOrEqual(140);
      expect(overlap(LEVEL_SUMMARIES[l])).toBeUndefined();
    }
    expect([LEVEL_LABELS[1], LEVEL_LABELS[2], LEVEL_LABELS[3]]).toEqual(['Level I', 'Level II', 'Level III']);
    expect(LEVEL_LABELS[0]).toMatch(/not/i);
  });

  describe('unitLevel', () => {
    it('is 0 when nothing is recorded', () => {
      expect(unitLevel({})).toBe(0);
    });

    it('is the level all 19 elements share', () => {
      expect(unitLevel(allAt(2))).toBe(2);
      expect(unitLevel(allAt(3))).toBe(3);
    });

    it('is held back by the lowest element', () => {
      expect(unitLevel({ ...allAt(3), risk: 1 })).toBe(1);
    });

    it('counts a missing element as 0', () => {
      const levels = allAt(2);
      delete levels['external-and-internal-issues'];
      expect(unitLevel(levels)).toBe(0);
    });
  });

  describe('elementsToRaise', () => {
    it('raises every element one level at a time, never skipping a level', () => {
      const steps = elementsToRaise({}, 3);
      expect(steps).toHaveLength(19 * 3);
      for (const s of steps) expect(s.to).toBe(s.from + 1);
      for (const id of KEY_ELEMENT_IDS) {
        expect(steps.filter((s) => s.elementId === id).map((s) => [s.from, s.to])).toEqual([[0, 1], [1, 2], [2, 3]]);
      }
    });

    it('finishes a level for all elements before starting the next, in Table 1 order within a level', () => {
      const steps = elementsToRaise({}, 2);
      expect(steps.slice(0, 19).every((s) => s.to === 1)).toBe(true);
      expect(steps.slice(19).every((s) => s.to === 2)).toBe(true);
      expect(steps.slice(0, 19).map((s) => s.elementId)).toEqual([...KEY_ELEMENT_IDS]);
    });

    it('starts each element from its current level and leaves elements at or above the target alone', () => {
      const levels: MaturityLevels = { ...allAt(2), process: 0, risk: 3, learning: 1 };
      expect(elementsToRaise(levels, 2)).toEqual([
        { elementId: 'process', from: 0, to: 1 },
        { elementId: 'process', from: 1, to: 2 },
        { elementId: 'learning', from: 1, to: 2 },
      ]);
    });

    it('returns nothing when the target is already reached or is 0', () => {
      expect(elementsToRaise(allAt(3), 2)).toEqual([]);
      expect(elementsToRaise({}, 0)).toEqual([]);
    });

    it('rejects a target outside 0..3', () => {
      expect(() => elementsToRaise({}, 4 as MaturityLevel)).toThrow(ValidationError);
    });

    it('brings the unit to the target once all steps are applied', () => {
      const levels: MaturityLevels = { 'management-support': 2, communication: 1 };
      const after: MaturityLevels = { ...levels };
      for (const s of elementsToRaise(levels, 3)) {
        expect(after[s.elementId] ?? 0).toBe(s.from);
        after[s.elementId] = s.to;
      }
      expect(unitLevel(after)).toBe(3);
    });
  });

  describe('levelGaps', () => {
    it('reports the remaining steps for all 19 elements', () => {
      const gaps = levelGaps({ process: 1, risk: 3 }, 2);
      expect(gaps).toHaveLength(19);
      const byId = Object.fromEntries(gaps.map((g) => [g.elementId, g.steps])) as Record<KeyElementId, number>;
      expect(byId.process).toBe(1);
      expect(byId.risk).toBe(0);
      expect(byId.learning).toBe(2);
    });
  });

  describe('schemas', () => {
    it('accepts levels 0 to 3 only', () => {
      for (const l of [0, 1, 2, 3]) expect(maturityLevelSchema.safeParse(l).success).toBe(true);
      for (const l of [-1, 4, 1.5, '1', null]) expect(maturityLevelSchema.safeParse(l).success).toBe(false);
    });

    it('accepts a partial levels record and rejects unknown elements or bad values', () => {
      expect(maturityLevelsSchema.parse({ risk: 2 })).toEqual({ risk: 2 });
      expect(maturityLevelsSchema.safeParse({}).success).toBe(true);
      expect(maturityLevelsSchema.safeParse({ 'made-up': 1 }).success).toBe(false);
      expect(maturityLevelsSchema.safeParse({ risk: 5 }).success).toBe(false);
    });
  });

  it('looks up key elements and rejects unknown ids', () => {
    expect(getKeyElement('learning').name).toBe('Learning');
    expect(() => getKeyElement('nope' as KeyElementId)).toThrow(NotFoundError);
  });
});

// The heatmap's 19 column headings must fit side by side at 1,280 px: each short name is at most two words of
// at most 7 letters between soft hyphens, and no two elements share one.
describe('key element short names', () => {
  it('are unique and at most two short words each', () => {
    const shorts = KEY_ELEMENTS.map((e) => e.shortName.replace(/\u00AD/g, ''));
    expect(new Set(shorts).size).toBe(KEY_ELEMENTS.length);
    for (const e of KEY_ELEMENTS) {
      const words = e.shortName.split(' ');
      expect(words.length).toBeLessThanOrEqual(2);
      for (const w of words) for (const part of w.split('\u00AD')) expect(part.length).toBeLessThanOrEqual(7);
    }
  });
});
