import { isClauseId, requireClause } from '../../src/domain/catalogue/catalogue';
import {
  PROCESS_INTERACTIONS,
  interactionsCrossing,
  interactionsOf,
  isWithinScope,
} from '../../src/domain/process-interactions';
import { seedOverlapFinder } from '../builders/reference-texts';

const key = (i: { from: string; to: string }): string => `${i.from}->${i.to}`;

describe('process interactions', () => {
  it('holds at least 20 interactions', () => {
    expect(PROCESS_INTERACTIONS.length).toBeGreaterThanOrEqual(20);
  });

  it('joins only process-level clauses under clause 8', () => {
    for (const i of PROCESS_INTERACTIONS) {
      for (const end of [i.from, i.to]) {
        expect(isClauseId(end)).toBe(true);
        const clause = requireClause(end);
        expect(clause.processGroup).not.toBeNull();
        expect(end === '8.1' || clause.depth === 3).toBe(true);
      }
    }
  });

  it('has no duplicate pairs and no self-loops', () => {
    const keys = PROCESS_INTERACTIONS.map(key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const i of PROCESS_INTERACTIONS) expect(i.from).not.toBe(i.to);
  });

  it('includes the interactions the planner relies on', () => {
    const keys = new Set(PROCESS_INTERACTIONS.map(key));
    for (const k of ['8.6.1->8.6.3', '8.6.3->8.6.1', '8.5.1->8.5.3', '8.5.3->8.5.1', '8.3.3->8.6.1', '8.6.1->8.3.3', '8.4.2->8.4.3', '8.4.3->8.4.2']) {
      expect(keys.has(k)).toBe(true);
    }
  });

  it('describes each interaction briefly and in our own words', () => {
    const overlap = seedOverlapFinder(6);
    for (const i of PROCESS_INTERACTIONS) {
      expect(i.what.length).toBeGreaterThan(10);
      expect(i.what.length).toBeLessThanOrEqual(140);
      expect(overlap(i.what)).toBeUndefined();
    }
  });

  it('treats a group id in a scope as covering all its subclauses', () => {
    expect(isWithinScope('8.6.1', ['8.6'])).toBe(true);
    expect(isWithinScope('8.6', ['8.6'])).toBe(true);
    expect(isWithinScope('8.6.1', ['8.6.10'])).toBe(false);
    expect(isWithinScope('8.1', ['8.10'])).toBe(false);
  });

  it('finds the interactions of one process in both directions', () => {
    const found = interactionsOf('8.6.3').map(key);
    expect(found).toContain('8.6.1->8.6.3');
    expect(found).toContain('8.6.3->8.6.1');
    for (const i of interactionsOf('8.6.3')) expect([i.from, i.to]).toContain('8.6.3');
  });

  it('returns the interactions crossing a phase boundary, where exactly one end is inside', () => {
    const crossing = interactionsCrossing(['8.6']);
    expect(crossing.length).toBeGreaterThan(0);
    for (const i of crossing) expect(isWithinScope(i.from, ['8.6'])).not.toBe(isWithinScope(i.to, ['8.6']));
    const keys = crossing.map(key);
    expect(keys).not.toContain('8.6.1->8.6.3');
    expect(keys).toContain('8.3.3->8.6.1');
    expect(interactionsCrossing(['8.1', '8.2', '8.3', '8.4', '8.5', '8.6', '8.7'])).toEqual([]);
    expect(interactionsCrossing([])).toEqual([]);
  });
});
