/** zod schemas of the closed vocabularies (vocabulary.ts), for the boundaries that read them. */
import { z } from 'zod';
import { CONFORMITY_RESULTS, EVIDENCE_KINDS, FINDING_GRADES } from './vocabulary';

export const conformityResultSchema = z.enum(CONFORMITY_RESULTS);
export const findingGradeSchema = z.enum(FINDING_GRADES);
export const evidenceKindSchema = z.enum(EVIDENCE_KINDS);
