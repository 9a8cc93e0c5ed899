import {
  CLAUSES,
  ancestorsOf,
  childrenOf,
  clausesInGroup,
  compareClauseIds,
  descendantsOf,
  getClause,
  isClauseId,
  requireClause,
  sortClauseIds,
  topLevelClauses,
} from '../../src/domain/catalogue/catalogue';
import { loadFramework } from '../../src/domain/catalogue/catalogue-loader';
import raw from '../../src/domain/catalogue/iso20000-1-2018.json';
import { NotFoundError, ValidationError } from '../../src/domain/errors';
import { aFrameworkFile, aRequirementNode } from '../builders/framework-file.builder';
import { referenceClauses, seedOverlapFinder } from '../builders/reference-texts';

const ids = (cs: { id: string }[]): string[] => cs.map((c) => c.id);

describe('ISO/IEC 20000-1:2018 catalogue', () => {
  it('holds exactly the clauses of the reference structure, with the same numbers and titles, in the same order', () => {
    const reference = referenceClauses();
    expect(reference.length).toBeGreaterThan(70);
    expect(CLAUSES.map((c) => ({ id: c.id, title: c.title }))).toEqual(reference);
  });

  it('includes the deepest subclauses such as 8.3.4.1, 8.5.1.1 and 8.7.3.3', () => {
    for (const id of ['8.3.4.1', '8.3.4.2', '8.5.1.1', '8.5.2.3', '8.7.3.3']) expect(isClauseId(id)).toBe(true);
    expect(getClause('8.5.1.1')?.title).toBe('Change management policy');
  });

  it('gives every clause a unique lowercase urn ending with its number', () => {
    const urns = CLAUSES.map((c) => c.urn);
    expect(new Set(urns).size).toBe(CLAUSES.length);
    for (const c of CLAUSES) expect(c.urn).toBe(`urn:smsnav:req:iso20000-1-2018:${c.id}`);
  });

  it('has an existing parent for every clause except the top-level ones', () => {
    for (const c of CLAUSES) {
      if (c.depth === 1) expect(c.parentId).toBeNull();
      else expect(c.parentId !== null && isClauseId(c.parentId)).toBe(true);
    }
  });

  it('sets depth to the number of dot-separated parts', () => {
    for (const c of CLAUSES) expect(c.depth).toBe(c.id.split('.').length);
    expect(requireClause('4').depth).toBe(1);
    expect(requireClause('8.7.3.3').depth).toBe(4);
  });

  it('lists clauses numerically: 8.10 after 8.9 and 10.1 after 9.4', () => {
    expect(compareClauseIds('8.10', '8.9')).toBeGreaterThan(0);
    expect(compareClauseIds('9.4', '10.1')).toBeLessThan(0);
    expect(compareClauseIds('8', '8.1')).toBeLessThan(0);
    expect(compareClauseIds('8.5.1', '8.5.1')).toBe(0);
    expect(sortClauseIds(['10.1', '8.10', '9.4', '8.9', '8', '4.4'])).toEqual(['4.4', '8', '8.9', '8.10', '9.4', '10.1']);
    const listed = ids([...CLAUSES]);
    expect(sortClauseIds(listed)).toEqual(listed);
    expect(listed.indexOf('10.1')).toBeGreaterThan(listed.indexOf('9.4'));
  });

  it('does not mutate the array given to sortClauseIds', () => {
    const input = ['9.1', '4.1'];
    sortClauseIds(input);
    expect(input).toEqual(['9.1', '4.1']);
  });

  it('returns the top-level clauses 4 to 10', () => {
    expect(ids(topLevelClauses())).toEqual(['4', '5', '6', '7', '8', '9', '10']);
  });

  it('finds direct children and ancestors', () => {
    expect(ids(childrenOf('8.5'))).toEqual(['8.5.1', '8.5.2', '8.5.3']);
    expect(ids(childrenOf('8.3.4'))).toEqual(['8.3.4.1', '8.3.4.2']);
    expect(childrenOf('8.1')).toEqual([]);
    expect(ids(ancestorsOf('8.5.1.2'))).toEqual(['8', '8.5', '8.5.1']);
    expect(ancestorsOf('4')).toEqual([]);
    expect(ids(descendantsOf('8.7'))).toEqual(['8.7.1', '8.7.2', '8.7.3', '8.7.3.1', '8.7.3.2', '8.7.3.3']);
  });

  it('throws NotFoundError for unknown clause ids', () => {
    expect(getClause('8.8')).toBeUndefined();
    expect(isClauseId('11')).toBe(false);
    expect(() => requireClause('8.8')).toThrow(NotFoundError);
    expect(() => childrenOf('3')).toThrow(NotFoundError);
    expect(() => ancestorsOf('8.6.4')).toThrow(NotFoundError);
  });

  it('assigns process groups only under clause 8, 8.1 being its own group', () => {
    for (const c of CLAUSES) {
      const parts = c.id.split('.');
      const expected = parts[0] === '8' && parts.length > 1 ? `8.${parts[1]}` : null;
      expect({ id: c.id, group: c.processGroup }).toEqual({ id: c.id, group: expected });
    }
    expect(requireClause('8').processGroup).toBeNull();
    expect(requireClause('8.1').processGroup).toBe('8.1');
    expect(ids(clausesInGroup('8.6'))).toEqual(['8.6', '8.6.1', '8.6.2', '8.6.3']);
    expect(ids(clausesInGroup('8.1'))).toEqual(['8.1']);
  });

  it('marks exactly the clauses without subclauses as assessable', () => {
    for (const c of CLAUSES) expect({ id: c.id, assessable: c.assessable }).toEqual({ id: c.id, assessable: childrenOf(c.id).length === 0 });
    expect(requireClause('5.2').assessable).toBe(false);
    expect(requireClause('8').assessable).toBe(false);
    expect(requireClause('5.2.1').assessable).toBe(true);
    expect(requireClause('8.1').assessable).toBe(true);
  });

  it('gives every clause a short summary in our own words that is not just its title', () => {
    const overlap = seedOverlapFinder(6);
    for (const c of CLAUSES) {
      expect({ id: c.id, shared: overlap(c.summary) }).toEqual({ id: c.id, shared: undefined });
      expect(c.summary.length).toBeLessThanOrEqual(140);
      expect(c.summary.toLowerCase()).not.toBe(c.title.toLowerCase());
    }
  });

  it('exposes frozen clauses so callers cannot alter the catalogue', () => {
    expect(Object.isFrozen(CLAUSES)).toBe(true);
    expect(Object.isFrozen(requireClause('4.1'))).toBe(true);
  });
});

