import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ResolverHandler } from '../../src/wiring';
import { colorModeOf, readCookie, USER_COOKIE } from '../host/cookies';
import { findSandboxUser } from '../seed/users';
import { BridgeRequestError, buildResolverContext, CLOUD_ID, toViewContext, type ForgeResolverContext, type ForgeViewContext, type MacroRef, type ProductLookup } from './forge-context';
import { themeCss } from './theme-css';
import { runAsUser } from './user-context';

/**
 * Forge's limits on one UI invoke, held by the stand-in so that nothing passes here that Forge would refuse
 * (rule 17). Sources: developer.atlassian.com/platform/forge/limits-invocation (runtime 25 s for functions
 * invoked from UI modules); the invoke travels through Atlassian's GraphQL gateway, whose 5,242,880-byte limit
 * applies to the payload sent and to the answer (reported on the Forge community forum; the limits page names
 * no byte figure). The codes are the stand-in's own names for those refusals.
 */
export const FORGE_INVOKE_LIMITS = {
  resolverTimeoutMs: 25_000,
  maxPayloadBytes: 5 * 1024 * 1024,
  maxResponseBytes: 5 * 1024 * 1024,
} as const;

export type InvokeLimits = { resolverTimeoutMs: number; maxPayloadBytes: number; maxResponseBytes: number };

/** The limits in force: Forge's, or smaller ones a test asks for. A larger value is ignored (rule 17). */
export function effectiveInvokeLimits(requested: Partial<InvokeLimits> = {}): InvokeLimits {
  const pick = (name: keyof InvokeLimits): number => Math.min(FORGE_INVOKE_LIMITS[name], requested[name] ?? FORGE_INVOKE_LIMITS[name]);
  return { resolverTimeoutMs: pick('resolverTimeoutMs'), maxPayloadBytes: pick('maxPayloadBytes'), maxResponseBytes: pick('maxResponseBytes') };
}

/** Error codes of an invoke that Forge refused; the bridge answers `{ error: { code, message, details } }`. */
export type InvokeRefusal = 'INVOKE_PAYLOAD_TOO_LARGE' | 'INVOKE_RESPONSE_TOO_LARGE' | 'INVOKE_TIMEOUT';

export interface BridgeDeps {
  /** The app, once the server knows its own URL. */
  app: () => Promise<{ resolverHandler: ResolverHandler }>;
  lookup: ProductLookup;
  siteUrl: () => string;
  log?: (level: 'info' | 'warn' | 'error', msg: string, data?: Record<string, unknown>) => void;
  /** Defaults to FORGE_INVOKE_LIMITS; tests pass smaller ones (never larger: rule 17). */
  limits?: Partial<InvokeLimits>;
}

const frameSchema = z.object({
  moduleKey: z.string().min(1),
  projectKey: z.string().default(''),
  issueKey: z.string().min(1).nullish(),
  /** A macro frame: its page and node, from the page view that framed it (the configuration is read from the page). */
  contentId: z.string().regex(/^\d{1,20}$/).nullish(),
  localId: z.string().min(1).max(100).nullish(),
  /** The macro's configuration frame (the page editor frames it so); any other value is refused. */
  entryPoint: z.literal('config').nullish(),
  /** Only used when no user cookie is present (scripts and tests); the cookie wins. */
  accountId: z.string().min(1).nullish(),
});

const invokeSchema = frameSchema.extend({
  functionKey: z.string().min(1),
  payload: z.unknown().optional(),
});

/** A frame as the host knows it: the user is never the frame's to say (the cookie decides). */
type HostFrame = Omit<z.infer<typeof frameSchema>, 'accountId'>;
const hostFrameSchema = frameSchema.omit({ accountId: true });

/** The macro node a frame belongs to (page and localId), and whether it is the configuration frame. */
function macroRef(frame: HostFrame): MacroRef | undefined {
  if (!frame.contentId || !frame.localId) return undefined;
  return { contentId: frame.contentId, localId: frame.localId, ...(frame.entryPoint === 'config' ? { entryPoint: 'config' as const } : {}) };
}

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

function refuse(reply: FastifyReply, status: number, code: InvokeRefusal, message: string, details?: Record<string, unknown>): FastifyReply {
  return reply.code(status).send({ ok: false, error: { code, message, ...(details ? { details } : {}) } });
}

const TIMED_OUT = Symbol('timed out');

