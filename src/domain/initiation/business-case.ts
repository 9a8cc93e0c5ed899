/**
 * The business case of TS 20000-5 5.3.1: the fourteen elements the guidance lists (a–n), each a free text the
 * team fills in, and the sponsor's approval. Labels and hints are our own wording.
 * An approval is bound to the text it approved: editing any element afterwards makes the approval stale, and a
 * stale approval no longer counts as management support.
 */
import { z } from 'zod';

export const BUSINESS_CASE_ELEMENT_IDS = [
  'drivers',
  'outcomes',
  'proposed-scope',
  'steps',
  'constraints-assumptions',
  'costs',
  'risk-assessment',
  'resources',
  'cost-benefit-evaluation',
  'conformity-assessment',
  'timeframes',
  'interested-party-impact',
  'terms-of-reference',
  'sponsorship-governance',
] as const;
export type BusinessCaseElementId = (typeof BUSINESS_CASE_ELEMENT_IDS)[number];
export const businessCaseElementIdSchema = z.enum(BUSINESS_CASE_ELEMENT_IDS);

export interface BusinessCaseElement {
  id: BusinessCaseElementId;
  /** The list letter of 5.3.1 (a–n). */
  letter: string;
  label: string;
  /** What to write, in one or two short sentences of our own. */
  hint: string;
}

export const BUSINESS_CASE_ELEMENTS: readonly BusinessCaseElement[] = [
  { id: 'drivers', letter: 'a', label: 'Business needs and drivers', hint: 'Why the organization wants an SMS now: the needs and pressures found when looking at the context.' },
  { id: 'outcomes', letter: 'b', label: 'Short- and long-term outcomes', hint: 'The benefits expected soon and later (better services, workload, satisfaction, savings) and how much each matters.' },
  { id: 'proposed-scope', letter: 'c', label: 'Proposed scope', hint: 'Which services, units and locations the SMS would cover.' },
  { id: 'steps', letter: 'd', label: 'Steps towards the outcomes', hint: 'An outline of the main steps that move the organization towards those benefits.' },
  { id: 'constraints-assumptions', letter: 'e', label: 'Constraints and assumptions', hint: 'Limits and assumptions that shape the SMS or how it is put in place.' },
  { id: 'costs', letter: 'f', label: 'Costs', hint: 'Expected costs, internal effort and external spend alike.' },
  { id: 'risk-assessment', letter: 'g', label: 'Risk assessment', hint: 'Organizational, financial and technical risks, with how you propose to handle them.' },
  { id: 'resources', letter: 'h', label: 'Resources', hint: 'People, tools and time needed to set up, run, maintain and keep improving the SMS.' },
  { id: 'cost-benefit-evaluation', letter: 'i', label: 'Evaluating costs and benefits', hint: 'How you will later judge whether the SMS paid off.' },
  { id: 'conformity-assessment', letter: 'j', label: 'Conformity assessment recommendation', hint: 'Whether to seek formal, independent assessment (e.g. certification), with its costs and gains.' },
  { id: 'timeframes', letter: 'k', label: 'Timeframes and schedule', hint: 'Key dates and the overall schedule.' },
  { id: 'interested-party-impact', letter: 'l', label: 'Impact on customers and other parties', hint: 'What changes for customers, suppliers and other interested parties.' },
  { id: 'terms-of-reference', letter: 'm', label: 'Terms of reference', hint: 'The proposed mandate of the project: its remit, authority and boundaries.' },
  { id: 'sponsorship-governance', letter: 'n', label: 'Sponsorship and governance', hint: 'Who sponsors the project and how it is steered and held to account.' },
];

/** Longest text of one element, in characters. */
export const MAX_ELEMENT_TEXT = 4000;

export const businessCaseApprovalSchema = z.object({
  /** Atlassian accountId of the sponsor who approved. */
  approvedBy: z.string().min(1).max(128),
  approvedAt: z.iso.datetime({ offset: true }),
  /** Fingerprint of the element texts at approval time (see businessCaseDigest). */
  digest: z.string().min(1).max(64),
});
export type BusinessCaseApproval = z.infer<typeof businessCaseApprovalSchema>;

