import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AppContextPermissions } from '../contract/app-context';
import type { PayloadOf, ResolverKey, ResponseOf } from '../contract/resolvers';
import type { ResolverResult } from '../contract/result';
import {
  AppError,
  ForbiddenError,
  ProjectMismatchError,
  ValidationError,
  VersionConflictError,
  isAppError,
} from '../domain/errors';
import { normaliseSiteBaseUrl } from '../domain/report/gap-report';
import { evaluateAccessWith, hasAccess, type AccessLevel } from '../services/access';
import { AUTHORIZATION, authorizationOf } from './authorization';
import type { AppServices } from '../app-services';

/** The trusted part of a resolver call: built by Forge (or the sandbox bridge), never by the UI. */
export interface ResolverContext {
  accountId: string;
  project: { id: string; key: string; type: string | null };
  issue?: { id: string; key: string };
  moduleKey: string;
  /** The Jira site address Forge puts in the context (`siteUrl`); undefined when the context has none. Use trustedSiteUrl(). */
  siteUrl?: string;
  /** The caller's rights as established by the permission check (for 'read' calls, canEdit is only known for admins). */
  access: AppContextPermissions;
  /** The Jira project permissions asked for this call (browse, administer, and the spec's `requires`). */
  granted: Readonly<Record<string, boolean>>;
  deps: AppServices;
}

/** What `@forge/resolver` hands a resolver function. */
export interface ResolverRequest {
  payload: unknown;
  context: unknown;
}

/** What a resolver of the contract map (src/contract/resolvers.ts) must answer; anything for a test resolver. */
export type ContractResponse<K extends string> = K extends ResolverKey ? ResponseOf<K> : unknown;

/**
 * The payload schema of a contract resolver must accept every payload the contract lets the UI send
 * (PayloadOf<key> assignable to the schema's input); a schema that does not is a compile error naming it.
 */
export type ContractPayloadCheck<K extends string, S extends z.ZodType> = K extends ResolverKey
  ? [PayloadOf<K>] extends [z.input<S>]
    ? unknown
    : { payloadSchemaRefusesContractPayload: PayloadOf<K> }
  : unknown;

export interface ResolverSpec<K extends string, S extends z.ZodType, O extends ContractResponse<K>> {
  /** The function key the UI invokes, verb first (`getProjectSettings`): a key of the contract map. */
  key: K;
  /**
   * Only for resolvers outside the app (tests): the app's resolvers take their right from the authorization
   * table (src/resolvers/authorization.ts), and a spec naming one for a key the table has is refused.
   */
  access?: AccessLevel;
  /** Schema of the untrusted payload. Unknown fields are dropped by `z.object`. */
  payload: S & ContractPayloadCheck<K, S>;
  /**
   * Further Jira project permissions the caller must hold (e.g. CREATE_ISSUES), each with the message shown
   * when it is missing. Asked in the same `mypermissions` call as the access check, before the payload is read.
   */
  requires?: Readonly<Record<string, (projectKey: string) => string>>;
  handler: (input: z.output<S>, ctx: ResolverContext) => Promise<O>;
}

export interface ResolverDefinition<O = unknown> {
  readonly key: string;
  readonly access: AccessLevel;
  /** The extra Jira project permissions of the spec (e.g. CREATE_ISSUES). */
  readonly requires: readonly string[];
  /** Runs the whole pipeline; never throws. */
  run(request: ResolverRequest, deps: AppServices): Promise<ResolverResult<O>>;
}

const idLike = z.union([z.string().min(1), z.number().int().nonnegative()]).transform((v) => String(v));

/** The fields of the Forge resolver context we rely on. Forge gives more; they are ignored. */
const trustedContextSchema = z.object({
  accountId: z.string().min(1).optional().nullable(),
  moduleKey: z.string().min(1).optional(),
  siteUrl: z.string().min(1).max(500).optional().catch(undefined),
  extension: z
    .object({
      type: z.string().optional(),
      project: z.object({ id: idLike, key: z.string().min(1), type: z.string().optional().nullable() }).optional(),
      issue: z.object({ id: idLike, key: z.string().min(1) }).optional().nullable(),
      /** A Confluence macro's configuration (stored in the page by whoever placed it); ours names the Jira project. */
      config: z
        .looseObject({ projectId: idLike.optional(), projectKey: z.string().min(1).max(64).optional() })
        .optional()
        .nullable()
        .catch(undefined),
    })
    .optional(),
});

/** Payload fields that name a project; when present they must agree with the trusted context. */
function payloadProject(payload: unknown): { projectKey?: string; projectId?: string } {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return {};
  const p = payload as Record<string, unknown>;
  const str = (v: unknown): string | undefined =>
    typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
  const out: { projectKey?: string; projectId?: string } = {};
  const key = str(p.projectKey);
  const id = str(p.projectId);
  if (key !== undefined) out.projectKey = key;
  if (id !== undefined) out.projectId = id;
  return out;
}

