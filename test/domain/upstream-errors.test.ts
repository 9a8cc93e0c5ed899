import { z } from 'zod';
import {
  ConfigMissingError,
  ContractMismatchError,
  RateLimitedError,
  UpstreamError,
  ValidationError,
  isTransientError,
  upstreamKindOfStatus,
  issueDetails,
  parseValid,
  statusError,
} from '../../src/domain/errors';
import { isRetryableStatus } from '../../src/platform/retry';

describe('the one classification of upstream failures', () => {
  it('calls the network, 429 and 500/502/503/504 transient, every other status permanent', () => {
    for (const s of [0, 429, 500, 502, 503, 504]) expect(upstreamKindOfStatus(s)).toBe('transient');
    for (const s of [400, 401, 403, 404, 409, 410, 422, 501, 505]) expect(upstreamKindOfStatus(s)).toBe('permanent');
  });

  it('is what the HTTP retry retries (an answer, so never status 0)', () => {
    for (const s of [429, 500, 502, 503, 504]) expect(isRetryableStatus(s)).toBe(true);
    for (const s of [0, 200, 400, 404, 501]) expect(isRetryableStatus(s)).toBe(false);
  });

  it('classifies an UpstreamError by its status, and tells the UI in details.upstream', () => {
    const fiveHundred = new UpstreamError('Jira answered 503', { status: 503 });
    expect(fiveHundred.kind).toBe('transient');
    expect(fiveHundred.toShape().details).toMatchObject({ upstream: 'transient', status: 503 });
    expect(new UpstreamError('Jira answered 418', { status: 418 }).kind).toBe('permanent');
    expect(new UpstreamError('network error').kind).toBe('transient');
    expect(new ContractMismatchError('Jira sent an unexpected answer', { status: 200 }).toShape()).toMatchObject({
      code: 'UPSTREAM_ERROR',
      details: { upstream: 'contract' },
    });
  });

  it('retries only what may succeed later: transient upstream failures, rate limits and unexpected exceptions', () => {
    expect(isTransientError(new UpstreamError('x', { status: 502 }))).toBe(true);
    expect(isTransientError(new RateLimitedError('x'))).toBe(true);
    expect(isTransientError(new Error('crash'))).toBe(true);
    expect(isTransientError(new UpstreamError('x', { status: 400 }))).toBe(false);
    expect(isTransientError(new ContractMismatchError('x', { status: 200 }))).toBe(false);
    expect(isTransientError(new ValidationError('x'))).toBe(false);
    expect(isTransientError(new ConfigMissingError('x'))).toBe(false);
  });
});

describe('parseValid and issueDetails', () => {
  const schema = z.object({ name: z.string().min(1), size: z.number().int() });

  it('gives the parsed value when it holds', () => {
    expect(parseValid(schema, { name: 'a', size: 1 }, 'not valid')).toEqual({ name: 'a', size: 1 });
  });

  it('refuses with VALIDATION_FAILED, the message, the caller details and the first issues by dotted path', () => {
    const bad = { name: '', size: 1.5 };
    expect(() => parseValid(schema, bad, 'The thing is not valid.', { details: { id: 'x' }, maxIssues: 1 })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', message: 'The thing is not valid.', details: { id: 'x', issues: [{ path: 'name', message: expect.any(String) }] } }),
    );
    const parsed = z.object({ a: z.object({ b: z.string() }) }).safeParse({ a: { b: 1 } });
    expect(parsed.success ? [] : issueDetails(parsed.error).map((i) => i.path)).toEqual(['a.b']);
  });
});

describe('statusError', () => {
  const texts = { 400: 'rejected', 403: 'denied', 404: 'missing', 409: 'conflict', other: 'answered' };

  it('maps a refusal to the error a user meets, 401 like 403', () => {
    expect([400, 401, 403, 404, 409].map((s) => statusError(s, { status: s }, texts).code)).toEqual(['VALIDATION_FAILED', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT']);
    expect(statusError(401, {}, texts).message).toBe('denied');
  });

  it('says LIMIT_EXCEEDED for 413 only when the product has a text for it; any other status is upstream, classified by the status', () => {
    expect(statusError(413, { status: 413 }, { ...texts, 413: 'too large' }).code).toBe('LIMIT_EXCEEDED');
    const upstream = statusError(413, { status: 413 }, texts);
    expect(upstream).toBeInstanceOf(UpstreamError);
    expect((statusError(503, { status: 503 }, texts) as UpstreamError).kind).toBe('transient');
    expect((upstream as UpstreamError).kind).toBe('permanent');
  });
});
