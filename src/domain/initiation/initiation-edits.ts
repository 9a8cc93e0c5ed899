/**
 * The edits the Initiation tab saves, each a pure step from the stored initiation to the next one. The service
 * applies them inside the versioned write (src/storage/initiation-repository.ts), so they always see the latest
 * record, and the result is validated there as a whole (duplicate KPI ids and the like: VALIDATION_FAILED).
 */
import { NotFoundError, ValidationError } from '../errors';
import type { BaselineFindings } from './baseline';
import type { BusinessCaseElements } from './business-case';
import type { ChallengeRegister } from './challenge-register';
import type { Initiation } from './initiation';
import { type Kpi, type KpiMeasurement, addMeasurement } from './kpi';
import type { PlanChecklistState } from './plan-checklist';
import type { TargetState } from './target-state';

/** A KPI as its definition is edited: everything but the measurements, which stay with the KPI of the same id. */
export type KpiDefinition = Omit<Kpi, 'measurements'>;

/**
 * New texts of the business case and, when `sponsor` is given, its sponsor (null names nobody; undefined keeps
 * the current one). The approval stays recorded: once the texts or the sponsor differ from what was approved it
 * shows as out of date by itself (approvalState).
 */
export function withBusinessCaseTexts(cur: Initiation, elements: BusinessCaseElements, sponsor?: string | null): Initiation {
  return { ...cur, businessCase: { ...cur.businessCase, elements, ...(sponsor === undefined ? {} : { sponsor }) } };
}

/**
 * The KPI definitions replace the list: each KPI keeps the measurements of the stored KPI of the same id, a KPI
 * left out is removed with its measurements. The baseline findings are replaced when given.
 */
export function withKpiDefinitions(cur: Initiation, kpis: readonly KpiDefinition[], baselineFindings?: BaselineFindings): Initiation {
  const old = new Map(cur.kpis.map((k) => [k.id, k.measurements]));
  return {
    ...cur,
    kpis: kpis.map((k) => ({ ...k, measurements: old.get(k.id) ?? [] })),
    ...(baselineFindings !== undefined ? { baselineFindings } : {}),
  };
}

/** The KPI of that id; NOT_FOUND when the initiation has none. */
export function kpiById(ini: Initiation, kpiId: string): Kpi {
  const kpi = ini.kpis.find((k) => k.id === kpiId);
  if (kpi === undefined) throw new NotFoundError(`There is no KPI ${kpiId}.`, { kpiId });
  return kpi;
}

/** Appends a measurement to the KPI of that id (NOT_FOUND when there is none). */
export function withMeasurement(cur: Initiation, kpiId: string, m: KpiMeasurement): Initiation {
  const next = addMeasurement(kpiById(cur, kpiId), m);
  return { ...cur, kpis: cur.kpis.map((k) => (k.id === next.id ? next : k)) };
}

/** Clock skew allowed for a measurement time the client gives. */
export const MEASUREMENT_FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** When a new measurement was taken: `at` as given (VALIDATION_FAILED when it lies in the future), else now. */
export function measurementTime(at: string | undefined, now: Date): string {
  if (at === undefined) return now.toISOString();
  if (Date.parse(at) > now.getTime() + MEASUREMENT_FUTURE_TOLERANCE_MS) {
    throw new ValidationError('A measurement cannot be dated in the future.', { at });
  }
  return at;
}

/** The target state and, when given, the ticks of the plan checklist. */
export function withTargetState(cur: Initiation, targetState: TargetState, planChecklist?: PlanChecklistState): Initiation {
  return { ...cur, targetState, ...(planChecklist !== undefined ? { planChecklist } : {}) };
}

/** The challenge register as the user left it (likelihood, impact, owner, status, ticked mitigations, note). */
export function withChallengeRegister(cur: Initiation, register: ChallengeRegister): Initiation {
  return { ...cur, challengeRegister: register };
}
