import { type Initiation, type KpiMeasurement, emptyInitiation } from '../../src/domain/initiation';

/** An initiation as a new project has it (every section empty, the default challenge register), with overrides. */
export function anInitiation(overrides: Partial<Initiation> = {}): Initiation {
  return { ...emptyInitiation(), ...overrides };
}

export function aMeasurement(overrides: Partial<KpiMeasurement> = {}): KpiMeasurement {
  return { at: '2026-10-01T09:00:00.000Z', value: 5, note: '', by: '557058:sandbox-project-admin', ...overrides };
}
