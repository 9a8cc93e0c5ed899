import { route } from '@forge/api';
import { RateLimitedError, UpstreamError, ValidationError } from '../../src/domain/errors';
import { JiraClient } from '../../src/jira/jira-client';
import type { InvocationClock, ProductRequester, ProductResponse } from '../../src/platform/product-api';
import {
  backoffDelay,
  isNetworkError,
  parseRetryAfter,
  RETRY_SAFETY_MARGIN_MS,
  retryingRequester,
  type ProductCallInfo,
} from '../../src/platform/retry';
import { FakeProductApi, fetchFailed, recordingSleep, response, type FakeReply } from './fake-product-api';

const project = { id: '10000', key: 'SMS', name: 'SMS' };

describe('parseRetryAfter', () => {
  it('reads delta-seconds as milliseconds', () => {
    expect(parseRetryAfter('3', 0)).toBe(3000);
    expect(parseRetryAfter('1.5', 0)).toBe(1500);
  });

  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', now)).toBe(0);
  });

  it('ignores an absent or unreadable header', () => {
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('doubles per retry, stays within [half, full] of the step and under the cap', () => {
    expect(backoffDelay(1, () => 0, 500, 10_000)).toBe(250);
    expect(backoffDelay(1, () => 0.999999, 500, 10_000)).toBe(500);
    expect(backoffDelay(3, () => 0.999999, 500, 10_000)).toBe(2000);
    expect(backoffDelay(10, () => 0.999999, 500, 10_000)).toBe(10_000);
  });
});

