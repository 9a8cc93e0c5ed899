/** Fixed-default builders for phase evaluation, lessons learned and plan history (no randomness). */
import { type Lesson, type ObjectiveEvaluation, type PhaseEvaluationRecord } from '../../src/domain/evaluation';
import { type Kpi } from '../../src/domain/initiation';

export function anObjectiveEvaluation(overrides: Partial<ObjectiveEvaluation> = {}): ObjectiveEvaluation {
  return { objectiveId: 'phase-a#1', verdict: 'met', evidenceKeys: ['SMS-1'], cause: '', actionIssueKey: null, note: '', ...overrides };
}

export function anEvaluationRecord(overrides: Partial<PhaseEvaluationRecord> = {}): PhaseEvaluationRecord {
  return { phaseId: 'phase-a', evaluatedAt: '2026-11-26T12:00:00.000Z', evaluatedBy: '557058:sandbox-project-admin', kind: 'final', objectives: [anObjectiveEvaluation()], ...overrides };
}

export function aLesson(overrides: Partial<Lesson> = {}): Lesson {
  return {
    id: 'lesson-1',
    phaseId: 'phase-a',
    observation: 'Incident categories were agreed too late.',
    recommendation: 'Agree categories before the tool is configured.',
    processes: ['8.6.1'],
    recordedAt: '2026-10-01T09:00:00.000Z',
    recordedBy: '557058:sandbox-project-admin',
    appliedIn: [],
    ...overrides,
  };
}

export function aKpi(overrides: Partial<Kpi> = {}): Kpi {
  return {
    id: 'service-down-time',
    name: 'Service down time',
    unit: 'hours',
    direction: 'lower',
    baseline: 10,
    target: 4,
    source: { kind: 'jqlMedianDuration', jql: 'issuetype = Incident', from: 'created', to: 'resolutiondate', durationUnit: 'hours' },
    measurements: [
      { at: '2026-09-01T00:00:00.000Z', value: 8, note: '' },
      { at: '2026-11-01T00:00:00.000Z', value: 6, note: '' },
    ],
    ...overrides,
  };
}
