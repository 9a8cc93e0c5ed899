import { runJobCrashes } from './support/crash-harness';

jest.setTimeout(900_000);

/**
 * The reduced crash test (npm run bench runs 20 per job type): for each job type, runs that SIGKILL the sandbox
 * server at a random moment of the job and restart it. Every job completes on redelivery or is resumable, the
 * state equals the fault-free run's, nothing is created twice, and undo restores the exact before-state.
 */
describe('jobs under SIGKILL of the sandbox server', () => {
  it('finish or resume, leave the fault-free state, and duplicate nothing', async () => {
    const summary = await runJobCrashes(2, 7);
    const failures = summary.results.filter((r) => r.stuck || r.duplicates > 0 || r.mismatches > 0);
    expect(failures).toEqual([]);
    expect(summary.runs).toBe(8);
    expect(summary.restarts).toBeGreaterThanOrEqual(8);
  });
});
