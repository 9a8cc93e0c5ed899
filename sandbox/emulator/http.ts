import type { SandboxUser } from '../seed/users';

/** Who is calling: a sandbox user (asUser) or the app itself (asApp). */
export type Identity = { kind: 'user'; user: SandboxUser } | { kind: 'app' };

export const APP_ACCOUNT_ID = '557058:sandbox-app-sms-navigator';

export interface ApiRequest {
  method: string;
  /** Full path without query, e.g. /rest/api/3/issue/SMS-1. */
  path: string;
  params: Record<string, string>;
  /** Query values as strings (a repeated parameter is joined with commas). */
  query: Record<string, string>;
  body: unknown;
  identity: Identity;
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (req: ApiRequest) => ApiResponse | Promise<ApiResponse>;

/** Thrown by handlers; the body is already in the product's error shape. */
export class HttpError extends Error {
  constructor(readonly status: number, readonly body: unknown, readonly headers: Record<string, string> = {}) {
    super(`HTTP ${status}`);
  }
}

/** Jira's error body: { errorMessages, errors }. */
export function jiraError(status: number, messages: string[] | string, errors: Record<string, string> = {}): HttpError {
  return new HttpError(status, { errorMessages: Array.isArray(messages) ? messages : [messages], errors });
}

/** Confluence v2's error body: { errors: [{ status, code, title, detail }] }. */
export function confluenceError(status: number, title: string, detail?: string): HttpError {
  const code = { 400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE' }[status] ?? 'ERROR';
  return new HttpError(status, { errors: [{ status, code, title, ...(detail ? { detail } : {}) }] });
}

interface Route {
  method: string;
  segments: string[];
  literalCount: number;
  pattern: string;
  handler: Handler;
}

/** Minimal path router: `{name}` segments are parameters; literal segments win over parameters. */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): void {
    const segments = pattern.split('/').filter((s) => s.length > 0);
    this.routes.push({ method, segments, literalCount: segments.filter((s) => !s.startsWith('{')).length, pattern, handler });
  }

  match(method: string, path: string): { handler: Handler; params: Record<string, string>; pattern: string } | { methodNotAllowed: true } | undefined {
    const parts = path.split('/').filter((s) => s.length > 0);
    let best: { route: Route; params: Record<string, string> } | undefined;
    let pathMatched = false;
    for (const route of this.routes) {
      if (route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length; i += 1) {
        const seg = route.segments[i] as string;
        const part = parts[i] as string;
        if (seg.startsWith('{')) {
          let decoded: string;
          try {
            decoded = decodeURIComponent(part);
          } catch {
            ok = false;
            break;
          }
          params[seg.slice(1, -1)] = decoded;
        } else if (seg !== part) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      if (!best || route.literalCount > best.route.literalCount) best = { route, params };
    }
    if (best) return { handler: best.route.handler, params: best.params, pattern: best.route.pattern };
    return pathMatched ? { methodNotAllowed: true } : undefined;
  }
}
