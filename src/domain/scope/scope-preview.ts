/**
 * The preview of a scope draft the user has not saved yet: the statement, the warnings, and the problems that
 * would make a save fail. A draft may still have blank names or a missing justification; the preview lists
 * those as problems instead of refusing, so the user sees the statement and the warnings while typing.
 */
import { z } from 'zod';
import { INTERESTED_PARTY_KINDS, OTHER_PARTY_TYPES, SCOPE_SCHEMA_VERSION, type Scope, strictScopeSchema } from './scope';
import { generateScopeStatement } from './scope-statement';
import { type ScopeWarning, scopeWarnings } from './scope-warnings';

const s = (max: number) => z.string().max(max);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(200);

/** A scope as it may be while being edited: the shape and the size limits of a scope, none of its content rules. */
export const draftScopeSchema = z.object({
  schemaVersion: z.literal(SCOPE_SCHEMA_VERSION),
  organization: s(200),
  services: list(z.object({ id: s(64), name: s(200), description: s(2000), customers: z.array(s(200)).max(100) })),
  organizationalUnits: list(z.object({ id: s(64), name: s(200), description: s(2000) })),
  locations: list(z.object({ id: s(64), name: s(200), description: s(2000) })),
  interestedParties: list(z.object({ id: s(64), name: s(200), kind: z.enum(INTERESTED_PARTY_KINDS), needs: s(2000) })),
  otherParties: list(z.object({ id: s(64), name: s(200), type: z.enum(OTHER_PARTY_TYPES), operates: z.array(s(20)).max(50), control: s(2000) })),
  exclusions: list(z.object({ id: s(64), what: s(500), justification: s(2000) })),
  notes: s(10000),
});

/** A field-level problem that would stop the scope from saving: a rule of a saved scope the draft breaks, at the dotted path of the field (`exclusions.0.justification`). */
export interface ScopeProblem {
  path: string;
  message: string;
}

export interface ScopePreview {
  statement: string;
  warnings: ScopeWarning[];
  /** Empty when the draft could be saved as it is. */
  problems: ScopeProblem[];
}

/** Statement, warnings and the problems that would block a save (strictScopeSchema), for an unsaved draft. */
export function previewScopeDraft(draft: Scope): ScopePreview {
  const strict = strictScopeSchema.safeParse(draft);
  return {
    statement: generateScopeStatement(draft),
    warnings: scopeWarnings(draft),
    problems: strict.success ? [] : strict.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  };
}
