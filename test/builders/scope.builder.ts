import {
  type Exclusion,
  type InterestedParty,
  type OtherParty,
  type Scope,
  type ScopeService,
  type ScopeVersion,
  SCOPE_SCHEMA_VERSION,
} from '../../src/domain/scope';

export function aService(overrides: Partial<ScopeService> = {}): ScopeService {
  return { id: 'svc-1', name: 'Managed hosting', description: 'Hosting of customer web shops.', customers: ['Acme Retail'], ...overrides };
}

export function anInterestedParty(overrides: Partial<InterestedParty> = {}): InterestedParty {
  return { id: 'ip-1', name: 'Acme Retail', kind: 'customer', needs: 'Shop available during opening hours.', ...overrides };
}

export function anOtherParty(overrides: Partial<OtherParty> = {}): OtherParty {
  return {
    id: 'op-1',
    name: 'CloudCo',
    type: 'supplier',
    operates: ['8.7.1'],
    control: 'Monthly availability report reviewed against the contract.',
    ...overrides,
  };
}

export function anExclusion(overrides: Partial<Exclusion> = {}): Exclusion {
  return { id: 'ex-1', what: 'Legacy mainframe batch service', justification: 'Retired at the end of the year.', ...overrides };
}

/** A complete, warning-free scope. */
export function aScope(overrides: Partial<Scope> = {}): Scope {
  return {
    schemaVersion: SCOPE_SCHEMA_VERSION,
    organization: 'Example IT Services',
    services: [aService()],
    organizationalUnits: [{ id: 'ou-1', name: 'Service desk', description: '' }],
    locations: [{ id: 'loc-1', name: 'Berlin office', description: '' }],
    interestedParties: [anInterestedParty()],
    otherParties: [anOtherParty()],
    exclusions: [anExclusion()],
    notes: '',
    ...overrides,
  };
}

export function aScopeVersion(overrides: Partial<ScopeVersion> = {}): ScopeVersion {
  return {
    version: 1,
    author: '557058:sandbox-project-admin',
    at: '2025-01-15T09:00:00.000Z',
    comment: 'First scope',
    scope: aScope(),
    ...overrides,
  };
}
