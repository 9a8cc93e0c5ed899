/**
 * A JQL subset: tokenizer, parser and compiler to a predicate + comparator over stored issues.
 * Supported: AND / OR / NOT with parentheses; = != ~ !~ > >= < <= IN, NOT IN, IS [NOT] EMPTY|NULL;
 * fields project, key/issuekey/id, issuetype/type, status, statusCategory, labels, component, text/summary/
 * description (~), parent, created/updated/resolved (also *Date forms), resolution (EMPTY / Unresolved),
 * assignee/reporter (accountId or currentUser()), priority, entity properties `issue.property[key].path` and the
 * search aliases of the app manifest (aliases read from manifest.yml); ORDER BY key, id, created, updated,
 * resolved, summary, priority, status, issuetype. Anything else is a JqlError (the REST layer answers 400).
 */
import { adfText } from '../seed/adf';
import { ENTITY_PROPERTY_ALIASES, STATUS_CATEGORIES, STATUSES, PRIORITIES, categoryOf, statusById } from './catalog';
import type { IssueRecord, IssueTypeRecord, ProjectRecord } from './records';

export class JqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JqlError';
  }
}

type Token =
  | { t: 'lp' | 'rp' | 'comma' }
  | { t: 'op'; v: string }
  | { t: 'str'; v: string }
  | { t: 'word'; v: string };

const WORD_STOP = new Set([' ', '\t', '\n', '\r', '(', ')', ',', '=', '!', '~', '<', '>', '"', "'"]);

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '(') {
      out.push({ t: 'lp' });
      i += 1;
    } else if (c === ')') {
      out.push({ t: 'rp' });
      i += 1;
    } else if (c === ',') {
      out.push({ t: 'comma' });
      i += 1;
    } else if ('=!~<>'.includes(c)) {
      const two = src.slice(i, i + 2);
      if (['!=', '!~', '>=', '<='].includes(two)) {
        out.push({ t: 'op', v: two });
        i += 2;
      } else if (c === '!') {
        throw new JqlError(`Error in the JQL Query: The character '!' is a reserved JQL character (at position ${i}).`);
      } else {
        out.push({ t: 'op', v: c });
        i += 1;
      }
    } else if (c === '"' || c === "'") {
      let v = '';
      let j = i + 1;
      let closed = false;
      while (j < src.length) {
        const d = src[j] as string;
        if (d === '\\') {
          const e = src[j + 1];
          if (e === undefined) break;
          if (e === 'n') v += '\n';
          else if (e === 't') v += '\t';
          else if (e === 'r') v += '\r';
          else if (e === 'u') {
            const hex = src.slice(j + 2, j + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JqlError(`Error in the JQL Query: Illegal unicode escape '\\u${hex}'.`);
            v += String.fromCharCode(parseInt(hex, 16));
            j += 4;
          } else v += e;
          j += 2;
        } else if (d === c) {
          closed = true;
          j += 1;
          break;
        } else {
          v += d;
          j += 1;
        }
      }
      if (!closed) throw new JqlError(`Error in the JQL Query: The quoted string starting at position ${i} is not closed.`);
      out.push({ t: 'str', v });
      i = j;
    } else {
      let j = i;
      let depth = 0;
      while (j < src.length) {
        const d = src[j] as string;
        if (d === '[') depth += 1;
        else if (d === ']') depth = Math.max(0, depth - 1);
        else if (depth === 0 && WORD_STOP.has(d)) break;
        j += 1;
      }
      out.push({ t: 'word', v: src.slice(i, j) });
      i = j;
    }
  }
  return out;
}

export type JqlValue = { kind: 'text'; v: string } | { kind: 'fn'; name: string; args: string[] };
export type Clause = {
  type: 'clause';
  field: string;
  op: '=' | '!=' | '~' | '!~' | '>' | '>=' | '<' | '<=' | 'in' | 'not in' | 'is' | 'is not';
  values: JqlValue[]; // empty for IS [NOT] EMPTY
};
export type Expr = { type: 'and' | 'or'; items: Expr[] } | { type: 'not'; item: Expr } | Clause;
export interface OrderItem {
  field: string;
  dir: 'asc' | 'desc';
}
export interface JqlQuery {
  where: Expr | null;
  orderBy: OrderItem[];
}

