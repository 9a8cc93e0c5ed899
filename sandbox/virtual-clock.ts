import type { InvocationClock } from '../src/platform/product-api';
import type { Clock } from './emulator/rate-limits';

/**
 * A clock that runs with real time but skips every wait: `sleep(ms)` moves it ahead by `ms` at once. Shared by
 * the emulator's rate-limit windows and the app's retries, it lets tests and benchmarks live through an hourly
 * quota reset or a per-issue write window without waiting for it, while real work (latency, CPU) still counts.
 */
export class VirtualClock implements Clock, InvocationClock {
  private skipped = 0;
  private deadline: number | undefined;
  private readonly realStart = Date.now();

  constructor(private readonly start: number = Date.now()) {}

  now(): number {
    return this.start + (Date.now() - this.realStart) + this.skipped;
  }

  /** Milliseconds skipped by sleeps so far. */
  get skippedMs(): number {
    return this.skipped;
  }

  async sleep(ms: number): Promise<void> {
    this.skipped += Math.max(0, ms);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  /** Starts an invocation that may run `budgetMs` (25 s for a resolver, 900 s for a consumer) from now. */
  beginInvocation(budgetMs: number): void {
    this.deadline = this.now() + budgetMs;
  }

  /** Time left in the current invocation; undefined before the first one. */
  remainingMs(): number | undefined {
    return this.deadline === undefined ? undefined : this.deadline - this.now();
  }
}
