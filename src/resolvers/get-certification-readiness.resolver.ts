import { z } from 'zod';
import type { CertificationReadinessView } from '../contract/audit';
import { defineResolver } from './define-resolver';

/** Readiness for a certification audit on the target date: the gap analysis and the open nonconformities, read as the user. */
export const getCertificationReadiness = defineResolver({
  key: 'getCertificationReadiness',
  payload: z.object({ targetAuditDate: z.iso.date() }),
  handler: (input, ctx): Promise<CertificationReadinessView> => ctx.deps.auditProgramme.certificationReadiness(ctx.project, input.targetAuditDate),
});