const kw = (tok: Token | undefined, word: string): boolean => tok?.t === 'word' && tok.v.toLowerCase() === word;

export function parseJql(src: string): JqlQuery {
  const toks = tokenize(src);
  let pos = 0;
  const peek = (): Token | undefined => toks[pos];
  const fail = (what: string): never => {
    const tok = peek();
    const near = tok ? (tok.t === 'word' || tok.t === 'str' || tok.t === 'op' ? tok.v : tok.t === 'lp' ? '(' : tok.t === 'rp' ? ')' : ',') : 'the end of the query';
    throw new JqlError(`Error in the JQL Query: Expecting ${what} but got '${near}'.`);
  };

  const parseValue = (): JqlValue => {
    const tok = peek();
    if (tok?.t === 'str') {
      pos += 1;
      return { kind: 'text', v: tok.v };
    }
    if (tok?.t === 'word') {
      pos += 1;
      if (peek()?.t === 'lp') {
        pos += 1;
        const args: string[] = [];
        while (peek() && peek()?.t !== 'rp') {
          const a = peek();
          if (a?.t === 'str' || a?.t === 'word') args.push(a.v);
          else if (a?.t !== 'comma') fail('a function argument');
          pos += 1;
        }
        if (peek()?.t !== 'rp') fail("')'");
        pos += 1;
        return { kind: 'fn', name: tok.v.toLowerCase(), args };
      }
      return { kind: 'text', v: tok.v };
    }
    return fail('a value');
  };

  const parseClause = (): Clause => {
    const f = peek();
    if (f?.t !== 'word' && f?.t !== 'str') return fail('a field name');
    const field = f.v;
    pos += 1;
    const o = peek();
    let op: Clause['op'];
    if (o?.t === 'op') {
      op = o.v as Clause['op'];
      pos += 1;
    } else if (kw(o, 'in')) {
      op = 'in';
      pos += 1;
    } else if (kw(o, 'not') && kw(toks[pos + 1], 'in')) {
      op = 'not in';
      pos += 2;
    } else if (kw(o, 'is')) {
      pos += 1;
      op = 'is';
      if (kw(peek(), 'not')) {
        op = 'is not';
        pos += 1;
      }
      if (!kw(peek(), 'empty') && !kw(peek(), 'null')) fail("'EMPTY' or 'NULL'");
      pos += 1;
      return { type: 'clause', field, op, values: [] };
    } else {
      return fail('an operator');
    }
    if (op === 'in' || op === 'not in') {
      if (peek()?.t !== 'lp') fail("'('");
      pos += 1;
      const values: JqlValue[] = [parseValue()];
      while (peek()?.t === 'comma') {
        pos += 1;
        values.push(parseValue());
      }
      if (peek()?.t !== 'rp') fail("')'");
      pos += 1;
      return { type: 'clause', field, op, values };
    }
    if (kw(peek(), 'empty') || kw(peek(), 'null')) {
      pos += 1;
      if (op === '=') return { type: 'clause', field, op: 'is', values: [] };
      if (op === '!=') return { type: 'clause', field, op: 'is not', values: [] };
      fail('a value');
    }
    return { type: 'clause', field, op, values: [parseValue()] };
  };

  const parsePrimary = (): Expr => {
    if (kw(peek(), 'not')) {
      pos += 1;
      return { type: 'not', item: parsePrimary() };
    }
    if (peek()?.t === 'lp') {
      pos += 1;
      const e = parseOr();
      if (peek()?.t !== 'rp') fail("')'");
      pos += 1;
      return e;
    }
    return parseClause();
  };
  const parseAnd = (): Expr => {
    const items = [parsePrimary()];
    while (kw(peek(), 'and')) {
      pos += 1;
      items.push(parsePrimary());
    }
    return items.length === 1 ? (items[0] as Expr) : { type: 'and', items };
  };
  function parseOr(): Expr {
    const items = [parseAnd()];
    while (kw(peek(), 'or')) {
      pos += 1;
      items.push(parseAnd());
    }
    return items.length === 1 ? (items[0] as Expr) : { type: 'or', items };
  }

  let where: Expr | null = null;
  if (peek() && !kw(peek(), 'order')) where = parseOr();
  const orderBy: OrderItem[] = [];
  if (kw(peek(), 'order')) {
    pos += 1;
    if (!kw(peek(), 'by')) fail("'by'");
    pos += 1;
    do {
      if (orderBy.length > 0) pos += 1; // comma
      const f = peek();
      if (f?.t !== 'word' && f?.t !== 'str') fail('a field to order by');
      pos += 1;
      let dir: 'asc' | 'desc' = 'asc';
      if (kw(peek(), 'asc') || kw(peek(), 'desc')) {
        dir = (peek() as { v: string }).v.toLowerCase() as 'asc' | 'desc';
        pos += 1;
      }
      orderBy.push({ field: (f as { v: string }).v, dir });
    } while (peek()?.t === 'comma');
  }
  if (pos < toks.length) fail("'AND', 'OR' or 'ORDER BY'");
  return { where, orderBy };
}

