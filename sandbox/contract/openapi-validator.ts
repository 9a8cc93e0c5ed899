import type { Document, OpenAPIBackend, Operation } from 'openapi-backend';
import { loadSpec, specsDir } from '../specs';
import type { TrafficEntry } from '../emulator/traffic-log';

/**
 * Validates product traffic (the emulator's traffic log, or the app's own calls) against the official Jira v3
 * and Confluence v2 OpenAPI specs with openapi-backend (`quick: true`). For each entry: the request (path and
 * query parameters, JSON body) always; the response body when the status is 2xx and a JSON schema exists for it.
 * Confluence paths in its spec are relative to /wiki/api/v2; its page body `oneOf` (two open object shapes, so
 * every body matches both) is relaxed to `anyOf`; Jira's `JsonNode` (Jackson's class, used for free JSON such as
 * entity property values) is relaxed to any JSON.
 *
 * openapi-backend pulls in an ESM-only package; jest.config.js compiles it to CommonJS for the tests.
 */
export interface TrafficViolation {
  index: number;
  kind: 'request' | 'response' | 'unknown-operation';
  method: string;
  path: string;
  operationId?: string;
  errors: string[];
}

export interface TrafficReport {
  checked: number;
  requestsValidated: number;
  responsesValidated: number;
  /** Entries skipped: connection resets (status 0). */
  skipped: number;
  invalid: TrafficViolation[];
}

type Product = 'jira' | 'confluence';
interface Backend {
  api: OpenAPIBackend;
  prefix: string;
}

const CONFLUENCE_PREFIX = '/wiki/api/v2';

function relaxConfluence(spec: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(spec)) as unknown;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    const one = obj.oneOf;
    if (
      Array.isArray(one) &&
      one.every((s) => typeof s === 'object' && s !== null && typeof (s as { $ref?: unknown }).$ref === 'string' && /Page(Nested)?BodyWrite|BodyWrite/.test((s as { $ref: string }).$ref))
    ) {
      obj.anyOf = one;
      delete obj.oneOf;
    }
    Object.values(obj).forEach(walk);
  };
  walk(copy);
  return copy;
}

/** Jira describes free JSON values (entity properties) with Jackson's JsonNode class shape: any JSON is allowed. */
function relaxJira(spec: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(spec)) as { components?: { schemas?: Record<string, unknown> } };
  if (copy.components?.schemas?.JsonNode) copy.components.schemas.JsonNode = {};
  return copy;
}

const FORMATS: Record<string, (s: string) => boolean> = {
  uri: (s) => {
    try {
      return new URL(s).protocol.length > 0;
    } catch {
      return false;
    }
  },
  'date-time': (s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(s) && !Number.isNaN(Date.parse(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))),
  date: (s) => /^\d{4}-\d{2}-\d{2}$/.test(s),
  uuid: (s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s),
};
const LENIENT_FORMATS = ['byte', 'binary', 'double', 'float', 'email', 'password', 'string', 'url', 'uri-reference'];

type AjvLike = { addFormat(name: string, f: ((s: string) => boolean) | true): unknown };

const backends = new Map<string, Promise<Record<Product, Backend>>>();

type OpenApiBackendModule = { default: typeof OpenAPIBackend };

/** Loads openapi-backend lazily (it cannot be required inside Jest; see validateTraffic). */
function loadOpenApiBackend(): typeof OpenAPIBackend {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose: the require may fail under Jest
  return (require('openapi-backend') as OpenApiBackendModule).default;
}

async function loadBackends(dir: string): Promise<Record<Product, Backend>> {
  const Backend = loadOpenApiBackend();
  const make = async (definition: unknown, prefix: string): Promise<Backend> => {
    const api = new Backend({
      definition: definition as Document,
      quick: true,
      validate: true,
      strict: false,
      ajvOpts: { logger: false },
      customizeAjv: (ajv) => {
        const a = ajv as unknown as AjvLike;
        for (const [name, check] of Object.entries(FORMATS)) a.addFormat(name, check);
        for (const name of LENIENT_FORMATS) a.addFormat(name, true);
        return ajv;
      },
    });
    await api.init();
    return { api, prefix };
  };
  const [jira, confluence] = await Promise.all([make(relaxJira(loadSpec('jira', dir)), ''), make(relaxConfluence(loadSpec('confluence', dir)), CONFLUENCE_PREFIX)]);
  return { jira, confluence };
}