const zodDetails = (error: z.ZodError): { issues: { path: string; message: string }[] } => ({
  issues: error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(payload)', message: i.message })),
});

class UnauthenticatedError extends AppError {
  constructor() {
    super('UNAUTHENTICATED', 'Sign in to Jira to use SMS Navigator.');
  }
}

/**
 * The project of the "SMS readiness" macro in Confluence: Forge gives a macro no Jira project, so it is the one
 * its configuration names (put there by the report publish or whoever placed the macro). The permission check
 * that follows runs as the viewer on that project, so naming a project grants nothing.
 */
function macroProject(extension: z.infer<typeof trustedContextSchema>['extension']): { id: string; key: string; type: null } | undefined {
  const config = extension?.type === 'macro' ? extension.config : undefined;
  if (config?.projectId === undefined || config.projectKey === undefined) return undefined;
  return { id: config.projectId, key: config.projectKey, type: null };
}

/** Reads the trusted context. Throws UNAUTHENTICATED without a user, VALIDATION_FAILED without a project. */
export function readTrustedContext(context: unknown): Omit<ResolverContext, 'access' | 'granted' | 'deps'> {
  const parsed = trustedContextSchema.safeParse(context ?? {});
  const accountId = parsed.success ? parsed.data.accountId : undefined;
  if (!accountId) throw new UnauthenticatedError();
  if (!parsed.success) throw new ValidationError('The call context is malformed.', zodDetails(parsed.error));
  const project = parsed.data.extension?.project ?? macroProject(parsed.data.extension);
  if (project === undefined) {
    throw new ValidationError('SMS Navigator works inside a Jira project; this call has no project in its context.');
  }
  const issue = parsed.data.extension?.issue ?? undefined;
  return {
    accountId,
    project: { id: project.id, key: project.key, type: project.type ?? null },
    ...(issue ? { issue: { id: issue.id, key: issue.key } } : {}),
    moduleKey: parsed.data.moduleKey ?? 'unknown',
    ...(parsed.data.siteUrl !== undefined ? { siteUrl: parsed.data.siteUrl } : {}),
  };
}

/**
 * The Jira site address from the trusted context (Forge's `siteUrl`), validated: https (plain http only on a
 * loopback host, the local sandbox). VALIDATION_FAILED when the context has none or it is not a plain site URL.
 */
export function trustedSiteUrl(ctx: Pick<ResolverContext, 'siteUrl'>): string {
  if (ctx.siteUrl === undefined) throw new ValidationError('The call context has no Jira site address; reload the page.');
  return normaliseSiteBaseUrl(ctx.siteUrl);
}

const accessDeniedMessage = (level: AccessLevel, projectKey: string): string =>
  level === 'read'
    ? `You do not have permission to browse project ${projectKey}.`
    : level === 'admin'
      ? `Only administrators of project ${projectKey} can do this.`
      : level === 'map-issue'
        ? `Only administrators of project ${projectKey} or members of the SMS editor role can map clauses to issues (a project administrator can open it to everyone who can edit the issue).`
        : `Only administrators of project ${projectKey} or members of the SMS editor role set in the app settings can change SMS data.`;

/**
 * Declares a resolver. The returned definition runs, in this order:
 * 1. identity and project from the trusted context (UNAUTHENTICATED; PROJECT_MISMATCH if the payload names another project);
 * 2. the permission check as the user (FORBIDDEN) — before any use case, so before any asApp call;
 * 3. payload validation with zod (VALIDATION_FAILED, with issue paths);
 * 4. the handler. AppErrors become `{ ok: false, error }` (a stale-save CONFLICT first gets the display name of
 *    who saved); anything else is logged and becomes INTERNAL.
 */
