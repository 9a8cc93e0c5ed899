/**
 * One error type for the whole app. Every failure a user can meet carries a machine `code` from this
 * closed list, a readable `message`, and optional JSON `details` (field paths, Jira's per-item messages…).
 * Resolvers turn an AppError into `{ ok: false, error }`; anything else reaching them is a bug.
 */
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

export class UpstreamError extends AppError {
  constructor(message: string, details?: ErrorDetails) {
    super('UPSTREAM_ERROR', message, details);
  }
}

export class RateLimitedError extends AppError {
  constructor(message: string, details?: ErrorDetails) {
    super('RATE_LIMITED', message, details);
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
