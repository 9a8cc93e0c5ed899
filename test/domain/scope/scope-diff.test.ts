import { createScopeVersion, diffScopes, diffScopeVersions, formatScopeDiff } from '../../../src/domain/scope';
import { aScope, aService, anOtherParty, aScopeVersion, anExclusion } from '../../builders/scope.builder';

describe('diffScopes', () => {
  it('reports no change between equal scopes', () => {
    const d = diffScopes(aScope(), aScope());
    expect(d).toEqual({ sections: [], changeCount: 0, isEmpty: true });
    expect(formatScopeDiff(d)).toEqual(['No changes.']);
  });

  it('lists added and removed items per section', () => {
    const before = aScope();
    const after = aScope({ services: [aService({ id: 'svc-2', name: 'E-mail' })], locations: [] });
    const d = diffScopes(before, after);
    const services = d.sections.find((s) => s.section === 'services');
    expect(services?.added).toEqual([{ id: 'svc-2', label: 'E-mail' }]);
    expect(services?.removed).toEqual([{ id: 'svc-1', label: 'Managed hosting' }]);
    expect(d.sections.find((s) => s.section === 'locations')?.removed).toEqual([{ id: 'loc-1', label: 'Berlin office' }]);
    expect(d.changeCount).toBe(3);
  });

  it('matches items by id so a rename is a field change with old and new values', () => {
    const after = aScope({ services: [aService({ name: 'Managed web hosting', customers: ['Acme Retail', 'Beta Bank'] })] });
    const [section] = diffScopes(aScope(), after).sections;
    expect(section?.section).toBe('services');
    expect(section?.changed).toEqual([
      {
        id: 'svc-1',
        label: 'Managed web hosting',
        previousLabel: 'Managed hosting',
        fields: [
          { field: 'name', label: 'Name', from: 'Managed hosting', to: 'Managed web hosting', added: [], removed: [] },
          { field: 'customers', label: 'Customers', from: ['Acme Retail'], to: ['Acme Retail', 'Beta Bank'], added: ['Beta Bank'], removed: [] },
        ],
      },
    ]);
  });

  it('covers other parties, exclusions and the general fields, and formats readable lines', () => {
    const after = aScope({
      organization: 'Example IT Services GmbH',
      otherParties: [anOtherParty({ control: '' , operates: ['8.7.1', '8.6.1'] })],
      exclusions: [anExclusion({ justification: 'Moved to the group data centre.' })],
    });
    const d = diffScopes(aScope(), after);
    expect(d.sections.map((s) => s.section)).toEqual(['general', 'otherParties', 'exclusions']);
    expect(formatScopeDiff(d)).toEqual([
      'General — Organization: “Example IT Services” → “Example IT Services GmbH”.',
      'Other parties in the service lifecycle: “CloudCo” — Operates: added 8.6.1.',
      'Other parties in the service lifecycle: “CloudCo” — Control applied: “Monthly availability report reviewed against the contract.” → (empty).',
      'Exclusions: “Legacy mainframe batch service” — Justification: “Retired at the end of the year.” → “Moved to the group data centre.”.',
    ]);
  });
});

describe('scope versions', () => {
  it('numbers versions from the previous one and diffs two versions oldest first', () => {
    const v1 = createScopeVersion(null, { scope: aScope(), author: 'a-1', at: '2025-01-01T10:00:00Z', comment: ' first ' });
    const v2 = createScopeVersion(v1, { scope: aScope({ notes: 'Reviewed.' }), author: 'a-2', at: '2025-02-01T10:00:00Z' });
    expect([v1.version, v2.version, v1.comment]).toEqual([1, 2, 'first']);
    const d = diffScopeVersions(v2, v1);
    expect([d.fromVersion, d.toVersion]).toEqual([1, 2]);
    expect(d.sections[0]?.changed[0]?.fields).toEqual([{ field: 'notes', label: 'Notes', from: '', to: 'Reviewed.', added: [], removed: [] }]);
  });

  it('refuses to version an invalid scope (exclusion without justification, duplicate ids)', () => {
    const noReason = aScope({ exclusions: [anExclusion({ justification: ' ' })] });
    expect(() => createScopeVersion(aScopeVersion(), { scope: noReason, author: 'a', at: '2025-01-01T00:00:00Z' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
    const dup = aScope({ services: [aService(), aService({ name: 'Other' })] });
    expect(() => createScopeVersion(null, { scope: dup, author: 'a', at: '2025-01-01T00:00:00Z' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});
