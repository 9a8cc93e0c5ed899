import { RateLimitedError } from '../../src/domain/errors';
import { JiraClient } from '../../src/jira/jira-client';
import type { ProductCallInfo } from '../../src/platform/retry';
import { createHttpProductApi } from '../../sandbox/http-product-api';
import { issuesWritten, objectsReturned, ProductRateLimiter, PRODUCT_RATE_LIMITS, type MeteredCall } from '../../sandbox/emulator/rate-limits';
import { VirtualClock } from '../../sandbox/virtual-clock';
import { startHarness, type Harness } from './emulator-harness';

// Product rate limits as Jira enforces them since March 2026: an hourly points quota per app and a per-issue
// write limit, each answered 429 with Retry-After and RateLimit-Reason. Time is a virtual clock: no test waits.

const HOUR = 3_600_000;
const read = (path: string): MeteredCall => ({ product: 'jira', method: 'GET', path, body: null });
const write = (path: string, body: unknown = {}): MeteredCall => ({ product: 'jira', method: 'PUT', path, body });

describe('ProductRateLimiter', () => {
  it('holds the products figures by default: 65,000 points an hour, 20 writes per issue in 2 s and 100 in 30 s', () => {
    expect(new ProductRateLimiter().options).toEqual({ pointsPerHour: 65_000, perIssueWrites: [...PRODUCT_RATE_LIMITS.perIssueWrites] });
  });

  it('charges a write 1 point and a read 1 plus the objects it returned', () => {
    const limiter = new ProductRateLimiter(new VirtualClock(Date.UTC(2026, 10, 20, 12)));
    expect(limiter.charge(write('/rest/api/3/issue/SMS-1'), 204, undefined)).toBe(1);
    expect(limiter.charge({ product: 'jira', method: 'POST', path: '/rest/api/3/search/jql', body: {} }, 200, { issues: new Array(100).fill({}) })).toBe(101);
    expect(limiter.charge(read('/rest/api/3/issue/SMS-1'), 200, { id: '1' })).toBe(2);
    expect(limiter.charge(read('/rest/api/3/issue/SMS-404'), 404, { errorMessages: ['no'] })).toBe(1);
    expect(limiter.stats().pointsUsed.jira).toBe(105);
    expect(objectsReturned([1, 2, 3])).toBe(3);
    expect(objectsReturned({ results: [] })).toBe(0);
  });

  it('refuses calls once the hour is spent, with Retry-After to the next hour, and lets them through after it', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 10, 20, 12, 50)); // ten minutes before the hour
    const limiter = new ProductRateLimiter(clock, (s) => s, { pointsPerHour: 100, spentPoints: { jira: 99 } });
    expect(limiter.admit(read('/rest/api/3/myself'))).toBeNull();
    limiter.charge(read('/rest/api/3/myself'), 200, { accountId: 'x' }); // 2 points: 101 of 100
    const refused = limiter.admit(read('/rest/api/3/myself'));
    expect(refused?.reason).toBe('jira-quota-global-based');
    expect(refused?.headers['ratelimit-reason']).toBe('jira-quota-global-based');
    expect(refused?.retryAfterSeconds).toBeGreaterThan(590);
    expect(refused?.retryAfterSeconds).toBeLessThanOrEqual(600);
    // Confluence has its own pool.
    expect(limiter.admit({ product: 'confluence', method: 'GET', path: '/wiki/api/v2/pages', body: null })).toBeNull();
    await clock.sleep((refused?.retryAfterSeconds ?? 0) * 1000);
    expect(limiter.admit(read('/rest/api/3/myself'))).toBeNull();
    expect(limiter.stats()).toMatchObject({ pointsUsed: { jira: 0 }, limited: { 'jira-quota-global-based': 1 } });
  });

  it('allows 20 writes to one issue in 2 s, refuses the 21st with jira-per-issue-on-write, and counts a key and its id as one issue', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 10, 20, 12));
    const ids: Record<string, string> = { 'SMS-1': '10001' };
    const limiter = new ProductRateLimiter(clock, (s) => ids[s] ?? s);
    for (let i = 0; i < 20; i += 1) expect(limiter.admit(write(i % 2 === 0 ? '/rest/api/3/issue/SMS-1' : '/rest/api/3/issue/10001/properties/p'))).toBeNull();
    const refused = limiter.admit(write('/rest/api/3/issue/SMS-1'));
    expect(refused).toMatchObject({ reason: 'jira-per-issue-on-write', headers: { 'ratelimit-reason': 'jira-per-issue-on-write' } });
    expect(refused?.retryAfterSeconds).toBeLessThanOrEqual(2);
    expect(limiter.admit(write('/rest/api/3/issue/SMS-2'))).toBeNull(); // another issue is not limited
    expect(limiter.admit(read('/rest/api/3/issue/SMS-1'))).toBeNull(); // reads are not writes
    await clock.sleep(2_000);
    expect(limiter.admit(write('/rest/api/3/issue/SMS-1'))).toBeNull();
  });

  it('also holds the 100 writes per 30 s window', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 10, 20, 12));
    const limiter = new ProductRateLimiter(clock);
    let refusedAt = -1;
    for (let i = 0; i < 120 && refusedAt < 0; i += 1) {
      const v = limiter.admit(write('/rest/api/3/issue/SMS-7'));
      if (v === null) await clock.sleep(150); // 20 in 3 s: never the 2 s window
      else refusedAt = i;
    }
    expect(refusedAt).toBe(100);
  });

  it('counts a bulk write once for every issue it names', () => {
    expect(issuesWritten('POST', '/rest/api/3/issue/properties', { entitiesIds: [1, 2, 3], properties: {} })).toEqual(['1', '2', '3']);
    expect(issuesWritten('POST', '/rest/api/3/issue/properties/multi', { issues: [{ issueID: 7, properties: {} }] })).toEqual(['7']);
    expect(issuesWritten('POST', '/rest/api/3/issue', {})).toEqual([]);
    expect(issuesWritten('POST', '/rest/api/3/search/jql', {})).toEqual([]);
  });
});