/** What the compiler needs to know about the site. */
export interface JqlContext {
  projects: readonly ProjectRecord[];
  issueTypes: readonly IssueTypeRecord[];
  issueById(id: string): IssueRecord | undefined;
  issueByKey(key: string): IssueRecord | undefined;
  currentAccountId: string | null;
  now: Date;
  /** Projects the caller may browse: a project value outside it is "does not exist", like Jira. */
  canBrowse(projectId: string): boolean;
}

export type Predicate = (issue: IssueRecord) => boolean;

const textCache = new WeakMap<IssueRecord, { summary: string; all: string }>();
function textOf(issue: IssueRecord): { summary: string; all: string } {
  let t = textCache.get(issue);
  if (!t) {
    const summary = issue.summary.toLowerCase();
    t = { summary, all: `${summary} ${adfText(issue.description).toLowerCase()} ${issue.labels.join(' ').toLowerCase()}` };
    textCache.set(issue, t);
  }
  return t;
}

const FIELD_ALIASES: Record<string, string> = {
  issuekey: 'key',
  type: 'issuetype',
  createddate: 'created',
  updateddate: 'updated',
  resolutiondate: 'resolved',
  resolved: 'resolved',
  component: 'component',
  components: 'component',
  statuscategory: 'statuscategory',
};

const textOfValue = (v: JqlValue, field: string): string => {
  if (v.kind === 'text') return v.v;
  throw new JqlError(`Error in the JQL Query: The function '${v.name}' is not supported for the field '${field}'.`);
};

