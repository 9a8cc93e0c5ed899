import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readTrafficLog } from '../../sandbox/emulator';
import { faultOptionsFromEnv } from '../../sandbox/emulator/faults';
import { startHarness, type Harness } from './emulator-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe('emulator fault injection', () => {
  it('fails the scheduled calls with 429 + Retry-After and 500, before applying them', async () => {
    h.emulator.setFaults({ schedule: [1, 2], kinds: ['429', '500'], retryAfterSeconds: 3 });
    const create = { fields: { project: { key: 'SMS' }, issuetype: { name: 'Task' }, summary: 'Only once' } };
    const first = await h.call('POST', '/rest/api/3/issue', create);
    expect(first.statusCode).toBe(429);
    expect(first.headers['retry-after']).toBe('3');
    const second = await h.call('POST', '/rest/api/3/issue', create);
    expect(second.statusCode).toBe(500);
    const third = await h.call('POST', '/rest/api/3/issue', create);
    expect(third.statusCode).toBe(201);
    const found = (await h.call('POST', '/rest/api/3/search/jql', { jql: 'summary ~ "Only once"', fields: ['summary'] })).json() as { issues: unknown[] };
    expect(found.issues).toHaveLength(1);
  });

  it('resets the connection on a scheduled call', async () => {
    h.emulator.setFaults({ schedule: [1], kinds: ['reset'] });
    await expect(h.call('GET', '/rest/api/3/myself')).rejects.toThrow();
    expect((await h.call('GET', '/rest/api/3/myself')).statusCode).toBe(200);
  });

  it('draws faults at a seeded rate, the same way every time', async () => {
    const statuses = async (): Promise<number[]> => {
      h.emulator.setFaults({ rate: 0.3, seed: 42, kinds: ['429', '500'] });
      const out: number[] = [];
      for (let i = 0; i < 20; i += 1) out.push((await h.call('GET', '/rest/api/3/myself')).statusCode);
      return out;
    };
    const a = await statuses();
    const b = await statuses();
    expect(a).toEqual(b);
    expect(a.filter((s) => s !== 200).length).toBeGreaterThan(0);
    expect(a.filter((s) => s === 200).length).toBeGreaterThan(0);
  });

  it('answers stale-version 409 on page updates at the configured rate', async () => {
    h.emulator.setFaults({ stale409Rate: 1 });
    const res = await h.call('PUT', '/wiki/api/v2/pages/65537', { id: '65537', status: 'current', title: 'Service Management System Home', body: { representation: 'storage', value: '<p>x</p>' }, version: { number: 2 } });
    expect(res.statusCode).toBe(409);
    h.emulator.setFaults({});
    const ok = await h.call('PUT', '/wiki/api/v2/pages/65537', { id: '65537', status: 'current', title: 'Service Management System Home', body: { representation: 'storage', value: '<p>x</p>' }, version: { number: 2 } });
    expect(ok.statusCode).toBe(200);
  });

  it('is configurable over HTTP and reports call counts', async () => {
    const set = await h.call('POST', '/__sandbox/faults', { schedule: [1], kinds: ['500'] }, 'anonymous');
    expect(set.statusCode).toBe(200);
    expect((await h.call('GET', '/rest/api/3/myself')).statusCode).toBe(500);
    const stats = (await h.call('GET', '/__sandbox/stats', undefined, 'anonymous')).json() as { calls: number; faultsInjected: number; byStatus: Record<string, number> };
    expect(stats).toMatchObject({ calls: 1, faultsInjected: 1, byStatus: { '500': 1 } });
    expect((await h.call('POST', '/__sandbox/faults', { rate: 7 }, 'anonymous')).statusCode).toBe(400);
  });

  it('reads latency and rate from the environment', () => {
    expect(faultOptionsFromEnv({ SANDBOX_LATENCY_MS: '25', SANDBOX_FAULT_RATE: '0.1', SANDBOX_FAULT_SEED: '9' })).toEqual({ latencyMs: 25, rate: 0.1, seed: 9 });
    expect(faultOptionsFromEnv({})).toEqual({});
  });
});

describe('emulator traffic log', () => {
  it('appends one JSON line per product call with path, string query, parsed bodies and status', async () => {
    const file = path.join(h.dir, 'traffic.jsonl');
    await h.close({ keepDir: true });
    h = await startHarness({ dataDir: h.dir, trafficLogFile: file });
    await h.call('GET', '/rest/api/3/issue/SMS-1?fields=summary&properties=a,b');
    await h.call('POST', '/rest/api/3/search/jql', { jql: 'nope = 1' });
    await h.call('GET', '/wiki/spaces/SMS/pages/65537', undefined, 'anonymous');
    const entries = readTrafficLog(file);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ method: 'GET', path: '/rest/api/3/issue/SMS-1', query: { fields: 'summary', properties: 'a,b' }, requestBody: null, status: 200 });
    expect((entries[0]?.responseBody as { key: string }).key).toBe('SMS-1');
    expect(entries[1]).toMatchObject({ method: 'POST', path: '/rest/api/3/search/jql', requestBody: { jql: 'nope = 1' }, status: 400 });
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
  });
});
