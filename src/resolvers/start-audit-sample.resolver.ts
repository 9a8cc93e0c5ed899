import { z } from 'zod';
import type { StartJobResponse } from '../contract/audit';
import { issueKeySchema } from '../domain/audit';
import { defineResolver, trustedSiteUrl } from './define-resolver';

/**
 * Queues the `audit-sample` job after the checks as the user (AuditProgrammeService.startSample): the audit is an
 * issue of this project planned by the app, its auditor independent, the sizes within its scope. The job runs as the app.
 */
export const startAuditSample = defineResolver({
  key: 'startAuditSample',
  payload: z.object({ auditKey: issueKeySchema, seed: z.string(), sizes: z.record(z.string(), z.number()) }),
  handler: (input, ctx): Promise<StartJobResponse> => ctx.deps.auditProgramme.startSample(ctx.project, ctx.accountId, trustedSiteUrl(ctx), input),
});
