/** Pure helpers for editing a scope draft in the browser (ids and empty items). */
import type { Scope, ScopeListSection } from '@contract/scope';

export const ITEM_PREFIX: Record<ScopeListSection, string> = {
  services: 'service',
  organizationalUnits: 'unit',
  locations: 'location',
  interestedParties: 'party',
  otherParties: 'other',
  exclusions: 'exclusion',
};

/** `<prefix>-<n>` with the smallest n not used in the list (same rule as the domain). */
export function nextItemId(prefix: string, existing: readonly { id: string }[]): string {
  const used = new Set(existing.map((e) => e.id));
  let n = 1;
  while (used.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

export function newItem(section: ScopeListSection, scope: Scope): Scope[ScopeListSection][number] {
  const id = nextItemId(ITEM_PREFIX[section], scope[section]);
  switch (section) {
    case 'services':
      return { id, name: '', description: '', customers: [] };
    case 'organizationalUnits':
    case 'locations':
      return { id, name: '', description: '' };
    case 'interestedParties':
      return { id, name: '', kind: 'customer', needs: '' };
    case 'otherParties':
      return { id, name: '', type: 'supplier', operates: [], control: '' };
    case 'exclusions':
      return { id, what: '', justification: '' };
  }
}

export function isScopeEmpty(scope: Scope): boolean {
  return (
    scope.organization.trim() === '' &&
    scope.notes.trim() === '' &&
    scope.services.length + scope.organizationalUnits.length + scope.locations.length + scope.interestedParties.length + scope.otherParties.length + scope.exclusions.length === 0
  );
}
