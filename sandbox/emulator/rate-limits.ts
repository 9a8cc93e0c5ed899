/**
 * The product rate limits Jira and Confluence Cloud enforce on apps since 2 March 2026, emulated so that the
 * sandbox is no more permissive than the products (rule 17). Two of the three independent systems are held
 * here; the third, the per-endpoint burst limit (`jira-burst-based`), is what the fault injector's 429 stands for.
 *
 * 1. Points quota per app and hour (developer.atlassian.com/cloud/jira/platform/rate-limiting): each call costs
 *    points; a write 1 point, a read 1 plus one per object returned. Forge asApp() calls count against the
 *    app, asUser() calls against app + user, so here EVERY call of the app (asApp or asUser) is charged to the
 *    app's hourly pool: never more permissive. Tier 1 (one global pool shared by all of an app's installations)
 *    is 65,000 points an hour (the figure Atlassian gave developers with the change; the docs page does not
 *    print it). The window is the clock hour; over it, 429 with `RateLimit-Reason: jira-quota-global-based`
 *    and Retry-After = seconds to the next hour. Confluence has its own pool of the same size
 *    (`confluence-quota-global-based`, named by analogy: the stored pages do not show Confluence's value).
 * 2. Per-issue write limit (`jira-per-issue-on-write`): the docs name the limit but the stored copies give no
 *    figure; chosen here: at most 20 writes per issue in any 2 s and 100 in any 30 s (sliding windows). A bulk
 *    write counts once for every issue it names.
 * Time comes from an injectable clock, so tests and benchmarks move through windows without waiting.
 */

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface WriteWindow {
  limit: number;
  windowMs: number;
}

export interface RateLimitOptions {
  /** Points per app and clock hour, per product; 0 turns the quota off. Default 65,000. */
  pointsPerHour?: number;
  /** Per-issue write windows; [] turns the limit off. Default 20 per 2 s and 100 per 30 s. */
  perIssueWrites?: WriteWindow[];
  /** Points already spent in the current hour when the options are set (a pool shared with other installs). */
  spentPoints?: { jira?: number; confluence?: number };
}

export const PRODUCT_RATE_LIMITS = {
  pointsPerHour: 65_000,
  perIssueWrites: [
    { limit: 20, windowMs: 2_000 },
    { limit: 100, windowMs: 30_000 },
  ],
} as const;

export type RateLimitReason = 'jira-quota-global-based' | 'confluence-quota-global-based' | 'jira-per-issue-on-write';

export interface RateLimitVerdict {
  reason: RateLimitReason;
  retryAfterSeconds: number;
  headers: Record<string, string>;
}

export interface MeteredCall {
  product: 'jira' | 'confluence';
  method: string;
  path: string;
  body: unknown;
}

export interface RateLimitStats {
  pointsUsed: { jira: number; confluence: number };
  limited: Record<RateLimitReason, number>;
}

const HOUR_MS = 3_600_000;

/** POST endpoints that only read (charged as reads). */
const READ_POSTS = [/\/search\/jql$/, /\/search\/approximate-count$/, /\/permissions\/check$/, /\/changelog\/bulkfetch$/, /\/user\/bulk$/];

export function isRead(method: string, path: string): boolean {
  const m = method.toUpperCase();
  return m === 'GET' || (m === 'POST' && READ_POSTS.some((re) => re.test(path)));
}

/** Objects a read returned: the items of its list, 1 for a single object, 0 for nothing. */
export function objectsReturned(body: unknown): number {
  if (Array.isArray(body)) return body.length;
  if (body === null || typeof body !== 'object') return 0;
  const rec = body as Record<string, unknown>;
  for (const k of ['issues', 'values', 'results', 'users', 'permissions', 'projectPermissions']) {
    const v = rec[k];
    if (Array.isArray(v)) return v.length;
  }
  return 1;
}

/** Issues (as given: id or key) a Jira write modifies. */
export function issuesWritten(method: string, path: string, body: unknown): string[] {
  if (isRead(method, path)) return [];
  const p = path.replace(/^\/rest\/api\/3/, '');
  const single = /^\/issue\/([^/]+)(?:\/properties\/[^/]+)?$/.exec(p);
  if (single && single[1] !== 'bulk' && single[1] !== 'properties' && single[1] !== 'createmeta') {
    return method.toUpperCase() === 'POST' ? [] : [decodeURIComponent(single[1] ?? '')];
  }
  const rec = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  if (p === '/issue/properties' && Array.isArray(rec.entitiesIds)) return rec.entitiesIds.map(String);
  if (p === '/issue/properties/multi' && Array.isArray(rec.issues)) {
    return rec.issues.map((i) => (i !== null && typeof i === 'object' ? String((i as Record<string, unknown>).issueID) : '')).filter((s) => s !== '');
  }
  if (p === '/issueLink') {
    const keyOf = (v: unknown): string[] => {
      if (v === null || typeof v !== 'object') return [];
      const r = v as Record<string, unknown>;
      const k = r.key ?? r.id;
      return typeof k === 'string' ? [k] : [];
    };
    return [...keyOf(rec.inwardIssue), ...keyOf(rec.outwardIssue)];
  }
  return [];
}

