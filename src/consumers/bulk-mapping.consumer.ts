/**
 * The 'bulkMapping' job (apply or undo of a bulk clause-mapping change, queued by startBulkMapping /
 * undoBulkMapping / abandoning an interrupted apply). Its steps live with the service that owns the change
 * (src/services/bulk-mapping.service.ts); the job runner (src/platform/job-runner.ts) runs them.
 */
export { bulkMappingJob } from '../services/bulk-mapping.service';
