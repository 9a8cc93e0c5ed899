import { emptyScope, generateScopeStatement, nextItemId, scopeSchema, scopeWarnings } from '../../../src/domain/scope';
import { PROCESS_IDS } from '../../../src/domain/assessment';
import { aScope, anExclusion, anOtherParty, aService } from '../../builders/scope.builder';

const codes = (s: Parameters<typeof scopeWarnings>[0]): string[] => scopeWarnings(s).map((w) => w.code);

describe('scopeWarnings', () => {
  it('has nothing to say about a complete scope', () => {
    expect(scopeWarnings(aScope())).toEqual([]);
  });

  it('warns when no service is in scope', () => {
    expect(codes(emptyScope())).toEqual(['no-services']);
  });

  it('warns (8.2.3) when another party operates a clause-8 process with no control recorded', () => {
    const w = scopeWarnings(aScope({ otherParties: [anOtherParty({ id: 'op-9', operates: ['8.6.1', '8.6.2'], control: '  ' })] }));
    expect(w).toEqual([
      expect.objectContaining({ code: 'party-control-missing', clause: '8.2.3', section: 'otherParties', itemId: 'op-9', field: 'control' }),
    ]);
    expect(w[0]?.message).toContain('8.6.1, 8.6.2');
  });

  it('warns about an exclusion without justification and a service without customers', () => {
    const s = aScope({ exclusions: [anExclusion({ justification: '' })], services: [aService({ customers: [] })] });
    expect(codes(s)).toEqual(['service-without-customers', 'exclusion-without-justification']);
  });

  it('notes customers of a service that are not listed as interested parties', () => {
    expect(codes(aScope({ services: [aService({ customers: ['Acme Retail', 'Unknown Ltd'] })] }))).toEqual(['unknown-customer']);
  });

  it('warns when other parties operate every clause-8 process', () => {
    const s = aScope({ otherParties: [anOtherParty({ operates: ['8.1', '8.2', '8.3', '8.4', '8.5', '8.6', '8.7'] })] });
    expect(codes(s)).toContain('all-processes-by-others');
    expect(PROCESS_IDS.length).toBe(22);
  });
});

describe('scope schema and statement', () => {
  it('accepts the builder scope and rejects a non-clause-8 process for another party', () => {
    expect(scopeSchema.safeParse(aScope()).success).toBe(true);
    expect(scopeSchema.safeParse(aScope({ otherParties: [anOtherParty({ operates: ['9.2'] })] })).success).toBe(false);
    expect(scopeSchema.safeParse(aScope({ otherParties: [anOtherParty({ operates: ['8.9.9'] })] })).success).toBe(false);
  });

  it('builds a statement naming services, customers, units, locations, parties and exclusions', () => {
    const text = generateScopeStatement(aScope());
    expect(text).toContain('Example IT Services');
    expect(text).toContain('Managed hosting for Acme Retail');
    expect(text).toContain('Service desk');
    expect(text).toContain('Berlin office');
    expect(text).toMatch(/CloudCo \(external supplier\) operates Service availability management \(8\.7\.1\)/);
    expect(text).toContain('Legacy mainframe batch service (reason: Retired at the end of the year)');
  });

  it('says so when no service is in scope yet', () => {
    expect(generateScopeStatement(emptyScope())).toMatch(/^No services have been placed in the scope/);
  });

  it('leaves out rows still being filled in: a new empty service row does not read "of the following service: ."', () => {
    const text = generateScopeStatement({ ...emptyScope(), services: [aService({ name: '  ', customers: [] })] });
    expect(text).toMatch(/^No services have been placed in the scope/);
    expect(text).not.toContain('following service');
    const one = generateScopeStatement(aScope({ services: [aService({ name: 'Managed hosting', customers: ['Acme', ' '] }), aService({ id: 'svc-9', name: '' })] }));
    expect(one).toContain('of the following service: Managed hosting for Acme.');
  });

  it('hands out the smallest free item id', () => {
    expect(nextItemId('svc', [{ id: 'svc-1' }, { id: 'svc-3' }])).toBe('svc-2');
  });
});
