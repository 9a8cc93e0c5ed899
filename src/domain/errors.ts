/**
 * One error type for the whole app. Every failure a user can meet carries a machine `code` from this
 * closed list, a readable `message`, and optional JSON `details` (field paths, Jira's per-item messages…).
 * Resolvers turn an AppError into `{ ok: false, error }`; anything else reaching them is a bug.
 */
import type { z } from 'zod';

export const ERROR_CODES = [
  'VALIDATION_FAILED', // payload or input does not match its schema
  'PROJECT_MISMATCH', // payload names a project other than the one in the trusted context
  'FORBIDDEN', // the user lacks the Jira permission the action needs
  'UNAUTHENTICATED', // no user in the context (anonymous)
  'NOT_FOUND', // a referenced thing (clause, issue, space, page) does not exist
  'CONFLICT', // optimistic concurrency: someone else saved first
  'LIMIT_EXCEEDED', // a Forge or product limit would be broken (storage value size, key length…)
  'CONFIG_MISSING', // a project setting the action needs is not set
  'UPSTREAM_ERROR', // Jira or Confluence answered with an error
  'RATE_LIMITED', // Jira or Confluence kept answering 429 after the retries
  'CONFLUENCE_NOT_CONNECTED', // the app's installation is not connected to Confluence (optional app in manifest app.compatibility)
  'INTERNAL', // a bug: an unexpected exception, logged and hidden behind this code
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorDetails = Record<string, unknown>;

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: ErrorDetails;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    if (details !== undefined) this.details = details;
  }

  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: ErrorDetails) {
    super('VALIDATION_FAILED', message, details);
  }
}

/** A zod failure's issues as error details (`path` dotted, `message`): the first `max`, all when undefined. */
export function issueDetails(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }, max?: number): { path: string; message: string }[] {
  return error.issues.slice(0, max).map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/**
 * `value` as `schema` parses it, or VALIDATION_FAILED with `message`, `details` and the issues (the first
 * `maxIssues`): the one check of a domain invariant held by a schema.
 */
export function parseValid<S extends z.ZodType>(schema: S, value: unknown, message: string, options: { details?: ErrorDetails; maxIssues?: number } = {}): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError(message, { ...options.details, issues: issueDetails(parsed.error, options.maxIssues) });
  return parsed.data;
}

/** Why user-written JQL was refused (src/jira/jql.ts). */
export const JQL_REFUSAL_REASONS = [
  'too_long',
  'control_character',
  'unbalanced_quotes',
  'unbalanced_parentheses',
  'order_by',
  'dangling_operator',
] as const;
export type JqlRefusalReason = (typeof JQL_REFUSAL_REASONS)[number];

/** User JQL that is not one balanced expression the app can confine to the project (VALIDATION_FAILED). */
export class JqlRefusedError extends ValidationError {
  constructor(message: string, readonly reason: JqlRefusalReason) {
    super(message, { field: 'jql', reason, issues: [{ path: 'jql', message }] });
  }
}

export class ProjectMismatchError extends AppError {
  constructor(contextProject: string, payloadProject: string) {
    super(
      'PROJECT_MISMATCH',
      `This page belongs to project ${contextProject}; the request named project ${payloadProject}.`,
      { contextProject, payloadProject },
    );
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string, details?: ErrorDetails) {
    super('FORBIDDEN', message, details);
  }
}

/**
 * Only the sponsor named in the business case may approve it (FORBIDDEN): `details.reason` says whether no sponsor
 * is named yet ('no-sponsor') or the caller is someone else ('not-sponsor', with the sponsor's accountId).
 */
export class NotSponsorError extends ForbiddenError {
  constructor(message: string, details: { reason: 'no-sponsor' } | { reason: 'not-sponsor'; sponsor: string }) {
    super(message, details);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, details?: ErrorDetails) {
    super('NOT_FOUND', message, details);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details?: ErrorDetails) {
    super('CONFLICT', message, details);
  }
}

/** What a stale save collided with: the thing, the versions, and who saved the newer one when. */
export interface ConflictStamp {
  /** The thing saved, capitalised as at the start of a sentence ("The initiation", "These settings"). */
  what: string;
  expectedVersion: number;
  currentVersion: number;
  /** accountId of who saved the current version; null when the thing was removed. */
  updatedBy: string | null;
  updatedAt: string | null;
}

/** An ISO date-time as people read it in a message: `2026-03-01 09:30 UTC` (the value itself when unreadable). */
export function formatMessageTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The one CONFLICT message of a stale save: who saved (display name; "Someone" only while the name is not yet
 * known) and when, the versions, and that nothing was saved.
 */
export function versionConflictMessage(c: ConflictStamp, displayName?: string): string {
  if (c.updatedBy === null || c.updatedAt === null) {
    return `${c.what} was removed after you opened it (you had version ${c.expectedVersion}). Nothing was saved: reload and try again.`;
  }
  return `${displayName ?? 'Someone'} saved ${lowerFirst(c.what)} at ${formatMessageTime(c.updatedAt)} (version ${c.currentVersion}; you had version ${c.expectedVersion}). Nothing was saved: reload to see their changes, then make yours again.`;
}

