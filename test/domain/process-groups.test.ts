import { requireClause } from '../../src/domain/catalogue/catalogue';
import { NotFoundError } from '../../src/domain/errors';
import {
  APPROACH1_ORDER,
  PROCESS_GROUPS,
  PROCESS_GROUP_IDS,
  getProcessGroup,
  isProcessGroupId,
  processGroupIdSchema,
} from '../../src/domain/process-groups';
import { seedOverlapFinder } from '../builders/reference-texts';

describe('process groups', () => {
  it('covers 8.1 to 8.7 exactly once', () => {
    expect(PROCESS_GROUPS.map((g) => g.id).sort()).toEqual([...PROCESS_GROUP_IDS]);
    expect([...APPROACH1_ORDER].sort()).toEqual([...PROCESS_GROUP_IDS]);
  });

  it('follows the Approach 1 order: 8.6, 8.3, 8.5 with 8.4 alongside, then 8.1, 8.7, 8.2', () => {
    expect(APPROACH1_ORDER).toEqual(['8.6', '8.3', '8.5', '8.4', '8.1', '8.7', '8.2']);
    expect(PROCESS_GROUPS.map((g) => g.id)).toEqual(APPROACH1_ORDER);
  });

  it('numbers priority from 1 in Approach 1 order', () => {
    for (const g of PROCESS_GROUPS) expect(g.priority).toBe(APPROACH1_ORDER.indexOf(g.id) + 1);
    expect(getProcessGroup('8.6').priority).toBe(1);
  });

  it('gives each group its role in the rollout', () => {
    const roles = Object.fromEntries(PROCESS_GROUPS.map((g) => [g.id, g.role]));
    expect(roles).toEqual({
      '8.6': 'first',
      '8.3': 'second',
      '8.5': 'third',
      '8.4': 'alongside-third',
      '8.1': 'every-phase',
      '8.7': 'minimal-then-mature',
      '8.2': 'initial-then-improve',
    });
  });

  it('starts the first group and the cross-phase groups in phase I and keeps improving the cross-phase ones', () => {
    const starting = PROCESS_GROUPS.filter((g) => g.startsInFirstPhase).map((g) => g.id);
    expect(starting.sort()).toEqual(['8.1', '8.2', '8.6', '8.7']);
    const continuous = PROCESS_GROUPS.filter((g) => g.improvedEveryPhase).map((g) => g.id);
    expect(continuous.sort()).toEqual(['8.1', '8.2', '8.7']);
  });

  it('uses the catalogue titles and short guidance of our own', () => {
    const overlap = seedOverlapFinder(6);
    for (const g of PROCESS_GROUPS) {
      expect(overlap(g.guidance)).toBeUndefined();
      expect(g.title).toBe(requireClause(g.id).title);
      expect(g.guidance.length).toBeGreaterThan(20);
      expect(g.guidance.length).toBeLessThanOrEqual(140);
    }
  });

  it('validates group ids and rejects unknown ones', () => {
    expect(isProcessGroupId('8.4')).toBe(true);
    expect(isProcessGroupId('8.8')).toBe(false);
    expect(processGroupIdSchema.safeParse('8.2').success).toBe(true);
    expect(processGroupIdSchema.safeParse('9').success).toBe(false);
    expect(() => getProcessGroup('8.0')).toThrow(NotFoundError);
  });
});
