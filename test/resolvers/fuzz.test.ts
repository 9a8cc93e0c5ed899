import { RESOLVERS } from '../../src/wiring';
import { fuzzResolvers } from '../fuzz/fuzz-harness';

// The reduced fuzz run of npm test (bench/fuzz.bench.ts runs 50+ payloads per resolver and user).
describe('malformed payloads (reduced fuzz run)', () => {
  it('every resolver answers a typed refusal, never an unhandled failure, and a refused call writes nothing', async () => {
    const figures = await fuzzResolvers(3);
    expect(figures.payloads).toBe(RESOLVERS.length * 4 * 3);
    expect(figures.examples).toEqual([]);
    expect(figures.unhandled).toBe(0);
    expect(figures.refusedWrites).toBe(0);
  });
});
