import type { AnyResolverDefinition } from './define-resolver';
import { getBulkMappingStatus } from './get-bulk-mapping-status.resolver';
import { getCoverage } from './get-coverage.resolver';
import { getIssueClauses } from './get-issue-clauses.resolver';
import { listClauses } from './list-clauses.resolver';
import { saveProjectIssueClause } from './save-project-issue-clause.resolver';
import { previewBulkMapping } from './preview-bulk-mapping.resolver';
import { saveIssueClauses } from './save-issue-clauses.resolver';
import { startBulkMapping } from './start-bulk-mapping.resolver';
import { undoBulkMapping } from './undo-bulk-mapping.resolver';

/** The clause-mapping resolvers (issue panel, bulk mapping, coverage), registered in src/wiring.ts. */
export const MAPPING_RESOLVERS: readonly AnyResolverDefinition[] = [
  getIssueClauses,
  saveIssueClauses,
  listClauses,
  previewBulkMapping,
  startBulkMapping,
  undoBulkMapping,
  getBulkMappingStatus,
  getCoverage,
  saveProjectIssueClause,
] as readonly AnyResolverDefinition[];
