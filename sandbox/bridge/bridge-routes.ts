import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ResolverHandler } from '../../src/wiring';
import { colorModeOf, readCookie, USER_COOKIE } from '../host/cookies';
import { findSandboxUser } from '../seed/users';
import { BridgeRequestError, buildResolverContext, CLOUD_ID, toViewContext, type ProductLookup } from './forge-context';
import { themeCss } from './theme-css';
import { runAsUser } from './user-context';

export interface BridgeDeps {
  /** The app, once the server knows its own URL. */
  app: () => Promise<{ resolverHandler: ResolverHandler }>;
  lookup: ProductLookup;
  siteUrl: () => string;
  log?: (level: 'info' | 'warn' | 'error', msg: string, data?: Record<string, unknown>) => void;
}

const frameSchema = z.object({
  moduleKey: z.string().min(1),
  projectKey: z.string().default(''),
  issueKey: z.string().min(1).nullish(),
  /** Only used when no user cookie is present (scripts and tests); the cookie wins. */
  accountId: z.string().min(1).nullish(),
});

const invokeSchema = frameSchema.extend({
  functionKey: z.string().min(1),
  payload: z.unknown().optional(),
});

const CLIENT_SCRIPT = path.join(__dirname, 'bridge-client.js');

/**
 * The signed-in user, as the host knows it: the `sandbox-user` cookie the host page set, else an explicit
 * `accountId` (scripts without a browser). Neither may name someone who is not a sandbox user.
 */
export function resolveAccountId(cookieHeader: string | undefined, bodyAccountId: string | null | undefined): string | undefined {
  const fromCookie = readCookie(cookieHeader, USER_COOKIE);
  const claimed = fromCookie ?? bodyAccountId ?? undefined;
  if (claimed === undefined) return undefined;
  if (findSandboxUser(claimed) === undefined) throw new BridgeRequestError(400, `Unknown sandbox user "${claimed}".`);
  return claimed;
}

/** The app's error codes the stand-in answers with (src/domain/errors.ts): every failure is typed, never a bare HTTP status. */
type BridgeErrorCode = 'VALIDATION_FAILED' | 'NOT_FOUND' | 'UPSTREAM_ERROR' | 'INTERNAL';

const codeOfStatus = (status: number): BridgeErrorCode =>
  status === 404 ? 'NOT_FOUND' : status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED';

/** `{ ok: false, error: { code, message } }`, the shape of a refused resolver call, with the HTTP status kept. */
function fail(reply: FastifyReply, status: number, message: string, code: BridgeErrorCode = codeOfStatus(status)): FastifyReply {
  return reply.code(status).send({ ok: false, error: { code, message } });
}

/** A context-building failure as a typed answer: the host's own product lookup may meet a fault (502 UPSTREAM_ERROR). */
function failContext(reply: FastifyReply, err: unknown, log: BridgeDeps['log']): FastifyReply {
  if (err instanceof BridgeRequestError) return fail(reply, err.statusCode, err.message);
  const message = err instanceof Error ? err.message : String(err);
  log?.('warn', 'bridge context lookup failed', { message });
  return fail(reply, 502, `Jira could not be reached to build the call context: ${message}`, 'UPSTREAM_ERROR');
}

export async function registerBridgeRoutes(server: FastifyInstance, deps: BridgeDeps): Promise<void> {
  const clientScript = readFileSync(CLIENT_SCRIPT, 'utf8');

  server.get('/__bridge/bridge-client.js', async (_req, reply) =>
    reply.type('application/javascript; charset=utf-8').header('cache-control', 'no-cache').send(clientScript),
  );

  server.get('/__bridge/theme.css', async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(await themeCss()),
  );

  server.post('/bridge/context', async (req, reply) => {
    const body = frameSchema.safeParse(req.body ?? {});
    if (!body.success) return fail(reply, 400, `Bad getContext request: ${body.error.issues.map((i) => i.message).join('; ')}`);
    try {
      const accountId = resolveAccountId(req.headers.cookie, body.data.accountId);
      const ctx = await buildResolverContext(
        { moduleKey: body.data.moduleKey, projectKey: body.data.projectKey, issueKey: body.data.issueKey ?? undefined, accountId, siteUrl: deps.siteUrl() },
        deps.lookup,
      );
      return reply.send(toViewContext(ctx, colorModeOf(req.headers.cookie)));
    } catch (err) {
      return failContext(reply, err, deps.log);
    }
  });

  server.post('/bridge/invoke', async (req, reply) => {
    const body = invokeSchema.safeParse(req.body ?? {});
    if (!body.success) return fail(reply, 400, `Bad invoke request: ${body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const { functionKey, payload, moduleKey, projectKey, issueKey } = body.data;
    let accountId: string | undefined;
    let context;
    try {
      accountId = resolveAccountId(req.headers.cookie, body.data.accountId);
      context = await buildResolverContext({ moduleKey, projectKey, issueKey: issueKey ?? undefined, accountId, siteUrl: deps.siteUrl() }, deps.lookup);
    } catch (err) {
      return failContext(reply, err, deps.log);
    }
    const backend = {
      principal: accountId === undefined ? undefined : { accountId },
      installContext: `ari:cloud:jira::site/${CLOUD_ID}`,
    };
    try {
      const app = await deps.app();
      const result = await runAsUser(accountId, () => app.resolverHandler({ call: { functionKey, payload }, context }, backend));
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(result ?? null));
    } catch (err) {
      // Forge rejects the UI's invoke when a resolver throws; so does the stand-in.
      const message = err instanceof Error ? err.message : String(err);
      deps.log?.('error', 'resolver threw', { functionKey, message });
      return fail(reply, 500, message);
    }
  });
}
