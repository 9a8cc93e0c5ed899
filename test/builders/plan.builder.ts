import { type Phase, type Plan, PLAN_SCHEMA_VERSION } from '../../src/domain/planning';
import { PROCESS_IDS } from '../../src/domain/assessment';

export function aPhase(overrides: Partial<Phase> = {}): Phase {
  return {
    id: 'phase-a',
    name: 'Phase A',
    objectives: ['Put incident management in place.'],
    boundary: { processes: ['8.6.1'], elements: ['process'] },
    targetLevel: null,
    start: null,
    end: null,
    owner: null,
    interfaces: [],
    ...overrides,
  };
}

export function aPlan(overrides: Partial<Plan> = {}): Plan {
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    approach: 'subsets',
    scopeProcesses: [...PROCESS_IDS],
    phases: [aPhase()],
    notPlanned: [],
    ...overrides,
  };
}
