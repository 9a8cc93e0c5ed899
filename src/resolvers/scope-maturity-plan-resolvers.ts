/** The resolvers of the Scope, Maturity and Phases panels (registered in src/wiring.ts). */
import type { AnyResolverDefinition } from './define-resolver';
import { checkPlan } from './check-plan.resolver';
import { compareSnapshots } from './compare-snapshots.resolver';
import { getAssessment } from './get-assessment.resolver';
import { getPlan } from './get-plan.resolver';
import { getScopeDiff } from './get-scope-diff.resolver';
import { getScopeHistory } from './get-scope-history.resolver';
import { getScope } from './get-scope.resolver';
import { listSnapshots } from './list-snapshots.resolver';
import { previewScope } from './preview-scope.resolver';
import { proposePlan } from './propose-plan.resolver';
import { savePlan } from './save-plan.resolver';
import { saveScope } from './save-scope.resolver';
import { saveUnitAssessment } from './save-unit-assessment.resolver';
import { takeSnapshot } from './take-snapshot.resolver';

export const SCOPE_MATURITY_PLAN_RESOLVERS: readonly AnyResolverDefinition[] = [
  getScope,
  saveScope,
  previewScope,
  getScopeHistory,
  getScopeDiff,
  getAssessment,
  saveUnitAssessment,
  listSnapshots,
  takeSnapshot,
  compareSnapshots,
  getPlan,
  proposePlan,
  checkPlan,
  savePlan,
] as readonly AnyResolverDefinition[];
