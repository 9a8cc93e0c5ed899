/** The resolvers of the Initiation tab, registered by src/wiring.ts. */
import type { AnyResolverDefinition } from './define-resolver';
import { approveBusinessCase } from './approve-business-case.resolver';
import { computeKpi } from './compute-kpi.resolver';
import { getInitiation } from './get-initiation.resolver';
import { publishBusinessCase } from './publish-business-case.resolver';
import { recordKpiMeasurement } from './record-kpi-measurement.resolver';
import { saveBusinessCase } from './save-business-case.resolver';
import { saveChallengeRegister } from './save-challenge-register.resolver';
import { saveKpis } from './save-kpis.resolver';
import { saveTargetState } from './save-target-state.resolver';

export const INITIATION_RESOLVERS: readonly AnyResolverDefinition[] = [
  getInitiation,
  saveBusinessCase,
  approveBusinessCase,
  saveKpis,
  recordKpiMeasurement,
  computeKpi,
  saveTargetState,
  saveChallengeRegister,
  publishBusinessCase,
] as readonly AnyResolverDefinition[];
