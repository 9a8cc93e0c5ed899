import { z } from 'zod';
import type { AuditProgrammeView } from '../contract/audit';
import { PROCESS_IDS } from '../domain/assessment/assessment-units';
import { processOwnerSchema } from '../domain/audit';
import { defineResolver } from './define-resolver';

/** Saves the process owners of the audit programme (CONFLICT on a stale version) and returns the programme read back. */
export const saveProcessOwners = defineResolver({
  key: 'saveProcessOwners',
  payload: z.object({
    version: z.number().int().nonnegative(),
    owners: z.array(z.object({ unitId: z.string().pipe(processOwnerSchema.shape.unitId), owner: processOwnerSchema.shape.owner })).max(PROCESS_IDS.length + 1),
  }),
  handler: (input, ctx): Promise<AuditProgrammeView> => ctx.deps.auditProgramme.saveProcessOwners(ctx.project, ctx.accountId, input.version, input.owners),
});