function parseInstant(v: JqlValue, field: string, now: Date): number {
  if (v.kind === 'fn') {
    const d = new Date(now);
    switch (v.name) {
      case 'now':
        return d.getTime();
      case 'startofday':
        d.setUTCHours(0, 0, 0, 0);
        return d.getTime() + relativeMs(v.args[0] ?? '0d');
      case 'endofday':
        d.setUTCHours(23, 59, 59, 999);
        return d.getTime() + relativeMs(v.args[0] ?? '0d');
      default:
        throw new JqlError(`Error in the JQL Query: The function '${v.name}' is not supported for the field '${field}'.`);
    }
  }
  const s = v.v.trim();
  if (/^[-+]?\d+[wdhm]$/.test(s) || /^[-+]?(\d+[wdhm]\s*)+$/.test(s)) return now.getTime() + relativeMs(s);
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(s);
  if (m) {
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
  }
  throw new JqlError(
    `Date value '${s}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );
}

function relativeMs(s: string): number {
  const sign = s.trim().startsWith('-') ? -1 : 1;
  let total = 0;
  for (const m of s.matchAll(/(\d+)([wdhm])/g)) {
    const n = Number(m[1]);
    const unit = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000 }[m[2] as 'w' | 'd' | 'h' | 'm'];
    total += n * unit;
  }
  return sign * total;
}

function notSupported(op: string, field: string): never {
  throw new JqlError(`The operator '${op.toUpperCase()}' is not supported by the '${field}' field.`);
}

/** A set-valued field: = / in mean "contains any", != / not in mean "contains none". */
function setClause(c: Clause, field: string, get: (i: IssueRecord) => readonly string[], resolve: (v: string) => string[]): Predicate {
  if (c.op === 'is') return (i) => get(i).length === 0;
  if (c.op === 'is not') return (i) => get(i).length > 0;
  if (!['=', '!=', 'in', 'not in'].includes(c.op)) notSupported(c.op, field);
  const wanted = new Set(c.values.flatMap((v) => resolve(textOfValue(v, field))));
  const hit = (i: IssueRecord): boolean => get(i).some((x) => wanted.has(x));
  return c.op === '=' || c.op === 'in' ? hit : (i) => !hit(i);
}

/** A single-valued field (may be absent). */
function oneClause(c: Clause, field: string, get: (i: IssueRecord) => string | null, resolve: (v: JqlValue) => string[]): Predicate {
  return setClause(c, field, (i) => {
    const v = get(i);
    return v === null ? [] : [v];
  }, (s) => resolve({ kind: 'text', v: s }));
}

function dateClause(c: Clause, field: string, get: (i: IssueRecord) => string | null, now: Date): Predicate {
  if (c.op === 'is') return (i) => get(i) === null;
  if (c.op === 'is not') return (i) => get(i) !== null;
  if (c.op === 'in' || c.op === 'not in') {
    const ts = c.values.map((v) => parseInstant(v, field, now));
    return (i) => {
      const v = get(i);
      const has = v !== null && ts.includes(Date.parse(v));
      return c.op === 'in' ? has : !has;
    };
  }
  const t = parseInstant(c.values[0] as JqlValue, field, now);
  const cmp: Record<string, (a: number) => boolean> = {
    '=': (a) => a === t,
    '!=': (a) => a !== t,
    '>': (a) => a > t,
    '>=': (a) => a >= t,
    '<': (a) => a < t,
    '<=': (a) => a <= t,
  };
  const f = cmp[c.op] ?? notSupported(c.op, field);
  return (i) => {
    const v = get(i);
    return v !== null && f(Date.parse(v));
  };
}

function textClause(c: Clause, field: string, get: (i: IssueRecord) => string): Predicate {
  if (c.op !== '~' && c.op !== '!~') notSupported(c.op, field);
  const terms = textOfValue(c.values[0] as JqlValue, field)
    .toLowerCase()
    .split(/[^\p{L}\p{N}*.-]+/u)
    .map((t) => t.replace(/\*$/, ''))
    .filter((t) => t.length > 0);
  const hit = (i: IssueRecord): boolean => terms.every((t) => get(i).includes(t));
  return c.op === '~' ? hit : (i) => !hit(i);
}

function propertyValues(issue: IssueRecord, propertyKey: string, path: string): string[] {
  let cur: unknown = issue.properties[propertyKey];
  for (const part of path.split('.').filter((p) => p.length > 0)) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return [];
    cur = (cur as Record<string, unknown>)[part];
  }
  const list = Array.isArray(cur) ? cur : cur === undefined || cur === null ? [] : [cur];
  return list.filter((x) => ['string', 'number', 'boolean'].includes(typeof x)).map((x) => String(x));
}

function propertyClause(c: Clause, field: string, propertyKey: string, path: string): Predicate {
  const get = (i: IssueRecord): string[] => propertyValues(i, propertyKey, path);
  if (c.op === '~' || c.op === '!~') {
    return textClause(c, field, (i) => get(i).join(' ').toLowerCase());
  }
  if (['>', '>=', '<', '<='].includes(c.op)) {
    const t = Number(textOfValue(c.values[0] as JqlValue, field));
    return (i) =>
      get(i).some((v) => {
        const n = Number(v);
        return c.op === '>' ? n > t : c.op === '>=' ? n >= t : c.op === '<' ? n < t : n <= t;
      });
  }
  return setClause(c, field, get, (v) => [v]);
}

function compileClause(c: Clause, ctx: JqlContext): Predicate {
  const raw = c.field;
  const lower = raw.toLowerCase();
  const field = FIELD_ALIASES[lower] ?? lower;

  const prop = /^issue\.property\[([^\]]+)\]\.?(.*)$/i.exec(raw);
  if (prop) return propertyClause(c, raw, (prop[1] as string).trim(), prop[2] as string);
  const alias = ENTITY_PROPERTY_ALIASES[lower];
  if (alias) return propertyClause(c, raw, alias.propertyKey, alias.path);

  switch (field) {
    case 'project': {
      return oneClause(c, raw, (i) => i.projectId, (v) => {
        const s = textOfValue(v, raw);
        const p = ctx.projects.find((x) => x.id === s || x.key.toLowerCase() === s.toLowerCase() || x.name.toLowerCase() === s.toLowerCase());
        if (!p || !ctx.canBrowse(p.id)) throw new JqlError(`The value '${s}' does not exist for the field 'project'.`);
        return [p.id];
      });
    }
    case 'key':
    case 'id': {
      if (['>', '>=', '<', '<='].includes(c.op)) notSupported(c.op, raw);
      return oneClause(c, raw, (i) => i.id, (v) => {
        const s = textOfValue(v, raw);
        const hit = /^\d+$/.test(s) ? ctx.issueById(s) : ctx.issueByKey(s);
        if (!hit && !/^\d+$/.test(s) && !/^[A-Za-z][A-Za-z0-9_]*-\d+$/.test(s)) {
          throw new JqlError(`The issue key '${s}' for field '${raw}' is invalid.`);
        }
        return hit ? [hit.id] : [];
      });
    }
    case 'issuetype': {
      return oneClause(c, raw, (i) => i.issueTypeId, (v) => {
        const s = textOfValue(v, raw);
        const ids = ctx.issueTypes.filter((t) => t.id === s || t.name.toLowerCase() === s.toLowerCase()).map((t) => t.id);
        if (ids.length === 0) throw new JqlError(`The value '${s}' does not exist for the field '${raw}'.`);
        return ids;
      });
    }
    case 'status': {
      return oneClause(c, raw, (i) => i.statusId, (v) => {
        const s = textOfValue(v, raw);
        const ids = STATUSES.filter((x) => x.id === s || x.name.toLowerCase() === s.toLowerCase()).map((x) => x.id);
        if (ids.length === 0) throw new JqlError(`The value '${s}' does not exist for the field 'status'.`);
        return ids;
      });
    }
    case 'statuscategory': {
      return oneClause(c, raw, (i) => {
        const st = statusById(i.statusId);
        return st ? categoryOf(st).key : null;
      }, (v) => {
        const s = textOfValue(v, raw).toLowerCase();
        const cat = STATUS_CATEGORIES.find((x) => String(x.id) === s || x.key === s || x.name.toLowerCase() === s);
        if (!cat) throw new JqlError(`The value '${textOfValue(v, raw)}' does not exist for the field 'statusCategory'.`);
        return [cat.key];
      });
    }
    case 'priority': {
      return oneClause(c, raw, (i) => i.priorityId, (v) => {
        const s = textOfValue(v, raw);
        const p = PRIORITIES.find((x) => x.id === s || x.name.toLowerCase() === s.toLowerCase());
        if (!p) throw new JqlError(`The value '${s}' does not exist for the field 'priority'.`);
        return [p.id];
      });
    }
    case 'labels':
      return setClause(c, raw, (i) => i.labels, (v) => [v]);
    case 'component': {
      const names = (i: IssueRecord): string[] => {
        const p = ctx.projects.find((x) => x.id === i.projectId);
        return i.componentIds.map((id) => p?.components.find((k) => k.id === id)?.name.toLowerCase() ?? id);
      };
      return setClause(c, raw, names, (v) => [v.toLowerCase()]);
    }
    case 'parent': {
      return oneClause(c, raw, (i) => i.parentId, (v) => {
        const s = textOfValue(v, raw);
        const hit = /^\d+$/.test(s) ? ctx.issueById(s) : ctx.issueByKey(s);
        return hit ? [hit.id] : [];
      });
    }
    case 'assignee':
    case 'reporter': {
      const get = (i: IssueRecord): string | null => (field === 'assignee' ? i.assigneeId : i.reporterId);
      return oneClause(c, raw, get, (v) => {
        if (v.kind === 'fn') {
          if (v.name !== 'currentuser') throw new JqlError(`Error in the JQL Query: The function '${v.name}' is not supported for the field '${raw}'.`);
          return ctx.currentAccountId ? [ctx.currentAccountId] : [];
        }
        return [v.v];
      });
    }
    case 'resolution': {
      if (c.op === 'is' || c.op === 'is not') return dateClause(c, raw, (i) => i.resolutiondate, ctx.now);
      const wantsUnresolved = c.values.every((v) => v.kind === 'text' && v.v.toLowerCase() === 'unresolved');
      if (!wantsUnresolved) throw new JqlError(`Error in the JQL Query: only 'Unresolved' or EMPTY is supported for the field 'resolution' here.`);
      if (c.op === '=' || c.op === 'in') return (i) => i.resolutiondate === null;
      if (c.op === '!=' || c.op === 'not in') return (i) => i.resolutiondate !== null;
      return notSupported(c.op, raw);
    }
    case 'created':
      return dateClause(c, raw, (i) => i.created, ctx.now);
    case 'updated':
      return dateClause(c, raw, (i) => i.updated, ctx.now);
    case 'resolved':
      return dateClause(c, raw, (i) => i.resolutiondate, ctx.now);
    case 'text':
      return textClause(c, raw, (i) => textOf(i).all);
    case 'summary':
      return textClause(c, raw, (i) => textOf(i).summary);
    case 'description':
      return textClause(c, raw, (i) => adfText(i.description).toLowerCase());
    default:
      throw new JqlError(`Field '${raw}' does not exist or you do not have permission to view it.`);
  }
}

export function compileWhere(e: Expr, ctx: JqlContext): Predicate {
  switch (e.type) {
    case 'and': {
      const ps = e.items.map((x) => compileWhere(x, ctx));
      return (i) => ps.every((p) => p(i));
    }
    case 'or': {
      const ps = e.items.map((x) => compileWhere(x, ctx));
      return (i) => ps.some((p) => p(i));
    }
    case 'not': {
      const p = compileWhere(e.item, ctx);
      return (i) => !p(i);
    }
    case 'clause':
      return compileClause(e, ctx);
  }
}

const keyParts = (key: string): [string, number] => {
  const dash = key.lastIndexOf('-');
  return [key.slice(0, dash), Number(key.slice(dash + 1))];
};
export function compareKeys(a: string, b: string): number {
  const [pa, na] = keyParts(a);
  const [pb, nb] = keyParts(b);
  return pa < pb ? -1 : pa > pb ? 1 : na - nb;
}

export function compileOrder(order: readonly OrderItem[]): (a: IssueRecord, b: IssueRecord) => number {
  const items = order.length > 0 ? order : [{ field: 'created', dir: 'desc' as const }];
  const cmps = items.map((o) => {
    const f = FIELD_ALIASES[o.field.toLowerCase()] ?? o.field.toLowerCase();
    let cmp: (a: IssueRecord, b: IssueRecord) => number;
    const str = (g: (i: IssueRecord) => string | null) => (a: IssueRecord, b: IssueRecord): number => {
      const x = g(a);
      const y = g(b);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return x < y ? -1 : 1;
    };
    switch (f) {
      case 'key':
        cmp = (a, b) => compareKeys(a.key, b.key);
        break;
      case 'id':
        cmp = (a, b) => Number(a.id) - Number(b.id);
        break;
      case 'created':
        cmp = str((i) => i.created);
        break;
      case 'updated':
        cmp = str((i) => i.updated);
        break;
      case 'resolved':
        cmp = str((i) => i.resolutiondate);
        break;
      case 'summary':
        cmp = str((i) => i.summary.toLowerCase());
        break;
      case 'priority':
        cmp = (a, b) => Number(a.priorityId) - Number(b.priorityId);
        break;
      case 'status':
        cmp = str((i) => statusById(i.statusId)?.name ?? null);
        break;
      case 'issuetype':
        cmp = str((i) => i.issueTypeId);
        break;
      default:
        throw new JqlError(`Not able to sort using field '${o.field}'.`);
    }
    return o.dir === 'desc' ? (a: IssueRecord, b: IssueRecord) => -cmp(a, b) : cmp;
  });
  return (a, b) => {
    for (const c of cmps) {
      const r = c(a, b);
      if (r !== 0) return r;
    }
    return Number(b.id) - Number(a.id);
  };
}
