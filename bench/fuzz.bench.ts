/**
 * Fuzz and authorization benchmarks (issue 12), over in-memory fakes (test/fuzz/fuzz-harness.ts):
 * - fuzz.payloads: malformed payloads sent, FUZZ_PER_RESOLVER per resolver of the wiring as each of the four users
 *   (site admin, project admin, member, outsider); bound = at least 50 per resolver and user;
 * - fuzz.unhandled: calls that threw, answered INTERNAL or answered something other than a ResolverResult; bound 0;
 * - fuzz.refused_writes: writes (store, Jira, Confluence, queue) made by calls that were refused; bound 0;
 * - authz.mismatches: cells of resolver × user × editor-role setting whose answer differs from the authorization
 *   table (src/resolvers/authorization.ts); bound 0.
 */
import { RESOLVERS } from '../src/wiring';
import { USER_KINDS, authorizationMatrix, fuzzResolvers } from '../test/fuzz/fuzz-harness';
import type { Emit } from './run';

export const FUZZ_PER_RESOLVER = 60;

export async function run(emit: Emit): Promise<void> {
  const started = Date.now();
  const figures = await fuzzResolvers(FUZZ_PER_RESOLVER);
  const seconds = (Date.now() - started) / 1000;
  emit({
    name: 'fuzz.payloads',
    value: figures.payloads,
    unit: 'payloads',
    bound: RESOLVERS.length * USER_KINDS.length * 50,
    better: 'higher',
    resolvers: RESOLVERS.length,
    users: USER_KINDS.length,
    perResolverAndUser: FUZZ_PER_RESOLVER,
    seconds: Number(seconds.toFixed(1)),
  });
  emit({ name: 'fuzz.unhandled', value: figures.unhandled, unit: 'calls', bound: 0, examples: figures.examples.slice(0, 5) });
  emit({ name: 'fuzz.refused_writes', value: figures.refusedWrites, unit: 'writes', bound: 0 });
  const authz = await authorizationMatrix();
  emit({ name: 'authz.mismatches', value: authz.mismatches.length, unit: 'cells', bound: 0, cells: authz.cells, examples: authz.mismatches.slice(0, 5) });
}