export const businessCaseElementsSchema = z.partialRecord(businessCaseElementIdSchema, z.string().max(MAX_ELEMENT_TEXT));
export type BusinessCaseElements = z.infer<typeof businessCaseElementsSchema>;

/** An Atlassian accountId (the sponsor, an owner): stored, never shown; the UI shows the Jira display name. */
export const accountIdSchema = z.string().trim().min(1).max(128);

export const businessCaseSchema = z.object({
  elements: businessCaseElementsSchema,
  /** The sponsor named by the team (accountId); only this person may approve. Absent in records saved before. */
  sponsor: accountIdSchema.nullable().default(null),
  approval: businessCaseApprovalSchema.nullable(),
});
export type BusinessCase = z.infer<typeof businessCaseSchema>;

export const emptyBusinessCase = (): BusinessCase => ({ elements: {}, sponsor: null, approval: null });

const filled = (text: string | undefined): boolean => (text ?? '').trim().length > 0;

export interface BusinessCaseCompleteness {
  filled: number;
  total: number;
  /** 0..100, rounded down. */
  percent: number;
  complete: boolean;
  missing: BusinessCaseElementId[];
}

export function businessCaseCompleteness(bc: Pick<BusinessCase, 'elements'>): BusinessCaseCompleteness {
  const missing = BUSINESS_CASE_ELEMENT_IDS.filter((id) => !filled(bc.elements[id]));
  const total = BUSINESS_CASE_ELEMENT_IDS.length;
  const done = total - missing.length;
  return { filled: done, total, percent: Math.floor((done * 100) / total), complete: missing.length === 0, missing };
}

/**
 * A short, stable fingerprint of the element texts (FNV-1a 32-bit over the trimmed texts in element order).
 * Not a security hash: it only tells whether the approved text has since been edited.
 */
export function businessCaseDigest(elements: BusinessCaseElements): string {
  let h = 0x811c9dc5;
  const feed = (s: string): void => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  };
  for (const id of BUSINESS_CASE_ELEMENT_IDS) {
    feed(id);
    feed('\u0000');
    feed((elements[id] ?? '').trim());
    feed('\u0001');
  }
  return `fnv1a-${h.toString(16).padStart(8, '0')}`;
}

export type ApprovalState = 'none' | 'approved' | 'stale';

/**
 * 'approved' while the texts are those the sponsor approved and the approver is still the named sponsor; 'stale'
 * once any element changed since, or another sponsor has been named.
 */
export function approvalState(bc: BusinessCase): ApprovalState {
  if (bc.approval === null) return 'none';
  const bySponsor = bc.sponsor === null || bc.approval.approvedBy === bc.sponsor;
  return bySponsor && bc.approval.digest === businessCaseDigest(bc.elements) ? 'approved' : 'stale';
}

/** Why `accountId` may not approve the business case now (null: they may). The one rule, for the service and the UI. */
export type ApprovalRefusal =
  | { reason: 'no-sponsor' }
  | { reason: 'not-sponsor'; sponsor: string }
  | { reason: 'incomplete'; missing: BusinessCaseElementId[] };

export function approvalRefusal(bc: BusinessCase, accountId: string): ApprovalRefusal | null {
  if (bc.sponsor === null) return { reason: 'no-sponsor' };
  if (bc.sponsor !== accountId) return { reason: 'not-sponsor', sponsor: bc.sponsor };
  const c = businessCaseCompleteness(bc);
  return c.complete ? null : { reason: 'incomplete', missing: c.missing };
}

/**
 * Level I of the key element 'management-support' in the maturity model: leaders have approved a business
 * case. True only for a complete business case whose approval still matches its text.
 */
export function managementSupportObtained(bc: BusinessCase): boolean {
  return approvalState(bc) === 'approved' && businessCaseCompleteness(bc).complete;
}

/** The approval a sponsor gives now. The caller checks completeness first (see assertApprovable). */
export function approveBusinessCase(bc: BusinessCase, accountId: string, at: string): BusinessCase {
  return { ...bc, approval: { approvedBy: accountId, approvedAt: at, digest: businessCaseDigest(bc.elements) } };
}
