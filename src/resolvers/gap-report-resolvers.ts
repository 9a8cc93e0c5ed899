/** The gap report resolvers, registered together in src/wiring.ts. */
import type { AnyResolverDefinition } from './define-resolver';
import { getGapReport } from './get-gap-report.resolver';
import { previewReport } from './preview-report.resolver';
import { getClauseRegister } from './get-clause-register.resolver';
import { getReadinessMacro } from './get-readiness-macro.resolver';
import { listMacroProjects } from './list-macro-projects.resolver';
import { setClauseResult } from './set-clause-result.resolver';
import { startPublishReport } from './start-publish-report.resolver';

export const GAP_REPORT_RESOLVERS: readonly AnyResolverDefinition[] = [
  getGapReport,
  setClauseResult,
  previewReport,
  getClauseRegister,
  getReadinessMacro,
  listMacroProjects,
  startPublishReport,
];