export function defineResolver<K extends string, S extends z.ZodType, O extends ContractResponse<K>>(spec: ResolverSpec<K, S, O>): ResolverDefinition<O> {
  const inTable = Object.prototype.hasOwnProperty.call(AUTHORIZATION, spec.key);
  if (inTable && spec.access !== undefined) throw new Error(`Resolver ${spec.key}: its right comes from the authorization table, not the spec.`);
  const needed: AccessLevel = spec.access ?? authorizationOf(spec.key).access;
  if (needed === 'signed-in') throw new Error(`Resolver ${spec.key}: a resolver without a project is declared with defineUserResolver.`);
  return {
    key: spec.key,
    access: needed,
    requires: Object.keys(spec.requires ?? {}),
    async run(request, deps) {
      try {
        const trusted = readTrustedContext(request.context);
        const named = payloadProject(request.payload);
        if (named.projectKey !== undefined && named.projectKey.toUpperCase() !== trusted.project.key.toUpperCase()) {
          throw new ProjectMismatchError(trusted.project.key, named.projectKey);
        }
        if (named.projectId !== undefined && named.projectId !== trusted.project.id) {
          throw new ProjectMismatchError(trusted.project.id, named.projectId);
        }
        const required = Object.entries(spec.requires ?? {});
        const { access, granted } = await evaluateAccessWith(
          deps.permissions,
          deps.settings,
          trusted.accountId,
          trusted.project.id,
          needed,
          required.map(([key]) => key),
        );
        if (!hasAccess(access, needed)) {
          throw new ForbiddenError(accessDeniedMessage(needed, trusted.project.key), {
            needed,
            projectKey: trusted.project.key,
          });
        }
        for (const [key, message] of required) {
          if (granted[key] !== true) throw new ForbiddenError(message(trusted.project.key), { needed: key, projectKey: trusted.project.key });
        }
        const input = spec.payload.safeParse(request.payload ?? {});
        if (!input.success) {
          throw new ValidationError('The request is not valid.', zodDetails(input.error));
        }
        const data = await spec.handler(input.data, { ...trusted, access, granted, deps });
        return { ok: true, data };
      } catch (caught) {
        return failure(caught, spec.key, deps);
      }
    },
  };
}

/** What a failed call answers: AppErrors as they are (a stale-save CONFLICT named), anything else logged as INTERNAL. */
async function failure(caught: unknown, key: string, deps: AppServices): Promise<ResolverResult<never>> {
  const e = caught instanceof VersionConflictError ? await nameWhoSaved(caught, deps) : caught;
  if (isAppError(e) && e.code !== 'INTERNAL') return { ok: false, error: e.toShape() };
  // A bug: logged with a reference the user can quote; the answer names the reference and nothing else.
  const ref = correlationId();
  if (isAppError(e)) {
    deps.log('error', `resolver ${key}: ${e.message}`, { ref, details: e.details });
    return { ok: false, error: { code: 'INTERNAL', message: `${e.message} (reference ${ref})`, details: { ref } } };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  deps.log('error', `resolver ${key} failed unexpectedly`, { ref, error: err.message, stack: err.stack });
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message: `Unexpected error (reference ${ref}). It has been logged; please try again, or give the reference to your administrator.`,
      details: { ref },
    },
  };
}

/** The trusted part of a call that needs no project: who calls, from which module. */
export interface UserResolverContext {
  accountId: string;
  moduleKey: string;
  deps: AppServices;
}

export interface UserResolverSpec<K extends ResolverKey, S extends z.ZodType, O extends ContractResponse<K>> {
  key: K;
  payload: S & ContractPayloadCheck<K, S>;
  handler: (input: z.output<S>, ctx: UserResolverContext) => Promise<O>;
}

/**
 * Declares a resolver whose row in the authorization table is `signed-in`: it needs a signed-in user and no
 * project (the macro's configuration, which is where a project gets chosen). Its handler may only read as the
 * user, so Jira limits the answer to what the caller may see; it never sees a project from the context.
 */
export function defineUserResolver<K extends ResolverKey, S extends z.ZodType, O extends ContractResponse<K>>(spec: UserResolverSpec<K, S, O>): ResolverDefinition<O> {
  if (authorizationOf(spec.key).access !== 'signed-in') throw new Error(`Resolver ${spec.key}: defineUserResolver is for rows with the signed-in right.`);
  return {
    key: spec.key,
    access: 'signed-in',
    requires: [],
    async run(request, deps) {
      try {
        const parsed = trustedContextSchema.safeParse(request.context ?? {});
        const accountId = parsed.success ? parsed.data.accountId : undefined;
        if (!accountId) throw new UnauthenticatedError();
        const moduleKey = (parsed.success ? parsed.data.moduleKey : undefined) ?? 'unknown';
        const input = spec.payload.safeParse(request.payload ?? {});
        if (!input.success) throw new ValidationError('The request is not valid.', zodDetails(input.error));
        return { ok: true, data: await spec.handler(input.data, { accountId, moduleKey, deps }) };
      } catch (caught) {
        return failure(caught, spec.key, deps);
      }
    },
  };
}

/** A short id that names one failure in the log and in the answer (8 hex digits: enough to find it in a day's log). */
const correlationId = (): string => randomUUID().slice(0, 8);

/** A stale-save CONFLICT with the display name of who saved (one user lookup; the accountId when Jira has no name). */
async function nameWhoSaved(e: VersionConflictError, deps: AppServices): Promise<VersionConflictError> {
  const who = e.stamp.updatedBy;
  if (who === null || e.displayName !== undefined) return e;
  const names = await deps.names([who]);
  return e.named(names[who] ?? who);
}

/** A resolver definition whose output type has been forgotten (for registries). */
export type AnyResolverDefinition = ResolverDefinition<unknown>;
