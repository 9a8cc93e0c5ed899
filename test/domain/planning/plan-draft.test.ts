import { PROCESS_IDS } from '../../../src/domain/assessment';
import { addPhase, addProcess, cleanPlan, moveProcess, setInterface, updatePhase } from '../../../src/domain/planning/plan-draft';
import { aPhase, aPlan } from '../../builders/plan.builder';

describe('plan draft edits (what the Phases view runs while the user types)', () => {
  it('never throws: an unknown phase leaves the plan as it is, a blank name is kept for the server check', () => {
    const plan = aPlan();
    expect(updatePhase(plan, 'nope', (p) => ({ ...p, name: 'x' }))).toEqual(plan);
    expect(updatePhase(plan, 'phase-a', (p) => ({ ...p, name: '' })).phases[0]?.name).toBe('');
  });

  it('keeps an interface description as typed (trailing space included) and removes it when blank', () => {
    const typed = setInterface(aPlan(), 'phase-a', '8.3.3>8.6.1', 'Interim table ');
    expect(typed.phases[0]?.interfaces).toEqual([{ interactionId: '8.3.3>8.6.1', description: 'Interim table ' }]);
    expect(setInterface(typed, 'phase-a', '8.3.3>8.6.1', '  ').phases[0]?.interfaces).toEqual([]);
  });

  it('keeps processes in catalogue order and plans again a process that was set aside', () => {
    const plan = aPlan({ notPlanned: [{ processId: '8.1', reason: 'later' }] });
    const added = addProcess(plan, 'phase-a', '8.1', PROCESS_IDS);
    expect(added.phases[0]?.boundary.processes).toEqual(['8.1', '8.6.1']);
    expect(added.notPlanned).toEqual([]);
  });

  it('moves a process out of the named phase only, or out of every other phase', () => {
    const plan = aPlan({ phases: [aPhase({ id: 'a', boundary: { processes: ['8.6.1'], elements: [] } }), aPhase({ id: 'b', boundary: { processes: ['8.6.1'], elements: [] } }), aPhase({ id: 'c', boundary: { processes: [], elements: [] } })] });
    expect(moveProcess(plan, '8.6.1', 'c', 'a', PROCESS_IDS).phases.map((p) => p.boundary.processes)).toEqual([[], ['8.6.1'], ['8.6.1']]);
    expect(moveProcess(plan, '8.6.1', 'c', undefined, PROCESS_IDS).phases.map((p) => p.boundary.processes)).toEqual([[], [], ['8.6.1']]);
  });

  it('adds a phase with a unique slug id and the default target level of the approach', () => {
    const subsets = addPhase(aPlan({ phases: [aPhase({ id: 'service-desk' })] }), { name: 'Service desk' });
    expect(subsets.phases.map((p) => [p.id, p.targetLevel])).toEqual([['service-desk', null], ['service-desk-2', null]]);
    expect(addPhase(aPlan({ approach: 'levels', phases: [] }), { name: 'Level I' }).phases[0]?.targetLevel).toBe(1);
  });

  it('sends trimmed objectives without blank lines', () => {
    const plan = aPlan({ phases: [aPhase({ objectives: [' Keep it ', '', '  '] })] });
    expect(cleanPlan(plan).phases[0]?.objectives).toEqual(['Keep it']);
  });
});