describe('isNetworkError', () => {
  it('recognises transport failures but not programming errors', () => {
    expect(isNetworkError(fetchFailed())).toBe(true);
    expect(isNetworkError(Object.assign(new Error('socket closed'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isNetworkError(new TypeError('x.map is not a function'))).toBe(false);
  });
});

describe('retry through JiraClient', () => {
  it('waits at least the Retry-After seconds before retrying a 429', async () => {
    const api = new FakeProductApi([
      { status: 429, headers: { 'Retry-After': '3' } },
      { status: 429, headers: { 'Retry-After': '1' } },
      { status: 200, body: project },
    ]);
    const { sleep, waits } = recordingSleep();
    const client = new JiraClient(api, { sleep, random: () => 0.75 });
    await expect(client.getProject('SMS')).resolves.toMatchObject({ key: 'SMS' });
    expect(api.requests).toHaveLength(3);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(3000);
    expect(waits[1]).toBeGreaterThanOrEqual(1000);
  });

  it('honours a Retry-After HTTP date using the injected clock', async () => {
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    const api = new FakeProductApi([
      { status: 503, headers: { 'retry-after': 'Wed, 21 Oct 2026 07:28:05 GMT' } },
      { status: 200, body: project },
    ]);
    const { sleep, waits } = recordingSleep();
    await new JiraClient(api, { sleep, random: () => 0, now: () => now }).getProject('SMS');
    expect(waits).toEqual([5000]);
  });

  it('backs off exponentially without Retry-After', async () => {
    const api = new FakeProductApi([{ status: 502 }, { status: 500 }, { status: 504 }, { status: 200, body: project }]);
    const { sleep, waits } = recordingSleep();
    await new JiraClient(api, { sleep, random: () => 0.999999, baseDelayMs: 100 }).getProject('SMS');
    expect(waits).toEqual([100, 200, 400]);
  });

  it('gives up after maxAttempts with RateLimitedError on 429', async () => {
    const api = new FakeProductApi([], () => ({ status: 429, headers: { 'Retry-After': '1' }, body: { errorMessages: ['slow down'] } }));
    const { sleep, waits } = recordingSleep();
    const err = await new JiraClient(api, { sleep, random: () => 0 }).getProject('SMS').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(api.requests).toHaveLength(6);
    expect(waits).toHaveLength(5);
    expect((err as RateLimitedError).details).toMatchObject({ status: 429, attempts: 6, messages: ['slow down'] });
  });

  it('gives up with UpstreamError on a lasting 5xx, respecting a custom maxAttempts', async () => {
    const api = new FakeProductApi([], () => ({ status: 503 }));
    const { sleep } = recordingSleep();
    const err = await new JiraClient(api, { sleep, maxAttempts: 3 }).getProject('SMS').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).details).toMatchObject({ status: 503, attempts: 3 });
    expect(api.requests).toHaveLength(3);
  });

  it('fails at once when Retry-After is longer than the caller can wait', async () => {
    const api = new FakeProductApi([], () => ({ status: 429, headers: { 'Retry-After': '120' } }));
    const { sleep, waits } = recordingSleep();
    const err = await new JiraClient(api, { sleep }).getProject('SMS').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).details).toMatchObject({ retryAfterMs: 120_000 });
    expect(api.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('never retries a 400', async () => {
    const api = new FakeProductApi([{ status: 400, body: { errorMessages: ['bad'], errors: { summary: 'required' } } }]);
    const { sleep, waits } = recordingSleep();
    const err = await new JiraClient(api, { sleep }).getProject('SMS').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(api.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('retries network failures and then succeeds', async () => {
    const api = new FakeProductApi([fetchFailed(), fetchFailed('ETIMEDOUT'), { status: 200, body: project }]);
    const { sleep, waits } = recordingSleep();
    await expect(new JiraClient(api, { sleep }).getProject('SMS')).resolves.toMatchObject({ id: '10000' });
    expect(waits).toHaveLength(2);
  });

  it('turns a lasting network failure into UpstreamError', async () => {
    let calls = 0;
    const requester = retryingRequester(
      { requestJira: () => { calls += 1; return Promise.reject(fetchFailed()); }, requestConfluence: () => Promise.reject(fetchFailed()) },
      { sleep: recordingSleep().sleep, maxAttempts: 4 },
    );
    await expect(requester.requestJira(route`/rest/api/3/myself`)).rejects.toBeInstanceOf(UpstreamError);
    expect(calls).toBe(4);
  });

  it('does not retry a programming error thrown by the transport', async () => {
    const bug = new TypeError('cannot read properties of undefined');
    const api = new FakeProductApi([bug, { status: 200, body: project }]);
    await expect(new JiraClient(api, { sleep: recordingSleep().sleep }).getProject('SMS')).rejects.toBe(bug);
    expect(api.requests).toHaveLength(1);
  });

  it('reports every attempt to onRequest', async () => {
    const seen: ProductCallInfo[] = [];
    const api = new FakeProductApi([{ status: 429 }, { status: 200, body: project }]);
    await new JiraClient(api, { sleep: recordingSleep().sleep, onRequest: (i) => seen.push(i) }).getProject('SMS');
    expect(seen).toEqual([
      { product: 'jira', method: 'GET', path: '/rest/api/3/project/SMS', attempt: 1 },
      { product: 'jira', method: 'GET', path: '/rest/api/3/project/SMS', attempt: 2 },
    ]);
  });
});

describe('Retry-After and the invocation\'s remaining time (the transport\'s clock)', () => {
  const path = route`/rest/api/3/project/SMS`;
  function requesterWith(replies: FakeReply[], remainingMs: number): { requester: ProductRequester; waits: number[]; calls: () => number } {
    const waits: number[] = [];
    let calls = 0;
    let skipped = 0;
    const send = async (): Promise<ProductResponse> => {
      calls += 1;
      return response(replies[Math.min(calls, replies.length) - 1] as FakeReply);
    };
    const clock: InvocationClock = {
      sleep: async (ms) => {
        waits.push(ms);
        skipped += ms;
      },
      now: () => 1_000_000 + skipped,
      remainingMs: () => remainingMs - skipped,
    };
    return { requester: { requestJira: send, requestConfluence: send, clock }, waits, calls: () => calls };
  }

  it('a queue consumer (900 s left) waits out a two-minute Retry-After for the hourly quota and lands', async () => {
    const { requester, waits, calls } = requesterWith(
      [{ status: 429, headers: { 'Retry-After': '120', 'RateLimit-Reason': 'jira-quota-global-based' } }, { status: 200, body: project }],
      900_000,
    );
    const res = await retryingRequester(requester, { random: () => 0 }).requestJira(path);
    expect(res.status).toBe(200);
    expect(calls()).toBe(2);
    expect(waits).toEqual([120_000]);
  });

  it('a resolver (25 s left) fails at once with RATE_LIMITED carrying the wait and the RateLimit-Reason', async () => {
    const { requester, waits, calls } = requesterWith([{ status: 429, headers: { 'Retry-After': '21', 'RateLimit-Reason': 'jira-per-issue-on-write' } }], 25_000);
    const err = await retryingRequester(requester).requestJira(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).details).toMatchObject({ retryAfterMs: 21_000, reason: 'jira-per-issue-on-write', attempts: 1 });
    expect(calls()).toBe(1);
    expect(waits).toEqual([]);
  });

  it('keeps a safety margin: a wait that leaves less than it is not taken; an explicit cap still applies', async () => {
    const margin = RETRY_SAFETY_MARGIN_MS;
    const fits = requesterWith([{ status: 429, headers: { 'Retry-After': '10' } }, { status: 200, body: project }], 10_000 + margin);
    await expect(retryingRequester(fits.requester, { random: () => 0 }).requestJira(path)).resolves.toMatchObject({ status: 200 });
    const tight = requesterWith([{ status: 429, headers: { 'Retry-After': '10' } }], 10_000 + margin - 1);
    await expect(retryingRequester(tight.requester).requestJira(path)).rejects.toBeInstanceOf(RateLimitedError);
    const capped = requesterWith([{ status: 429, headers: { 'Retry-After': '10' } }], 900_000);
    await expect(retryingRequester(capped.requester, { maxRetryAfterMs: 2_000 }).requestJira(path)).rejects.toBeInstanceOf(RateLimitedError);
  });
});