describe('the emulator answers 429 with Retry-After and RateLimit-Reason, and the app waits it out', () => {
  let h: Harness;
  let clock: VirtualClock;

  beforeAll(async () => {
    clock = new VirtualClock(Date.UTC(2026, 10, 20, 12, 0));
    h = await startHarness({ rateLimitClock: clock });
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers the 21st write to one issue within 2 s with 429, Retry-After and RateLimit-Reason', async () => {
    h.emulator.setRateLimits({});
    const statuses: number[] = [];
    let last: { headers: Record<string, string>; body: string } | undefined;
    for (let i = 0; i < 21; i += 1) {
      const r = await h.call('PUT', '/rest/api/3/issue/SMS-3/properties/rate-test', { n: i }, 'app');
      statuses.push(r.statusCode);
      last = r;
    }
    expect(statuses.slice(0, 20).every((s) => s === 200 || s === 201)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect(last?.headers['ratelimit-reason']).toBe('jira-per-issue-on-write');
    expect(Number(last?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('JiraClient honours Retry-After on the shared virtual clock: 40 writes to one issue all land', async () => {
    h.emulator.setRateLimits({});
    const seen: ProductCallInfo[] = [];
    const jira = new JiraClient(createHttpProductApi(h.url, () => undefined, fetch, clock), { onRequest: (i) => seen.push(i) });
    clock.beginInvocation(900_000);
    const skippedBefore = clock.skippedMs;
    for (let i = 0; i < 40; i += 1) await jira.setIssueProperty('SMS-4', 'rate-test', { n: i }, { as: 'app' });
    const retried = seen.filter((c) => c.attempt > 1).length;
    expect(retried).toBeGreaterThan(0);
    expect(h.emulator.stats().rateLimits.limited['jira-per-issue-on-write']).toBe(retried);
    expect(clock.skippedMs - skippedBefore).toBeGreaterThanOrEqual(1_000 * retried);
    expect(await jira.getIssueProperty('SMS-4', 'rate-test', { as: 'app' })).toEqual({ n: 39 });
  });

  it('a queue consumer waits for the hourly quota to reset; a resolver (25 s) gets RATE_LIMITED with the wait and the reason', async () => {
    const jira = new JiraClient(createHttpProductApi(h.url, () => undefined, fetch, clock));
    // The hour is spent (other installations share the pool). Resolver: 25 s left, the reset is further away.
    const hourStart = Math.floor(clock.now() / HOUR) * HOUR;
    await clock.sleep(hourStart + HOUR - 120_000 - clock.now()); // two minutes before the hour
    h.emulator.setRateLimits({ spentPoints: { jira: 65_000 } });
    clock.beginInvocation(25_000);
    const err = await jira.getProject('SMS', { as: 'app' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).details).toMatchObject({ status: 429, reason: 'jira-quota-global-based' });
    expect(Number((err as RateLimitedError).details?.retryAfterMs)).toBeGreaterThan(100_000);
    // Consumer: 900 s to run, so it waits out the two minutes and the call lands in the next hour.
    clock.beginInvocation(900_000);
    await expect(jira.getProject('SMS', { as: 'app' })).resolves.toMatchObject({ key: 'SMS' });
    expect(h.emulator.stats().rateLimits.limited['jira-quota-global-based']).toBe(2);
  });
});