/** Resolves to the resolver's answer, or to TIMED_OUT after `ms` (the resolver is not awaited further). */
async function withinTime<T>(ms: number, run: () => Promise<T>): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([run(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The view context of the frame a Custom UI index.html is served to, built from the frame's query (module, project,
 * issue, macro node) and the signed-in user's cookie: Jira and Confluence know a module's context when they frame
 * it and answer `view.getContext()` from memory, so the stand-in writes it into the page it serves instead of
 * making the app wait for a round trip. Undefined when the frame's query is not one (the bridge then asks
 * /bridge/context, which answers with the typed error).
 */
export async function frameViewContext(
  deps: Pick<BridgeDeps, 'lookup' | 'siteUrl'>,
  query: unknown,
  cookieHeader: string | undefined,
): Promise<ForgeViewContext | undefined> {
  const frame = hostFrameSchema.safeParse(query ?? {});
  if (!frame.success) return undefined;
  try {
    return await viewContextOf(deps, frame.data, resolveAccountId(cookieHeader, undefined), cookieHeader);
  } catch {
    return undefined;
  }
}

/** The context Forge gives a resolver called from this frame, for this user: one build for invoke and getContext. */
function resolverContextOf(deps: Pick<BridgeDeps, 'lookup' | 'siteUrl'>, frame: HostFrame, accountId: string | undefined): Promise<ForgeResolverContext> {
  return buildResolverContext(
    { moduleKey: frame.moduleKey, projectKey: frame.projectKey, issueKey: frame.issueKey ?? undefined, accountId, siteUrl: deps.siteUrl(), macro: macroRef(frame) },
    deps.lookup,
  );
}

/** The context `view.getContext()` answers in a frame, for the user the host signed in. */
async function viewContextOf(
  deps: Pick<BridgeDeps, 'lookup' | 'siteUrl'>,
  frame: HostFrame,
  accountId: string | undefined,
  cookieHeader: string | undefined,
): Promise<ForgeViewContext> {
  return toViewContext(await resolverContextOf(deps, frame, accountId), colorModeOf(cookieHeader));
}

export async function registerBridgeRoutes(server: FastifyInstance, deps: BridgeDeps): Promise<void> {
  const limits = effectiveInvokeLimits(deps.limits);
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
      return reply.send(await viewContextOf(deps, body.data, accountId, req.headers.cookie));
    } catch (err) {
      return failContext(reply, err, deps.log);
    }
  });

  // The route takes bodies a little over the payload limit so that an over-size payload gets Forge's refusal,
  // not Fastify's generic 413.
  server.post('/bridge/invoke', { bodyLimit: limits.maxPayloadBytes + 64 * 1024 }, async (req, reply) => {
    const body = invokeSchema.safeParse(req.body ?? {});
    if (!body.success) return fail(reply, 400, `Bad invoke request: ${body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const { functionKey, payload } = body.data;
    const payloadBytes = Buffer.byteLength(JSON.stringify(payload ?? null), 'utf8');
    if (payloadBytes > limits.maxPayloadBytes) {
      return refuse(reply, 413, 'INVOKE_PAYLOAD_TOO_LARGE', `The payload of ${functionKey} is ${payloadBytes} bytes; Forge accepts at most ${limits.maxPayloadBytes}.`, {
        bytes: payloadBytes,
        limit: limits.maxPayloadBytes,
      });
    }
    let accountId: string | undefined;
    let context;
    try {
      accountId = resolveAccountId(req.headers.cookie, body.data.accountId);
      context = await resolverContextOf(deps, body.data, accountId);
    } catch (err) {
      return failContext(reply, err, deps.log);
    }
    const backend = {
      principal: accountId === undefined ? undefined : { accountId },
      installContext: `ari:cloud:jira::site/${CLOUD_ID}`,
    };
    let result: unknown;
    try {
      const app = await deps.app();
      const answer = await withinTime(limits.resolverTimeoutMs, () =>
        runAsUser(accountId, () => app.resolverHandler({ call: { functionKey, payload }, context }, backend), limits.resolverTimeoutMs),
      );
      if (answer === TIMED_OUT) {
        // Forge stops the function at its time limit and the UI's invoke fails; the stand-in answers the same
        // (it cannot stop the in-process resolver, whose late answer is dropped).
        deps.log?.('error', 'resolver timed out', { functionKey, limitMs: limits.resolverTimeoutMs });
        return refuse(reply, 504, 'INVOKE_TIMEOUT', `${functionKey} ran longer than Forge's ${limits.resolverTimeoutMs / 1000} s limit and was stopped.`, {
          limitMs: limits.resolverTimeoutMs,
        });
      }
      result = answer;
    } catch (err) {
      // Forge rejects the UI's invoke when a resolver throws; so does the stand-in.
      const message = err instanceof Error ? err.message : String(err);
      deps.log?.('error', 'resolver threw', { functionKey, message });
      return fail(reply, 500, message);
    }
    const text = JSON.stringify(result ?? null);
    const responseBytes = Buffer.byteLength(text, 'utf8');
    if (responseBytes > limits.maxResponseBytes) {
      deps.log?.('error', 'resolver answer too large', { functionKey, bytes: responseBytes });
      return refuse(reply, 502, 'INVOKE_RESPONSE_TOO_LARGE', `The answer of ${functionKey} is ${responseBytes} bytes; Forge returns at most ${limits.maxResponseBytes}.`, {
        bytes: responseBytes,
        limit: limits.maxResponseBytes,
      });
    }
    return reply.type('application/json; charset=utf-8').send(text);
  });
}
