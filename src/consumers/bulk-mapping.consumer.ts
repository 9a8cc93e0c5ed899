import { defineJobHandler } from '../platform/job-handler';
import { bulkJobBodySchema, createBulkMappingService } from '../services/bulk-mapping.service';

/**
 * Applies or undoes a bulk clause-mapping change (queued by startBulkMapping / undoBulkMapping). Safe to
 * run twice: a finished job returns at once and issues already written are skipped. Unexpected errors are
 * rethrown so the queue retries.
 */
export const bulkMappingJob = defineJobHandler({
  type: 'bulkMapping',
  body: bulkJobBodySchema,
  async handle(body, deps) {
    await createBulkMappingService(deps).runJob(body);
  },
});
