import {
  addPhase,
  moveProcess,
  planSchema,
  proposePlan,
  removePhase,
  renamePhase,
  reorderPhase,
  setInterface,
  setNotPlanned,
  setPhaseDates,
  setPhaseOwner,
} from '../../../src/domain/planning';
import { AppError } from '../../../src/domain/errors';

describe('plan editing', () => {
  const plan = proposePlan('subsets');

  it('returns a new plan and leaves the original unchanged', () => {
    const before = JSON.stringify(plan);
    const renamed = renamePhase(plan, 'resolution-and-fulfilment', 'Phase I: service desk');
    expect(renamed.phases[0]).toMatchObject({ id: 'resolution-and-fulfilment', name: 'Phase I: service desk' });
    expect(JSON.stringify(plan)).toBe(before);
  });

  it('moves a process out of every other phase, or only out of the named one', () => {
    const everywhere = moveProcess(plan, '8.1', 'relationship-and-agreement');
    expect(everywhere.phases.map((p) => p.boundary.processes.includes('8.1'))).toEqual([false, true, false]);
    const fromOne = moveProcess(plan, '8.6.2', 'relationship-and-agreement', 'resolution-and-fulfilment');
    expect(fromOne.phases[1]?.boundary.processes.indexOf('8.6.2')).toBeGreaterThan(fromOne.phases[1]?.boundary.processes.indexOf('8.3.4') ?? 99);
  });

  it('adds, reorders and removes phases with stable unique ids', () => {
    let p = addPhase(plan, { name: 'Relationship and agreement', afterPhaseId: 'resolution-and-fulfilment' });
    expect(p.phases.map((x) => x.id)).toEqual([
      'resolution-and-fulfilment',
      'relationship-and-agreement-2',
      'relationship-and-agreement',
      'service-design-build-and-transition-with-supply-and-demand',
    ]);
    p = reorderPhase(p, 'relationship-and-agreement-2', 99);
    expect(p.phases.at(-1)?.id).toBe('relationship-and-agreement-2');
    p = removePhase(p, 'relationship-and-agreement-2');
    expect(p.phases).toHaveLength(3);
  });

  it('sets dates, owner, interfaces and not-planned processes, keeping the plan schema-valid', () => {
    let p = setPhaseDates(plan, 'resolution-and-fulfilment', '2025-01-01', '2025-03-31');
    p = setPhaseOwner(p, 'resolution-and-fulfilment', '557058:sandbox-member');
    p = setInterface(p, 'relationship-and-agreement', '8.3.3>8.6.1', 'Interim priority table.');
    p = setNotPlanned(p, '8.4.1', 'Budgeting is handled by group finance.');
    expect(p.phases.some((x) => x.boundary.processes.includes('8.4.1'))).toBe(false);
    expect(planSchema.safeParse(p).success).toBe(true);
    expect(p.phases[1]?.interfaces.find((i) => i.interactionId === '8.3.3>8.6.1')?.description).toBe('Interim priority table.');
    expect(setInterface(p, 'relationship-and-agreement', '8.3.3>8.6.1', '  ').phases[1]?.interfaces.some((i) => i.interactionId === '8.3.3>8.6.1')).toBe(false);
  });

  it('refuses unknown phases, processes and interactions and reversed dates', () => {
    const codeOf = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return e instanceof AppError ? e.code : 'other';
      }
      return undefined;
    };
    expect(codeOf(() => renamePhase(plan, 'nope', 'x'))).toBe('NOT_FOUND');
    expect(codeOf(() => moveProcess(plan, '9.1', 'resolution-and-fulfilment'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => setInterface(plan, 'resolution-and-fulfilment', '1>2', 'x'))).toBe('NOT_FOUND');
    expect(codeOf(() => setPhaseDates(plan, 'resolution-and-fulfilment', '2025-03-01', '2025-01-01'))).toBe('VALIDATION_FAILED');
    expect(codeOf(() => renamePhase(plan, 'resolution-and-fulfilment', '   '))).toBe('VALIDATION_FAILED');
  });
});
