/** Builds what the scope resolvers return: the stored scope with its statement, warnings and editor choices. */
import type { PeopleNames } from '../contract/people';
import type { ScopeOptions, ScopeView } from '../contract/scope';
import { ASSESSMENT_UNITS } from '../domain/assessment';
import {
  type Scope,
  type ScopeVersion,
  INTERESTED_PARTY_KINDS,
  INTERESTED_PARTY_KIND_LABELS,
  OTHER_PARTY_TYPES,
  OTHER_PARTY_TYPE_LABELS,
  SCOPE_SECTIONS,
  emptyScope,
  generateScopeStatement,
  scopeWarnings,
} from '../domain/scope';

export const SCOPE_OPTIONS: ScopeOptions = {
  sections: SCOPE_SECTIONS.map((s) => ({ key: s.key, label: s.label })),
  interestedPartyKinds: INTERESTED_PARTY_KINDS.map((value) => ({ value, label: INTERESTED_PARTY_KIND_LABELS[value] })),
  otherPartyTypes: OTHER_PARTY_TYPES.map((value) => ({ value, label: OTHER_PARTY_TYPE_LABELS[value] })),
  processes: ASSESSMENT_UNITS.filter((u) => u.kind === 'process').map((u) => ({ id: u.id, title: u.title })),
};

/** `people`: display names of at least `current.author` (see resolveNames). */
export function toScopeView(current: ScopeVersion | undefined, people: PeopleNames): ScopeView {
  const scope: Scope = current?.scope ?? emptyScope();
  return {
    version: current?.version ?? 0,
    scope,
    updatedAt: current?.at ?? null,
    updatedBy: current?.author ?? null,
    comment: current?.comment ?? '',
    people,
    statement: generateScopeStatement(scope),
    warnings: scopeWarnings(scope),
    options: SCOPE_OPTIONS,
  };
}