describe('loadFramework', () => {
  it('accepts the shipped catalogue file and a minimal valid tree', () => {
    expect(loadFramework(raw).requirementNodes).toHaveLength(CLAUSES.length);
    expect(loadFramework(aFrameworkFile()).requirementNodes.map((n) => n.refId)).toEqual(['1', '1.1']);
  });

  it('returns nodes in numeric order whatever the file order', () => {
    const file = aFrameworkFile([aRequirementNode('2'), aRequirementNode('1.10'), aRequirementNode('1'), aRequirementNode('1.9')]);
    expect(loadFramework(file).requirementNodes.map((n) => n.refId)).toEqual(['1', '1.9', '1.10', '2']);
  });

  it('rejects a node that breaks the schema', () => {
    expect(() => loadFramework(aFrameworkFile([aRequirementNode('1', { summary: 'x'.repeat(141) })]))).toThrow(ValidationError);
    expect(() => loadFramework(aFrameworkFile([aRequirementNode('1', { processGroup: '9.1' as never })]))).toThrow(ValidationError);
    expect(() => loadFramework({ requirementNodes: [] })).toThrow(ValidationError);
  });

  it('rejects duplicate urns, missing parents, wrong parents and wrong depths', () => {
    const cases = [
      [aRequirementNode('1'), aRequirementNode('1')],
      [aRequirementNode('1.1')],
      [aRequirementNode('1'), aRequirementNode('2'), aRequirementNode('2.1', { parentUrn: 'urn:smsnav:req:test-standard:1' })],
      [aRequirementNode('1', { depth: 2 })],
      [aRequirementNode('1'), aRequirementNode('1.1', { parentUrn: null })],
    ];
    for (const nodes of cases) expect(() => loadFramework(aFrameworkFile(nodes))).toThrow(ValidationError);
  });

  it('names the problem in the error details', () => {
    try {
      loadFramework(aFrameworkFile([aRequirementNode('3.2')]));
      throw new Error('expected a ValidationError');
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect(JSON.stringify((e as ValidationError).details)).toContain('missing parent');
    }
  });
});
