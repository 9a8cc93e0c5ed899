import { tracked } from '../../static/src/api/settled';

// A first read started before React ran (boot) may already have answered when the view first renders: the view then
// shows it in its first render. The answer is read only once it is in, and never from a failed read.
const mockCall = jest.fn();
jest.mock('../../static/src/api/call-resolver', () => ({ callResolver: (...args: unknown[]) => mockCall(...args) }));

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('answers already in before the first render', () => {
  it('tracked: no value while pending, the value once fulfilled, none after a rejection', async () => {
    let resolve!: (v: string) => void;
    const t = tracked(new Promise<string>((r) => (resolve = r)));
    expect(t.settledValue()).toBeUndefined();
    resolve('context');
    await flush();
    expect(t.settledValue()).toBe('context');
    await expect(t.promise).resolves.toBe('context');
    const failed = tracked(Promise.reject(new Error('no bridge')));
    await flush();
    expect(failed.settledValue()).toBeUndefined();
    await expect(failed.promise).rejects.toThrow('no bridge');
  });

  it('settledPrefetch: the answer for the same key and payload once in, without taking it; takePrefetched still hands it out once', async () => {
    const { prefetchResolver, settledPrefetch, takePrefetched } = await import('../../static/src/api/prefetch');
    let answer!: (v: unknown) => void;
    mockCall.mockReturnValueOnce(new Promise((r) => (answer = r)));
    prefetchResolver('listClauses', {});
    expect(mockCall).toHaveBeenCalledWith('listClauses', {});
    expect(settledPrefetch('listClauses', {})).toBeUndefined();
    const result = { ok: true, data: { clauses: [], kinds: [] } };
    answer(result);
    await flush();
    expect(settledPrefetch('listClauses', {})).toBe(result);
    expect(settledPrefetch('getIssueClauses', {})).toBeUndefined();
    await expect(takePrefetched('listClauses', {})).resolves.toBe(result);
    // Taken: neither a second take nor a peek finds it (a reload reads again).
    expect(takePrefetched('listClauses', {})).toBeUndefined();
    expect(settledPrefetch('listClauses', {})).toBeUndefined();
  });
});
