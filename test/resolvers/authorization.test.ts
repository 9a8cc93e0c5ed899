import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AUTHORIZATION, authorizationOf, renderAuthorizationTable } from '../../src/resolvers/authorization';
import { defineResolver, defineUserResolver } from '../../src/resolvers/define-resolver';
import { RESOLVERS } from '../../src/wiring';
import { z } from 'zod';
import { authorizationMatrix } from '../fuzz/fuzz-harness';

const README = path.join(__dirname, '..', '..', 'README.md');
const BEGIN = '<!-- authorization-table:begin (generated from src/resolvers/authorization.ts; test/resolvers/authorization.test.ts checks it) -->';
const END = '<!-- authorization-table:end -->';

describe('the authorization table', () => {
  it('has a row for every resolver of the wiring and none for a resolver that does not exist', () => {
    const keys = RESOLVERS.map((r) => r.key).sort();
    expect(Object.keys(AUTHORIZATION).sort()).toEqual(keys);
    expect(() => authorizationOf('deleteEverything')).toThrow('no row in the authorization table');
    expect(() => defineResolver({ key: 'deleteEverything', payload: z.object({}), handler: async () => null })).toThrow('no row');
    const never = async (): Promise<never> => {
      throw new Error('not run');
    };
    expect(() => defineResolver({ key: 'getScope', access: 'write', payload: z.object({}), handler: never })).toThrow('authorization table');
    // A project-less row (signed-in) is only declared through defineUserResolver, and that only for such rows.
    expect(() => defineResolver({ key: 'listMacroProjects', payload: z.object({ query: z.string().optional() }), handler: never })).toThrow('defineUserResolver');
    expect(() => defineUserResolver({ key: 'getScope', payload: z.object({}), handler: never })).toThrow('signed-in');
  });

  it('is what the README shows', () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(BEGIN);
    const end = readme.indexOf(END);
    expect(start).toBeGreaterThan(-1);
    expect(readme.slice(start + BEGIN.length, end).trim()).toBe(renderAuthorizationTable(RESOLVERS));
  });

  it('every resolver × site admin / project admin / member / outsider × editor role (unset, set, set with mapping opened) gets what the table says', async () => {
    const { cells, mismatches } = await authorizationMatrix();
    expect(cells).toBe(RESOLVERS.length * 4 * 3);
    expect(mismatches).toEqual([]);
  });
});
