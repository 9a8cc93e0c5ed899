/**
 * Baseline assessment (TS 20000-5 5.3.2): the factors to look at when recording where service management
 * stands today, each with the team's finding. Labels are our own short wording of the list (a–j).
 */
import { z } from 'zod';

export const BASELINE_FACTOR_IDS = [
  'documents-records',
  'previous-reviews-audits',
  'workload',
  'sla-breaches',
  'performance-measurements',
  'improvement-plans',
  'staff-competence',
  'legal-contractual',
  'customer-feedback',
  'other-management-systems',
] as const;
export type BaselineFactorId = (typeof BASELINE_FACTOR_IDS)[number];
export const baselineFactorIdSchema = z.enum(BASELINE_FACTOR_IDS);

export interface BaselineFactor {
  id: BaselineFactorId;
  letter: string;
  label: string;
  hint: string;
}

export const BASELINE_FACTORS: readonly BaselineFactor[] = [
  { id: 'documents-records', letter: 'a', label: 'Existing documents and records', hint: 'What is already written down and kept.' },
  { id: 'previous-reviews-audits', letter: 'b', label: 'Earlier reviews and audits', hint: 'Results of past service reviews, internal audits or management reviews.' },
  { id: 'workload', letter: 'c', label: 'Workload', hint: 'Volumes and patterns of the work the teams handle.' },
  { id: 'sla-breaches', letter: 'd', label: 'Breaches of agreements', hint: 'Where service level agreements or contracts were not met.' },
  { id: 'performance-measurements', letter: 'e', label: 'Performance measurements', hint: 'What is measured today about services and processes, and the figures.' },
  { id: 'improvement-plans', letter: 'f', label: 'Improvement plans under way', hint: 'Recent or running plans to improve services.' },
  { id: 'staff-competence', letter: 'g', label: 'Staff numbers and skills', hint: 'How many people are available and what they can do.' },
  { id: 'legal-contractual', letter: 'h', label: 'Legal, regulatory and contractual duties', hint: 'Obligations that apply to the services.' },
  { id: 'customer-feedback', letter: 'i', label: 'Customer satisfaction and complaints', hint: 'Survey results and complaints received.' },
  { id: 'other-management-systems', letter: 'j', label: 'Other management systems', hint: 'Quality, security or other systems already in place to build on.' },
];

export const MAX_FINDING_TEXT = 2000;
export const baselineFindingsSchema = z.partialRecord(baselineFactorIdSchema, z.string().max(MAX_FINDING_TEXT));
export type BaselineFindings = z.infer<typeof baselineFindingsSchema>;

/** How many factors have a finding written, out of all. */
export function baselineCoverage(findings: BaselineFindings): { recorded: number; total: number } {
  const recorded = BASELINE_FACTOR_IDS.filter((id) => (findings[id] ?? '').trim().length > 0).length;
  return { recorded, total: BASELINE_FACTOR_IDS.length };
}
