import { Prng } from '../seed/prng';

export type FaultKind = '429' | '500' | 'reset';

/**
 * Fault and latency injection for product calls (the REST emulation, not the HTML view or /__sandbox).
 * - latencyMs: fixed delay before every product call is handled.
 * - rate (0..1) with seed: each call fails with that probability (seeded PRNG, so runs repeat).
 * - schedule: 1-based indexes of product calls (counted since the faults were last set) that fail.
 * - kinds: which failures to draw from (default all three); a failing call takes kinds[n % kinds.length]
 *   where n counts injected faults.
 * - stale409Rate (0..1): page updates (PUT /wiki/api/v2/pages/{id}) answer 409 as if someone saved first.
 * - retryAfterSeconds: the Retry-After of injected 429s (default 1).
 * Faults fire before the request is applied, so a failed call changed nothing.
 */
export interface FaultOptions {
  latencyMs?: number;
  rate?: number;
  kinds?: FaultKind[];
  seed?: number;
  schedule?: number[];
  stale409Rate?: number;
  retryAfterSeconds?: number;
}

export function faultOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): FaultOptions {
  const out: FaultOptions = {};
  const num = (v: string | undefined): number | undefined => (v !== undefined && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);
  const latency = num(env.SANDBOX_LATENCY_MS);
  const rate = num(env.SANDBOX_FAULT_RATE);
  const seed = num(env.SANDBOX_FAULT_SEED);
  if (latency !== undefined) out.latencyMs = latency;
  if (rate !== undefined) out.rate = rate;
  if (seed !== undefined) out.seed = seed;
  return out;
}

export class FaultInjector {
  private opts: FaultOptions = {};
  private prng = new Prng(1);
  private calls = 0;
  private injected = 0;

  constructor(opts: FaultOptions = {}) {
    this.set(opts);
  }

  set(opts: FaultOptions): void {
    this.opts = { ...opts };
    this.prng = new Prng(opts.seed ?? 1);
    this.calls = 0;
    this.injected = 0;
  }

  get options(): FaultOptions {
    return { ...this.opts };
  }

  get latencyMs(): number {
    return Math.max(0, this.opts.latencyMs ?? 0);
  }

  get retryAfterSeconds(): number {
    return this.opts.retryAfterSeconds ?? 1;
  }

  /** Counts one product call and says whether (and how) it fails. */
  next(): FaultKind | null {
    this.calls += 1;
    const scheduled = this.opts.schedule?.includes(this.calls) ?? false;
    const drawn = (this.opts.rate ?? 0) > 0 && this.prng.next() < (this.opts.rate ?? 0);
    if (!scheduled && !drawn) return null;
    const kinds = this.opts.kinds && this.opts.kinds.length > 0 ? this.opts.kinds : (['429', '500', 'reset'] as FaultKind[]);
    const kind = kinds[this.injected % kinds.length] as FaultKind;
    this.injected += 1;
    return kind;
  }

  /** For page updates: should this one fail with a stale-version 409? */
  staleVersion(): boolean {
    const rate = this.opts.stale409Rate ?? 0;
    return rate > 0 && this.prng.next() < rate;
  }

  get injectedCount(): number {
    return this.injected;
  }
}