export class ProductRateLimiter {
  private opts: Required<Omit<RateLimitOptions, 'spentPoints'>> = { pointsPerHour: PRODUCT_RATE_LIMITS.pointsPerHour, perIssueWrites: [...PRODUCT_RATE_LIMITS.perIssueWrites] };
  private hour = -1;
  private points = { jira: 0, confluence: 0 };
  private readonly writes = new Map<string, number[]>();
  private limited: Record<RateLimitReason, number> = { 'jira-quota-global-based': 0, 'confluence-quota-global-based': 0, 'jira-per-issue-on-write': 0 };

  constructor(
    private readonly clock: Clock = systemClock,
    /** Maps an issue key or id to one identity (so a key and an id share a counter). */
    private readonly issueId: (idOrKey: string) => string = (s) => s,
    opts: RateLimitOptions = {},
  ) {
    this.set(opts);
  }

  /** Replaces the limits (defaults: the products' figures) and clears the counters. */
  set(opts: RateLimitOptions): void {
    this.opts = {
      pointsPerHour: opts.pointsPerHour ?? PRODUCT_RATE_LIMITS.pointsPerHour,
      perIssueWrites: opts.perIssueWrites ?? [...PRODUCT_RATE_LIMITS.perIssueWrites],
    };
    this.writes.clear();
    this.hour = Math.floor(this.clock.now() / HOUR_MS);
    this.points = { jira: opts.spentPoints?.jira ?? 0, confluence: opts.spentPoints?.confluence ?? 0 };
    this.limited = { 'jira-quota-global-based': 0, 'confluence-quota-global-based': 0, 'jira-per-issue-on-write': 0 };
  }

  get options(): RateLimitOptions {
    return { pointsPerHour: this.opts.pointsPerHour, perIssueWrites: this.opts.perIssueWrites.map((w) => ({ ...w })) };
  }

  stats(): RateLimitStats {
    this.roll();
    return { pointsUsed: { ...this.points }, limited: { ...this.limited } };
  }

  private roll(): void {
    const hour = Math.floor(this.clock.now() / HOUR_MS);
    if (hour !== this.hour) {
      this.hour = hour;
      this.points = { jira: 0, confluence: 0 };
    }
  }

  /** Says whether the call may run now; a refusal carries the 429's headers. Writes are recorded here. */
  admit(call: MeteredCall): RateLimitVerdict | null {
    this.roll();
    const now = this.clock.now();
    const quota = this.opts.pointsPerHour;
    if (quota > 0 && this.points[call.product] >= quota) {
      const resetAt = (this.hour + 1) * HOUR_MS;
      const reason: RateLimitReason = call.product === 'jira' ? 'jira-quota-global-based' : 'confluence-quota-global-based';
      return this.refuse(reason, resetAt - now, {
        'ratelimit-policy': `"global-app-quota";q=${quota};w=3600`,
        ratelimit: `"global-app-quota";r=0;t=${Math.ceil((resetAt - now) / 1000)}`,
        'x-ratelimit-reset': new Date(resetAt).toISOString(),
      });
    }
    if (call.product === 'jira' && this.opts.perIssueWrites.length > 0) {
      const issues = [...new Set(issuesWritten(call.method, call.path, call.body).map((i) => this.issueId(i)))];
      const longest = Math.max(...this.opts.perIssueWrites.map((w) => w.windowMs));
      let waitMs = 0;
      for (const issue of issues) {
        const times = (this.writes.get(issue) ?? []).filter((t) => t > now - longest);
        this.writes.set(issue, times);
        for (const w of this.opts.perIssueWrites) {
          const inWindow = times.filter((t) => t > now - w.windowMs);
          if (inWindow.length >= w.limit) {
            // Free again when the oldest write that keeps the window full leaves it.
            const oldest = inWindow[inWindow.length - w.limit] ?? now;
            waitMs = Math.max(waitMs, oldest + w.windowMs - now);
          }
        }
      }
      if (waitMs > 0) return this.refuse('jira-per-issue-on-write', waitMs, {});
      for (const issue of issues) this.writes.get(issue)?.push(now);
    }
    return null;
  }

  /** Charges the points of a call that ran (a read: 1 + objects returned; anything else: 1). */
  charge(call: MeteredCall, status: number, responseBody: unknown): number {
    this.roll();
    const cost = status >= 200 && status < 300 && isRead(call.method, call.path) ? 1 + objectsReturned(responseBody) : 1;
    this.points[call.product] += cost;
    return cost;
  }

  private refuse(reason: RateLimitReason, waitMs: number, extra: Record<string, string>): RateLimitVerdict {
    this.limited[reason] += 1;
    const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
    return { reason, retryAfterSeconds, headers: { 'retry-after': String(retryAfterSeconds), 'ratelimit-reason': reason, ...extra } };
  }
}
