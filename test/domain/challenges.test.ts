import { compareClauseIds, isClauseId, sortClauseIds } from '../../src/domain/catalogue/catalogue';
import { CHALLENGES, getChallenge } from '../../src/domain/challenges';
import { seedOverlapFinder } from '../builders/reference-texts';

describe('implementation challenges', () => {
  it('holds the four challenges of Table 2 in order', () => {
    expect(CHALLENGES.map((c) => c.id)).toEqual(['weak-initial-support', 'fading-drivers', 'top-management-buy-in', 'cultural-resistance']);
    expect(getChallenge('cultural-resistance')?.considerations.length).toBe(10);
  });

  it('links every challenge and consideration only to clauses of the catalogue', () => {
    for (const c of CHALLENGES) {
      expect(c.relatedClauses.length).toBeGreaterThan(0);
      for (const id of c.relatedClauses) expect({ challenge: c.id, id, known: isClauseId(id) }).toEqual({ challenge: c.id, id, known: true });
      for (const k of c.considerations) for (const id of k.relatedClauses) expect(isClauseId(id)).toBe(true);
    }
  });

  it('lists a challenge\'s clauses as the sorted, de-duplicated union of its considerations\' clauses', () => {
    for (const c of CHALLENGES) {
      const union = [...new Set(c.considerations.flatMap((k) => k.relatedClauses))];
      expect(c.relatedClauses).toEqual(sortClauseIds(union));
      for (let i = 1; i < c.relatedClauses.length; i++) {
        expect(compareClauseIds(c.relatedClauses[i - 1] ?? '', c.relatedClauses[i] ?? '')).toBeLessThan(0);
      }
    }
    expect(getChallenge('top-management-buy-in')?.relatedClauses).toEqual(['4', '5', '5.1', '6', '6.2.2', '6.3', '7.1', '7.4', '9']);
  });

  it('gives considerations unique ids prefixed by their challenge', () => {
    const all = CHALLENGES.flatMap((c) => c.considerations.map((k) => ({ challenge: c.id, id: k.id })));
    expect(new Set(all.map((k) => k.id)).size).toBe(all.length);
    for (const k of all) expect(k.id.startsWith(`${k.challenge}/`)).toBe(true);
  });

  it('keeps titles, definitions and checklist items short and in our own words', () => {
    const overlap = seedOverlapFinder(6);
    for (const c of CHALLENGES) {
      for (const t of [c.title, c.definition, ...c.considerations.map((k) => k.text)]) {
        expect(t.length).toBeLessThanOrEqual(140);
        expect({ text: t, shared: overlap(t) }).toEqual({ text: t, shared: undefined });
      }
    }
  });
});