/**
 * CONFLICT of a stale save. Storage raises it without a name (it cannot look names up); the resolver framework
 * (defineResolver) looks the display name up once and raises it again with the name (`named`).
 */
export class VersionConflictError extends ConflictError {
  constructor(
    readonly stamp: ConflictStamp,
    readonly displayName?: string,
  ) {
    super(versionConflictMessage(stamp, displayName), {
      expectedVersion: stamp.expectedVersion,
      currentVersion: stamp.currentVersion,
      updatedBy: stamp.updatedBy,
      updatedAt: stamp.updatedAt,
      ...(displayName !== undefined ? { updatedByName: displayName } : {}),
    });
  }

  named(displayName: string): VersionConflictError {
    return new VersionConflictError(this.stamp, displayName);
  }
}

export class LimitExceededError extends AppError {
  constructor(message: string, details?: ErrorDetails) {
    super('LIMIT_EXCEEDED', message, details);
  }
}

export class ConfigMissingError extends AppError {
  constructor(message: string, details?: ErrorDetails) {
    super('CONFIG_MISSING', message, details);
  }
}

/**
 * What an upstream failure (Jira, Confluence, the network) means for whoever meets it — the one classification,
 * used by the retries (src/platform/retry.ts, the job runner, the bulk writers) and carried to the UI in
 * `details.upstream`:
 * - transient: the network, 429, 500/502/503/504, a task still running — the same call can succeed later;
 * - permanent: any other answer the call cannot outwait (an odd 4xx, 501, a task that failed) — retrying repeats it;
 * - contract: a 2xx whose body does not have the documented shape — a bug or an API change, never retried.
 */
export type UpstreamKind = 'transient' | 'permanent' | 'contract';

/** HTTP statuses that a later attempt of the same call may not meet again. 0 stands for "no answer" (network). */
const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([0, 429, 500, 502, 503, 504]);

/** The kind of an HTTP status a product answered with (0: no answer). */
export function upstreamKindOfStatus(status: number): Exclude<UpstreamKind, 'contract'> {
  return TRANSIENT_STATUSES.has(status) ? 'transient' : 'permanent';
}

export class UpstreamError extends AppError {
  readonly kind: UpstreamKind;

  /** `kind`: see UpstreamKind; by default from `details.status` (no status: transient). */
  constructor(message: string, details?: ErrorDetails, kind?: UpstreamKind) {
    const status = typeof details?.status === 'number' ? details.status : 0;
    const k = kind ?? upstreamKindOfStatus(status);
    super('UPSTREAM_ERROR', message, { ...details, upstream: k });
    this.kind = k;
  }
}

/** What a product's refusal says, by HTTP status (401 says what 403 says; without a 413 text, 413 is upstream). */
export interface StatusErrorTexts {
  400: string;
  403: string;
  404: string;
  409: string;
  413?: string;
  /** Any other status: an UpstreamError, transient or permanent by the status. */
  other: string;
}

/** The one mapping of a product's non-2xx status to the AppError a user meets (the Jira and Confluence clients). */
export function statusError(status: number, details: ErrorDetails, texts: StatusErrorTexts): AppError {
  switch (status) {
    case 400:
      return new ValidationError(texts[400], details);
    case 401:
    case 403:
      return new ForbiddenError(texts[403], details);
    case 404:
      return new NotFoundError(texts[404], details);
    case 409:
      return new ConflictError(texts[409], details);
    case 413:
      if (texts[413] !== undefined) return new LimitExceededError(texts[413], details);
      break;
    default:
      break;
  }
  return new UpstreamError(texts.other, details);
}

/** The product sent a 2xx whose body is not what its API documents (never retried). */
export class ContractMismatchError extends UpstreamError {
  constructor(message: string, details?: ErrorDetails) {
    super(message, details, 'contract');
  }
}

export class RateLimitedError extends AppError {
  constructor(message: string, details?: ErrorDetails) {
    super('RATE_LIMITED', message, details);
  }
}

/**
 * Whether doing the same again later may succeed: rate limits and transient upstream failures, and any
 * exception that is not an AppError (an unexpected crash is retried by the queue, then left for Resume).
 * Every other AppError (refusals, missing settings, permanent or contract upstream failures) is final.
 */
export function isTransientError(e: unknown): boolean {
  if (!isAppError(e)) return true;
  if (e.code === 'RATE_LIMITED') return true;
  return e instanceof UpstreamError ? e.kind === 'transient' : false;
}

/** The one line the UI shows wherever it would publish, and the message of CONFLUENCE_NOT_CONNECTED. */
export const CONFLUENCE_NOT_CONNECTED_MESSAGE =
  "Confluence isn't connected to this Jira site — a site admin can connect it under Apps > Manage apps > SMS Navigator.";

/**
 * The app's installation is not connected to Confluence: Confluence is an optional app in the manifest's
 * `app.compatibility` and a site admin has not connected it (or the site has no Confluence). Nothing that
 * needs Confluence can finish; see docs/forge-facts.md for how Forge answers such a call.
 */
export class ConfluenceNotConnectedError extends AppError {
  constructor(details?: ErrorDetails) {
    super('CONFLUENCE_NOT_CONNECTED', CONFLUENCE_NOT_CONNECTED_MESSAGE, details);
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
