import {
  crossPhaseInteractions,
  draftMissingInterfaces,
  moveProcess,
  proposePlan,
  setInterface,
  setObjectives,
  setBoundaryElements,
  removeProcessFromPhase,
  validatePlan,
} from '../../../src/domain/planning';
import { aPhase, aPlan } from '../../builders/plan.builder';
import { anAssessment, aUnitAssessment } from '../../builders/assessment.builder';

describe('validatePlan — Rule 1', () => {
  it('flags a phase without objectives, processes or related elements', () => {
    const plan = aPlan({
      scopeProcesses: ['8.6.1'],
      phases: [aPhase({ id: 'empty', name: 'Empty', objectives: ['  '], boundary: { processes: [], elements: [] } }), aPhase()],
    });
    const codes = validatePlan(plan).issues.filter((i) => i.phaseId === 'empty').map((i) => i.code);
    expect(codes).toEqual(['missing-objectives', 'empty-boundary-processes', 'empty-boundary-elements']);
  });

  it('clears the Rule 1 issues once objectives and a boundary are stated', () => {
    let plan = aPlan({ scopeProcesses: ['8.6.1'], phases: [aPhase({ objectives: [], boundary: { processes: ['8.6.1'], elements: [] } })] });
    expect(validatePlan(plan).valid).toBe(false);
    plan = setObjectives(plan, 'phase-a', ['Run incident management.', '']);
    plan = setBoundaryElements(plan, 'phase-a', ['resource', 'process']);
    expect(plan.phases[0]?.objectives).toEqual(['Run incident management.']);
    expect(plan.phases[0]?.boundary.elements).toEqual(['process', 'resource']);
    expect(validatePlan(plan).issues.filter((i) => i.rule === 'rule-1')).toEqual([]);
  });
});

describe('validatePlan — coverage', () => {
  it('reports an in-scope process that no phase covers', () => {
    const plan = removeProcessFromPhase(proposePlan('subsets'), 'relationship-and-agreement', '8.3.2');
    const uncovered = validatePlan(plan).issues.filter((i) => i.code === 'uncovered-process');
    expect(uncovered.map((i) => i.processId)).toEqual(['8.3.2']);
  });
});

describe('validatePlan — levels', () => {
  it('refuses a phase that jumps a process past a level', () => {
    const plan = aPlan({
      approach: 'levels',
      scopeProcesses: ['8.6.1'],
      phases: [aPhase({ id: 'l1', targetLevel: 1 }), aPhase({ id: 'l3', targetLevel: 3 })],
    });
    const skipped = validatePlan(plan).issues.filter((i) => i.code === 'level-skipped');
    expect(skipped).toEqual([expect.objectContaining({ phaseId: 'l3', processId: '8.6.1', severity: 'error' })]);
  });

  it('measures the first level against the assessed level when an assessment is given', () => {
    const plan = aPlan({ approach: 'levels', scopeProcesses: ['8.6.1'], phases: [aPhase({ id: 'l2', targetLevel: 2 })] });
    expect(validatePlan(plan).issues.filter((i) => i.code === 'level-skipped')).toEqual([]);
    const atZero = anAssessment([aUnitAssessment('8.6.1', { current: 0 })]);
    const atOne = anAssessment([aUnitAssessment('8.6.1', { current: 1 })]);
    expect(validatePlan(plan, { assessment: atZero }).issues.map((i) => i.code)).toContain('level-skipped');
    expect(validatePlan(plan, { assessment: atOne }).issues.filter((i) => i.rule === 'levels')).toEqual([]);
  });
});

