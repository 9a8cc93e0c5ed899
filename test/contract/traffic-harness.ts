import path from 'node:path';
import { startHarness, type Harness } from '../sandbox/emulator-harness';

/**
 * An emulator that logs every product call to a traffic file (for validating the calls against the OpenAPI
 * specs), started before the suite's tests and closed after them. Call at the top level of a test file.
 */
export function useTrafficHarness(): { harness: () => Harness; trafficFile: () => string } {
  let h: Harness | undefined;
  let file = '';
  beforeAll(async () => {
    const first = await startHarness();
    file = path.join(first.dir, 'traffic.jsonl');
    await first.close({ keepDir: true });
    h = await startHarness({ dataDir: first.dir, trafficLogFile: file });
  });
  afterAll(async () => {
    await h?.close();
  });
  return {
    harness: () => {
      if (h === undefined) throw new Error('The traffic harness is not started yet.');
      return h;
    },
    trafficFile: () => file,
  };
}
