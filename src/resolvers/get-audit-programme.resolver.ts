import { z } from 'zod';
import type { AuditProgrammeView } from '../contract/audit';
import { defineResolver } from './define-resolver';

/** The audit programme as the user sees it (AuditProgrammeService.programme: one search as the user, the stored owners, names). */
export const getAuditProgramme = defineResolver({
  key: 'getAuditProgramme',
  payload: z.object({}),
  handler: (_input, ctx): Promise<AuditProgrammeView> => ctx.deps.auditProgramme.programme(ctx.project),
});
