import Fastify, { type FastifyInstance } from 'fastify';
import { frameViewContext, registerBridgeRoutes } from '../../../sandbox/bridge/bridge-routes';
import type { ProductLookup } from '../../../sandbox/bridge/forge-context';
import { currentAccountId } from '../../../sandbox/bridge/user-context';

interface Call {
  event: { call: { functionKey: string; payload?: unknown }; context: unknown };
  backend: unknown;
  userDuringCall: string | undefined;
}

const lookup: ProductLookup = {
  project: async (key) => (key === 'SMS' ? { id: '10000', key: 'SMS', type: 'software' } : undefined),
  issue: async (key) => (key === 'SMS-1' ? { id: '1', key: 'SMS-1', type: 'Task', typeId: '3', projectKey: 'SMS' } : undefined),
  macroConfig: async (ref) => (ref.contentId === '65537' && ref.localId === 'm1' ? { projectId: '10000', projectKey: 'SMS' } : undefined),
};

// Real HTTP on a free port: Fastify's inject cannot load under Jest here (light-my-request needs ESM-only cookie 2.x).
interface Res {
  statusCode: number;
  body: string;
  headers: Headers;
  json(): unknown;
}

const servers: FastifyInstance[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function request(app: FastifyInstance, method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Res> {
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const res = await fetch(`http://127.0.0.1:${port}${url}`, {
    method,
    headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
  });
  const body = await res.text();
  return { statusCode: res.status, body, headers: res.headers, json: () => JSON.parse(body) as unknown };
}

async function server(): Promise<{ app: FastifyInstance; calls: Call[] }> {
  const calls: Call[] = [];
  const app = Fastify();
  servers.push(app);
  await registerBridgeRoutes(app, {
    lookup,
    siteUrl: () => 'http://sandbox.test',
    app: async () => ({
      resolverHandler: async (event, backend) => {
        calls.push({ event, backend, userDuringCall: currentAccountId() });
        if (event.call.functionKey === 'boom') throw new Error('resolver exploded');
        return { ok: true, data: { echo: event.call.payload } };
      },
    }),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, calls };
}

const invoke = (app: FastifyInstance, body: Record<string, unknown>, cookie?: string) =>
  request(app, 'POST', '/bridge/invoke', body, cookie ? { cookie } : {});

describe('POST /bridge/invoke', () => {
  it('calls the resolver with a server-built context and the cookie user as principal, inside that user', async () => {
    const { app, calls } = await server();
    const res = await invoke(app, { functionKey: 'getAppContext', payload: { a: 1 }, moduleKey: 'sms-navigator-project-page', projectKey: 'SMS' }, 'sandbox-user=557058%3Asandbox-member');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, data: { echo: { a: 1 } } });
    expect(calls[0]?.event.call).toEqual({ functionKey: 'getAppContext', payload: { a: 1 } });
    expect(calls[0]?.event.context).toMatchObject({ accountId: '557058:sandbox-member', extension: { type: 'jira:projectPage', project: { id: '10000' } } });
    expect(calls[0]?.backend).toMatchObject({ principal: { accountId: '557058:sandbox-member' } });
    expect(calls[0]?.userDuringCall).toBe('557058:sandbox-member');
  });

  it('believes the cookie over an accountId in the body', async () => {
    const { app, calls } = await server();
    await invoke(app, { functionKey: 'x', moduleKey: 'sms-navigator-project-page', projectKey: 'SMS', accountId: '557058:sandbox-site-admin' }, 'sandbox-user=557058:sandbox-outsider');
    expect(calls[0]?.backend).toMatchObject({ principal: { accountId: '557058:sandbox-outsider' } });
  });

  it('uses the body accountId only without a cookie, and runs anonymously with neither', async () => {
    const { app, calls } = await server();
    await invoke(app, { functionKey: 'x', moduleKey: 'sms-navigator-project-page', projectKey: 'SMS', accountId: '557058:sandbox-member' });
    await invoke(app, { functionKey: 'x', moduleKey: 'sms-navigator-project-page', projectKey: 'SMS' });
    expect(calls[0]?.userDuringCall).toBe('557058:sandbox-member');
    expect(calls[1]?.backend).toMatchObject({ principal: undefined });
    expect(calls[1]?.userDuringCall).toBeUndefined();
  });

  it('refuses users who are not sandbox users, unknown modules and malformed bodies', async () => {
    const { app, calls } = await server();
    const stranger = await invoke(app, { functionKey: 'x', moduleKey: 'sms-navigator-project-page', projectKey: 'SMS' }, 'sandbox-user=someone-else');
    const module = await invoke(app, { functionKey: 'x', moduleKey: 'jira-admin', projectKey: 'SMS' });
    const malformed = await invoke(app, { moduleKey: 'sms-navigator-project-page' });
    expect([stranger.statusCode, module.statusCode, malformed.statusCode]).toEqual([400, 400, 400]);
    expect(calls).toHaveLength(0);
  });

  it('answers 404 for an issue panel on an issue that does not exist', async () => {
    const { app } = await server();
    const res = await invoke(app, { functionKey: 'x', moduleKey: 'sms-navigator-issue-panel', projectKey: 'SMS', issueKey: 'SMS-404' });
    expect(res.statusCode).toBe(404);
  });

  it('answers 500 with the message when the resolver throws, as a rejected invoke', async () => {
    const { app } = await server();
    const res = await invoke(app, { functionKey: 'boom', moduleKey: 'sms-navigator-project-page', projectKey: 'SMS' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'resolver exploded' } });
  });

  it('answers every refusal with a typed error, including when its own project lookup meets a fault', async () => {
    const faulty = Fastify();
    servers.push(faulty);
    await registerBridgeRoutes(faulty, {
      lookup: {
        project: async () => {
          throw new Error('Jira answered 500 (injected fault)');
        },
        issue: lookup.issue,
      },
      siteUrl: () => 'http://sandbox.test',
      app: async () => ({ resolverHandler: async () => ({ ok: true, data: null }) }),
    });
    await faulty.listen({ port: 0, host: '127.0.0.1' });
    const frame = { moduleKey: 'sms-navigator-project-page', projectKey: 'SMS' };
    const invoked = await invoke(faulty, { functionKey: 'getAppContext', ...frame });
    const context = await request(faulty, 'POST', '/bridge/context', frame);
    for (const res of [invoked, context]) {
      expect(res.statusCode).toBe(502);
      expect(res.json()).toEqual({ ok: false, error: { code: 'UPSTREAM_ERROR', message: expect.stringContaining('injected fault') } });
    }
    const { app } = await server();
    const missing = await invoke(app, { functionKey: 'x', moduleKey: 'sms-navigator-issue-panel', projectKey: 'SMS', issueKey: 'SMS-404' });
    const malformed = await invoke(app, { moduleKey: 'sms-navigator-project-page' });
    expect(missing.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(malformed.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('POST /bridge/context', () => {
  it('returns a Forge-like view context with the issue and the colour mode from the cookie', async () => {
    const { app } = await server();
    const res = await request(app, 'POST', '/bridge/context', { moduleKey: 'sms-navigator-issue-panel', projectKey: 'SMS', issueKey: 'SMS-1' }, {
      cookie: 'sandbox-theme=dark; sandbox-user=557058%3Asandbox-member',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      accountId: '557058:sandbox-member',
      moduleKey: 'sms-navigator-issue-panel',
      theme: { colorMode: 'dark' },
      extension: { type: 'jira:issuePanel', issue: { key: 'SMS-1' }, project: { key: 'SMS' } },
    });
  });
});

describe('frameViewContext (the context the host writes into the frame it serves)', () => {
  const deps = { lookup, siteUrl: () => 'http://sandbox.test' };

  it('is the same context POST /bridge/context answers, for the user of the cookie only', async () => {
    const { app } = await server();
    const query = { moduleKey: 'sms-navigator-issue-panel', projectKey: 'SMS', issueKey: 'SMS-1' };
    const cookie = 'sandbox-theme=dark; sandbox-user=557058%3Asandbox-member';
    const asked = await request(app, 'POST', '/bridge/context', query, { cookie });
    expect(await frameViewContext(deps, query, cookie)).toEqual(asked.json());
    // The frame's URL cannot name the user: an accountId in the query is not read.
    const claimed = await frameViewContext(deps, { ...query, accountId: '557058:sandbox-project-admin' }, 'sandbox-user=557058%3Asandbox-member');
    expect(claimed?.accountId).toBe('557058:sandbox-member');
    expect((await frameViewContext(deps, query, undefined))?.accountId).toBeUndefined();
  });

  it('is undefined where the bridge must ask (and get the typed error): an unknown module, issue or user, a failing lookup', async () => {
    expect(await frameViewContext(deps, { moduleKey: 'nope', projectKey: 'SMS' }, undefined)).toBeUndefined();
    expect(await frameViewContext(deps, { moduleKey: 'sms-navigator-issue-panel', projectKey: 'SMS', issueKey: 'SMS-404' }, undefined)).toBeUndefined();
    expect(await frameViewContext(deps, { moduleKey: 'sms-navigator-project-page', projectKey: 'SMS' }, 'sandbox-user=intruder')).toBeUndefined();
    const failing = { ...deps, lookup: { ...lookup, project: async () => Promise.reject(new Error('Jira answered 500')) } };
    expect(await frameViewContext(failing, { moduleKey: 'sms-navigator-project-page', projectKey: 'SMS' }, undefined)).toBeUndefined();
    expect(await frameViewContext(deps, 'moduleKey=x', undefined)).toBeUndefined();
  });
});

describe('POST /bridge/context for the macro', () => {
  it('gives the configuration frame entryPoint = config and the stored config; the view frame none; another entry point is refused', async () => {
    const { app } = await server();
    const frame = { moduleKey: 'sms-readiness', contentId: '65537', localId: 'm1' };
    const config = await request(app, 'POST', '/bridge/context', { ...frame, entryPoint: 'config' }, { cookie: 'sandbox-user=557058%3Asandbox-member' });
    expect(config.statusCode).toBe(200);
    expect(config.json()).toMatchObject({ extension: { type: 'macro', entryPoint: 'config', config: { projectId: '10000', projectKey: 'SMS' } } });
    const view = await request(app, 'POST', '/bridge/context', frame, { cookie: 'sandbox-user=557058%3Asandbox-member' });
    expect((view.json() as { extension: Record<string, unknown> }).extension.entryPoint).toBeUndefined();
    const other = await request(app, 'POST', '/bridge/context', { ...frame, entryPoint: 'admin' }, { cookie: 'sandbox-user=557058%3Asandbox-member' });
    expect(other.statusCode).toBe(400);
  });
});

describe('bridge assets', () => {
  it('serves the bridge client script and the token theme CSS with light and dark themes', async () => {
    const { app } = await server();
    const script = await request(app, 'GET', '/__bridge/bridge-client.js');
    expect(script.body).toContain('window.__bridge');
    const css = await request(app, 'GET', '/__bridge/theme.css');
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(css.body).toMatch(/html\[data-color-mode="light"\]/);
    expect(css.body).toMatch(/html\[data-color-mode="dark"\]/);
    expect(css.body).toContain('--ds-surface');
  });
});
