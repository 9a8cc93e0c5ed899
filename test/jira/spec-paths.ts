import type { RecordedRequest } from './fake-product-api';

/**
 * A cheap contract check: does each recorded request name a path, a (non-deprecated) method, query
 * parameters and top-level body properties that the official OpenAPI spec declares? One line per problem.
 */
interface OpenApiParam { name?: string; in?: string; $ref?: string }
interface OpenApiOperation { parameters?: OpenApiParam[]; requestBody?: unknown; deprecated?: boolean }
type OpenApiPathItem = Record<string, unknown> & { parameters?: OpenApiParam[] };
interface OpenApiSpec { paths: Record<string, OpenApiPathItem> }

function isSpec(x: unknown): x is OpenApiSpec {
  return typeof x === 'object' && x !== null && typeof (x as { paths?: unknown }).paths === 'object';
}

function deref(spec: unknown, node: unknown): unknown {
  let cur = node;
  for (let i = 0; i < 10 && typeof cur === 'object' && cur !== null && '$ref' in cur; i += 1) {
    const ref = String((cur as { $ref: unknown }).$ref);
    cur = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((acc, k) => (acc as Record<string, unknown> | undefined)?.[k], spec);
  }
  return cur;
}

/** Property names a schema declares (through $ref, allOf, oneOf, anyOf); undefined when it is open-ended. */
function declaredProperties(spec: unknown, schemaNode: unknown): Set<string> | undefined {
  const schema = deref(spec, schemaNode) as Record<string, unknown> | undefined;
  if (schema === undefined) return undefined;
  const out = new Set<string>();
  let any = false;
  if (schema.properties && typeof schema.properties === 'object') {
    any = true;
    for (const k of Object.keys(schema.properties)) out.add(k);
  }
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    const list = schema[key];
    if (Array.isArray(list)) {
      for (const s of list) {
        const inner = declaredProperties(spec, s);
        if (inner === undefined) return undefined;
        any = true;
        inner.forEach((p) => out.add(p));
      }
    }
  }
  return any ? out : undefined;
}

export function matchSpecPath(spec: { paths: Record<string, unknown> }, pathname: string): string | undefined {
  let best: { template: string; literals: number } | undefined;
  const segs = pathname.split('/');
  for (const template of Object.keys(spec.paths)) {
    const t = template.split('/');
    if (t.length !== segs.length) continue;
    let literals = 0;
    const ok = t.every((part, i) => {
      if (/^\{[^}]+\}$/.test(part)) return (segs[i] ?? '') !== '';
      if (part === segs[i]) {
        literals += 1;
        return true;
      }
      return false;
    });
    if (ok && (best === undefined || literals > best.literals)) best = { template, literals };
  }
  return best?.template;
}

export function specProblems(specRaw: unknown, requests: RecordedRequest[], prefix = ''): string[] {
  if (!isSpec(specRaw)) return ['spec has no paths'];
  const spec = specRaw;
  const problems: string[] = [];
  for (const req of requests) {
    const label = `${req.method} ${req.path}`;
    if (!req.pathname.startsWith(prefix)) {
      problems.push(`${label}: does not start with ${prefix}`);
      continue;
    }
    const template = matchSpecPath(spec, req.pathname.slice(prefix.length));
    if (template === undefined) {
      problems.push(`${label}: no such path in the spec`);
      continue;
    }
    const item = spec.paths[template] as OpenApiPathItem;
    const op = item[req.method.toLowerCase()] as OpenApiOperation | undefined;
    if (op === undefined) {
      problems.push(`${label}: ${template} has no ${req.method}`);
      continue;
    }
    if (op.deprecated === true) problems.push(`${label}: ${req.method} ${template} is deprecated`);
    const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => deref(spec, p) as OpenApiParam);
    const queryNames = new Set(params.filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of new Set(req.query.keys())) {
      if (!queryNames.has(name)) problems.push(`${label}: query parameter ${name} is not declared for ${template}`);
    }
    if (req.body !== undefined && typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body)) {
      const rb = deref(spec, op.requestBody) as { content?: Record<string, { schema?: unknown }> } | undefined;
      const schema = rb?.content?.['application/json']?.schema;
      const declared = declaredProperties(spec, schema);
      if (declared !== undefined) {
        for (const key of Object.keys(req.body)) {
          if (!declared.has(key)) problems.push(`${label}: body property ${key} is not declared for ${template}`);
        }
      }
    }
  }
  return problems;
}