function backendsFor(dir: string): Promise<Record<Product, Backend>> {
  let b = backends.get(dir);
  if (!b) {
    b = loadBackends(dir);
    b.catch(() => backends.delete(dir));
    backends.set(dir, b);
  }
  return b;
}

/** Array-typed query parameters arrive as comma-joined strings in the log: split them back for validation. */
function queryFor(op: Operation, query: Record<string, string>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = { ...query };
  for (const p of (op.parameters ?? []) as { in?: string; name?: string; schema?: { type?: string } }[]) {
    if (p.in === 'query' && p.name && p.schema?.type === 'array' && typeof query[p.name] === 'string') {
      out[p.name] = (query[p.name] as string).split(',');
    }
  }
  return out;
}

const fmt = (errors: unknown): string[] =>
  (Array.isArray(errors) ? errors : []).map((e: { instancePath?: string; message?: string; params?: unknown }) =>
    `${e.instancePath || '/'} ${e.message ?? 'invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`,
  );

export interface TrafficValidator {
  validate(entry: TrafficEntry, index?: number): TrafficViolation[];
}

/** Builds a validator over the specs in `dir` (default: specsDir()). */
export async function createTrafficValidator(dir: string = specsDir()): Promise<TrafficValidator> {
  const b = await backendsFor(dir);
  return {
    validate(entry: TrafficEntry, index = 0): TrafficViolation[] {
      const product: Product = entry.path.startsWith(CONFLUENCE_PREFIX) ? 'confluence' : 'jira';
      const { api, prefix } = b[product];
      const path = entry.path.slice(prefix.length) || '/';
      const method = entry.method.toLowerCase();
      const base = { index, method: entry.method, path: entry.path };
      const op = api.router.matchOperation({ method, path, headers: {} });
      if (!op) return [{ ...base, kind: 'unknown-operation', errors: [`No operation ${entry.method} ${entry.path} in the ${product} spec.`] }];
      const out: TrafficViolation[] = [];
      const hasBody = entry.requestBody !== null && entry.requestBody !== undefined;
      const req = {
        method,
        path,
        query: queryFor(op, entry.query),
        headers: (hasBody ? { 'content-type': 'application/json' } : {}) as Record<string, string>,
        ...(hasBody ? { body: entry.requestBody as object } : {}),
      };
      const rq = api.validator.validateRequest(req, op);
      if (!rq.valid) out.push({ ...base, kind: 'request', operationId: op.operationId, errors: fmt(rq.errors) });
      if (entry.status >= 200 && entry.status < 300 && entry.responseBody !== null && entry.responseBody !== undefined) {
        const rs = api.validator.validateResponse(entry.responseBody, op, entry.status);
        if (!rs.valid) out.push({ ...base, kind: 'response', operationId: op.operationId, errors: fmt(rs.errors) });
      }
      return out;
    },
  };
}

/** Validates every entry; zero `invalid` means the traffic matches the official specs. */
export async function validateTraffic(entries: readonly TrafficEntry[], opts: { specsDir?: string } = {}): Promise<TrafficReport> {
  const dir = opts.specsDir ?? specsDir();
  const v = await createTrafficValidator(dir);
  const report: TrafficReport = { checked: 0, requestsValidated: 0, responsesValidated: 0, skipped: 0, invalid: [] };
  entries.forEach((entry, i) => {
    if (entry.status === 0) {
      report.skipped += 1;
      return;
    }
    report.checked += 1;
    report.requestsValidated += 1;
    if (entry.status >= 200 && entry.status < 300 && entry.responseBody !== null && entry.responseBody !== undefined) report.responsesValidated += 1;
    report.invalid.push(...v.validate(entry, i));
  });
  return report;
}

/** One line per violation, for test failure messages. */
export function formatViolations(invalid: readonly TrafficViolation[]): string {
  return invalid.map((v) => `#${v.index} ${v.kind} ${v.method} ${v.path} (${v.operationId ?? '?'}): ${v.errors.join('; ')}`).join('\n');
}
