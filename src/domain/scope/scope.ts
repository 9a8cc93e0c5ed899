/**
 * The scope of the service management system (ISO/IEC 20000-1:2018 4.3; TS 20000-5 4.3): which services,
 * for whom, by which parts of the organization and where, who else takes part in the service lifecycle,
 * and what is deliberately left out (with a reason). Every list item carries a stable `id` so versions
 * can be compared item by item even after a rename.
 */
import { z } from 'zod';
import { isClauseId } from '../catalogue/catalogue';

export const SCOPE_SCHEMA_VERSION = 1;

const itemId = z.string().trim().min(1).max(64);
const name = z.string().trim().min(1, 'A name is required.').max(200);
const text = (max: number) => z.string().max(max);

export const scopeServiceSchema = z.object({
  id: itemId,
  name,
  description: text(2000),
  /** Names of the customers the service is provided to. */
  customers: z.array(z.string().trim().min(1).max(200)).max(100),
});
export type ScopeService = z.infer<typeof scopeServiceSchema>;

export const organizationalUnitSchema = z.object({ id: itemId, name, description: text(2000) });
export type OrganizationalUnit = z.infer<typeof organizationalUnitSchema>;

export const scopeLocationSchema = z.object({ id: itemId, name, description: text(2000) });
export type ScopeLocation = z.infer<typeof scopeLocationSchema>;

export const INTERESTED_PARTY_KINDS = ['customer', 'user', 'internal', 'supplier', 'regulator', 'other'] as const;
export type InterestedPartyKind = (typeof INTERESTED_PARTY_KINDS)[number];
export const INTERESTED_PARTY_KIND_LABELS: Readonly<Record<InterestedPartyKind, string>> = {
  customer: 'Customer',
  user: 'User',
  internal: 'Internal party',
  supplier: 'Supplier',
  regulator: 'Regulator or authority',
  other: 'Other interested party',
};

export const interestedPartySchema = z.object({
  id: itemId,
  name,
  kind: z.enum(INTERESTED_PARTY_KINDS),
  /** What this party needs or expects from the SMS and its services. */
  needs: text(2000),
});
export type InterestedParty = z.infer<typeof interestedPartySchema>;

export const OTHER_PARTY_TYPES = ['supplier', 'internal-team', 'customer-as-supplier'] as const;
export type OtherPartyType = (typeof OTHER_PARTY_TYPES)[number];
export const OTHER_PARTY_TYPE_LABELS: Readonly<Record<OtherPartyType, string>> = {
  supplier: 'External supplier',
  'internal-team': 'Internal team',
  'customer-as-supplier': 'Customer acting as a supplier',
};

/** A clause-8 clause id (8.1, 8.6.1, 8.5.1.3 …) that exists in the catalogue. */
export const clause8IdSchema = z
  .string()
  .refine((s) => (s === '8.1' || s.startsWith('8.')) && isClauseId(s), 'Expected a clause 8 process such as 8.6.1.');

export const otherPartySchema = z.object({
  id: itemId,
  name,
  type: z.enum(OTHER_PARTY_TYPES),
  /** Clause-8 processes (or parts of them) this party operates. */
  operates: z.array(clause8IdSchema).max(50),
  /** How the organization controls what the party operates (20000-1 8.2.3). Empty = none recorded. */
  control: text(2000),
});
export type OtherParty = z.infer<typeof otherPartySchema>;

export const exclusionSchema = z.object({
  id: itemId,
  what: z.string().trim().min(1, 'Say what is excluded.').max(500),
  justification: z.string().trim().min(1, 'An exclusion needs a justification.').max(2000),
});
export type Exclusion = z.infer<typeof exclusionSchema>;

export const scopeSchema = z.object({
  schemaVersion: z.literal(SCOPE_SCHEMA_VERSION),
  /** The organization (or part of it) that operates the SMS; may be empty. */
  organization: text(200),
  services: z.array(scopeServiceSchema).max(200),
  organizationalUnits: z.array(organizationalUnitSchema).max(200),
  locations: z.array(scopeLocationSchema).max(200),
  interestedParties: z.array(interestedPartySchema).max(200),
  otherParties: z.array(otherPartySchema).max(200),
  exclusions: z.array(exclusionSchema).max(200),
  notes: text(10000),
});
export type Scope = z.infer<typeof scopeSchema>;

export type ScopeListSection = 'services' | 'organizationalUnits' | 'locations' | 'interestedParties' | 'otherParties' | 'exclusions';
export type ScopeSection = 'general' | ScopeListSection;

export const SCOPE_SECTIONS: readonly { key: ScopeSection; label: string }[] = [
  { key: 'general', label: 'General' },
  { key: 'services', label: 'Services in scope' },
  { key: 'organizationalUnits', label: 'Organizational units' },
  { key: 'locations', label: 'Locations' },
  { key: 'interestedParties', label: 'Customers and interested parties' },
  { key: 'otherParties', label: 'Other parties in the service lifecycle' },
  { key: 'exclusions', label: 'Exclusions' },
];

export function emptyScope(): Scope {
  return {
    schemaVersion: SCOPE_SCHEMA_VERSION,
    organization: '',
    services: [],
    organizationalUnits: [],
    locations: [],
    interestedParties: [],
    otherParties: [],
    exclusions: [],
    notes: '',
  };
}

/** A fresh item id `<prefix>-<n>` not used by `existing` (deterministic: the smallest free n). */
export function nextItemId(prefix: string, existing: readonly { id: string }[]): string {
  const used = new Set(existing.map((e) => e.id));
  let n = 1;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/** Duplicate item ids inside one section are a validation problem: diffs rely on ids. */
export const strictScopeSchema = scopeSchema.superRefine((scope, ctx) => {
  const sections: ScopeListSection[] = ['services', 'organizationalUnits', 'locations', 'interestedParties', 'otherParties', 'exclusions'];
  for (const section of sections) {
    const seen = new Set<string>();
    scope[section].forEach((item, index) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [section, index, 'id'], message: `Duplicate id ${item.id}.` });
      seen.add(item.id);
    });
  }
});
