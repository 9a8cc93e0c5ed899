import { z } from 'zod';
import type { PreviewScopeResponse } from '../contract/scope';
import {
  type Scope,
  INTERESTED_PARTY_KINDS,
  OTHER_PARTY_TYPES,
  SCOPE_SCHEMA_VERSION,
  generateScopeStatement,
  scopeWarnings,
  strictScopeSchema,
} from '../domain/scope';
import { defineResolver } from './define-resolver';

// A draft may still have blank names or a missing justification; the preview shows those as problems
// instead of refusing, so the user sees the statement and the warnings while typing.
const s = (max: number) => z.string().max(max);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(200);
const draftScopeSchema = z.object({
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

/** Statement, warnings and the problems that would block a save, for an unsaved draft. Writes nothing. */
export const previewScope = defineResolver({
  key: 'previewScope',
  payload: z.object({ scope: draftScopeSchema }),
  async handler(input): Promise<PreviewScopeResponse> {
    const draft = input.scope as Scope;
    const strict = strictScopeSchema.safeParse(draft);
    return {
      statement: generateScopeStatement(draft),
      warnings: scopeWarnings(draft),
      problems: strict.success ? [] : strict.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    };
  },
});