describe('crossPhaseInteractions — Rule 2', () => {
  it('finds no crossing while incident and problem management share a phase', () => {
    const plan = proposePlan('subsets');
    const ids = crossPhaseInteractions(plan).map((c) => c.interactionId);
    expect(ids).not.toContain('8.6.1>8.6.3');
    expect(ids).not.toContain('8.6.3>8.6.1');
  });

  it('lists interactions between phases against the later phase (service level ↔ incident), drafted by the proposal', () => {
    const plan = proposePlan('subsets');
    const slm = crossPhaseInteractions(plan).find((c) => c.interactionId === '8.3.3>8.6.1');
    expect(slm).toMatchObject({
      fromPhaseId: 'relationship-and-agreement',
      toPhaseId: 'resolution-and-fulfilment',
      requiredInPhaseId: 'relationship-and-agreement',
      kind: 'between-phases',
      flagged: false,
    });
    expect(slm?.interface?.description).toContain('Agreed service targets set incident priorities');
    const bare = { ...plan, phases: plan.phases.map((p) => ({ ...p, interfaces: [] })) };
    expect(crossPhaseInteractions(bare).find((c) => c.interactionId === '8.3.3>8.6.1')?.flagged).toBe(true);
  });

  it.each(['subsets', 'levels', 'combined'] as const)('proposes a %s plan that passes its own Rule 2 check (no error at all)', (approach) => {
    const plan = proposePlan(approach);
    const issues = validatePlan(plan).issues;
    expect(issues.filter((i) => i.code === 'interface-missing')).toEqual([]);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    // Every crossing (none for Approach 2, where each phase holds the whole scope) has its drafted interface.
    expect(crossPhaseInteractions(plan).every((c) => c.interface !== null)).toBe(true);
  });

  it('keeps an interface the user wrote and drafts only the missing ones', () => {
    const bare = proposePlan('subsets');
    const mine = setInterface(
      { ...bare, phases: bare.phases.map((p) => ({ ...p, interfaces: [] })) },
      'relationship-and-agreement',
      '8.3.3>8.6.1',
      'Our own text.',
    );
    const drafted = draftMissingInterfaces(mine);
    const phase = drafted.phases.find((p) => p.id === 'relationship-and-agreement');
    expect(phase?.interfaces.filter((i) => i.interactionId === '8.3.3>8.6.1')).toEqual([{ interactionId: '8.3.3>8.6.1', description: 'Our own text.' }]);
    expect(crossPhaseInteractions(drafted).every((c) => !c.flagged)).toBe(true);
  });

  it('flags a crossing created by moving a process until an interface is defined', () => {
    const base = proposePlan('subsets');
    const moved = moveProcess(base, '8.6.3', 'relationship-and-agreement');
    expect(moved.phases[0]?.boundary.processes).not.toContain('8.6.3');
    expect(moved.phases[1]?.boundary.processes).toContain('8.6.3');

    const crossing = crossPhaseInteractions(moved).find((c) => c.interactionId === '8.6.1>8.6.3');
    expect(crossing).toMatchObject({ requiredInPhaseId: 'relationship-and-agreement', flagged: true, interface: null });
    const missing = validatePlan(moved).issues.filter((i) => i.code === 'interface-missing' && i.interactionId === '8.6.1>8.6.3');
    expect(missing).toHaveLength(1);

    const fixed = setInterface(moved, 'relationship-and-agreement', '8.6.1>8.6.3', 'Service desk keeps a recurring-incident list until problem management starts.');
    const after = crossPhaseInteractions(fixed).find((c) => c.interactionId === '8.6.1>8.6.3');
    expect(after?.flagged).toBe(false);
    expect(after?.interface?.description).toMatch(/recurring-incident list/);
    expect(validatePlan(fixed).issues.filter((i) => i.interactionId === '8.6.1>8.6.3')).toEqual([]);
  });

  it('treats an interaction with a process outside the plan as crossing the boundary', () => {
    const plan = aPlan({ scopeProcesses: ['8.6.1'], phases: [aPhase({ id: 'only', boundary: { processes: ['8.6.1'], elements: ['process'] } })] });
    const crossings = crossPhaseInteractions(plan);
    expect(crossings.length).toBeGreaterThan(0);
    expect(crossings.every((c) => c.kind === 'outside-plan' && c.requiredInPhaseId === 'only')).toBe(true);
    expect(crossings.map((c) => c.interactionId)).toContain('8.6.1>8.6.3');
  });

  it('sees no crossing in Approach 2, where every phase holds the whole scope', () => {
    expect(crossPhaseInteractions(proposePlan('levels'))).toEqual([]);
  });

  it('warns about an interface kept for an interaction that no longer crosses', () => {
    const moved = setInterface(moveProcess(proposePlan('subsets'), '8.6.3', 'relationship-and-agreement'), 'relationship-and-agreement', '8.6.1>8.6.3', 'Temporary list.');
    const back = moveProcess(moved, '8.6.3', 'resolution-and-fulfilment');
    expect(validatePlan(back).issues.filter((i) => i.code === 'interface-unused').map((i) => i.interactionId)).toEqual(['8.6.1>8.6.3']);
  });
});
