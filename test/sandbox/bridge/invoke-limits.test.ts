import Fastify, { type FastifyInstance } from 'fastify';
import { effectiveInvokeLimits, FORGE_INVOKE_LIMITS, registerBridgeRoutes, type InvokeLimits } from '../../../sandbox/bridge/bridge-routes';
import type { ProductLookup } from '../../../sandbox/bridge/forge-context';

// The bridge stand-in refuses what Forge refuses for one UI invoke: a payload or an answer over the size limit
// and a resolver over the time limit, each as a typed error the UI can read ({ error: { code, message, details } }).

const lookup: ProductLookup = {
  project: async (key) => (key === 'SMS' ? { id: '10000', key: 'SMS', type: 'software' } : undefined),
  issue: async () => undefined,
};

const servers: FastifyInstance[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

type Behaviour = (payload: unknown) => Promise<unknown>;

async function server(behaviour: Behaviour, limits?: Partial<InvokeLimits>): Promise<{ url: string; calls: () => number }> {
  let calls = 0;
  const app = Fastify({ bodyLimit: 8 * 1024 * 1024 });
  servers.push(app);
  await registerBridgeRoutes(app, {
    lookup,
    siteUrl: () => 'http://sandbox.test',
    ...(limits ? { limits } : {}),
    app: async () => ({
      resolverHandler: async (event) => {
        calls += 1;
        return behaviour(event.call.payload);
      },
    }),
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, calls: () => calls };
}

async function invoke(url: string, payload: unknown): Promise<{ status: number; body: { error?: { code?: string; message: string; details?: Record<string, unknown> } } & Record<string, unknown> }> {
  const res = await fetch(`${url}/bridge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ functionKey: 'getThing', payload, moduleKey: 'sms-navigator-project-page', projectKey: 'SMS', accountId: '557058:sandbox-member' }),
  });
  return { status: res.status, body: (await res.json()) as { error?: { code?: string; message: string } } };
}

const MB5 = 5 * 1024 * 1024;

describe('Forge invoke limits in the bridge stand-in', () => {
  it('holds Forge figures: 25 s per resolver, 5 MB payload, 5 MB answer; a test may lower them, never raise them', () => {
    expect(FORGE_INVOKE_LIMITS).toEqual({ resolverTimeoutMs: 25_000, maxPayloadBytes: MB5, maxResponseBytes: MB5 });
    expect(effectiveInvokeLimits({ resolverTimeoutMs: 60_000, maxPayloadBytes: 10 * MB5 })).toEqual(FORGE_INVOKE_LIMITS);
    expect(effectiveInvokeLimits({ resolverTimeoutMs: 10 })).toEqual({ ...FORGE_INVOKE_LIMITS, resolverTimeoutMs: 10 });
  });

  it('accepts a payload of exactly 5 MB and refuses one byte more with INVOKE_PAYLOAD_TOO_LARGE, before the resolver runs', async () => {
    const { url, calls } = await server(async () => ({ ok: true, data: null }));
    const atLimit = 'x'.repeat(MB5 - 2); // JSON adds the two quotes
    const ok = await invoke(url, atLimit);
    expect(ok.status).toBe(200);
    expect(calls()).toBe(1);
    const over = await invoke(url, `${atLimit}x`);
    expect(over.status).toBe(413);
    expect(over.body.error).toMatchObject({ code: 'INVOKE_PAYLOAD_TOO_LARGE', details: { bytes: MB5 + 1, limit: MB5 } });
    expect(calls()).toBe(1);
  });

  it('refuses an answer over 5 MB with INVOKE_RESPONSE_TOO_LARGE and passes one at the limit', async () => {
    const { url } = await server(async (payload) => (payload === 'big' ? 'y'.repeat(MB5 - 1) : 'y'.repeat(MB5 - 2)));
    const ok = await invoke(url, 'fits');
    expect(ok.status).toBe(200);
    const over = await invoke(url, 'big');
    expect(over.status).toBe(502);
    expect(over.body.error).toMatchObject({ code: 'INVOKE_RESPONSE_TOO_LARGE', details: { bytes: MB5 + 1, limit: MB5 } });
  });

  it('stops waiting for a resolver at the time limit and answers INVOKE_TIMEOUT', async () => {
    const never = new Promise<unknown>(() => undefined);
    const { url } = await server(async () => never, { resolverTimeoutMs: 20 });
    const r = await invoke(url, {});
    expect(r.status).toBe(504);
    expect(r.body.error).toMatchObject({ code: 'INVOKE_TIMEOUT', details: { limitMs: 20 } });
    expect(r.body.error?.message).toContain('getThing');
  });
});
