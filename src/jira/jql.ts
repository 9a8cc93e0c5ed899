/**
 * The one place user-written JQL (KPI queries, bulk-mapping selections, any other) is confined to the project
 * of the trusted context. The JQL is read far enough to know it is ONE balanced expression: quotes closed,
 * parentheses balanced and never closed before they are opened (`a) OR (project = OPS` is refused), no
 * ORDER BY, no control characters, no dangling boolean operator. Only then is it wrapped as
 * `project = "KEY" AND (…)`. Anything else is refused with JqlRefusedError (VALIDATION_FAILED, details.reason).
 *
 * Values the app writes into JQL itself go through escapeJqlString (defined once, in the pure domain).
 */
import { JqlRefusedError, type JqlRefusalReason, isAppError } from '../domain/errors';
import { escapeJqlString } from '../domain/jql-value';

export { escapeJqlString };

/** Longest user JQL accepted (Jira's own limit is far higher; nobody types more than this). */
export const USER_JQL_MAX = 2_000;

const REASON_TEXT: Readonly<Record<JqlRefusalReason, string>> = {
  too_long: `The JQL is longer than ${USER_JQL_MAX} characters.`,
  control_character: 'The JQL contains a control character (such as a line break or NUL).',
  unbalanced_quotes: 'The JQL has a quote that is never closed.',
  unbalanced_parentheses: 'The JQL has parentheses that do not balance (a ")" before its "(", or a "(" never closed).',
  order_by: 'The JQL has an ORDER BY: the app decides the order; remove it.',
  dangling_operator: 'The JQL starts or ends with AND, OR or NOT: it is not one complete condition.',
};

const refuse = (reason: JqlRefusalReason): never => {
  throw new JqlRefusedError(REASON_TEXT[reason], reason);
};

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;
const WORD_CHAR = /[A-Za-z0-9_.]/;

/**
 * Checks that `jql` is one balanced JQL expression (see the module comment) and returns it trimmed, with line
 * breaks and tabs turned into spaces. Throws JqlRefusedError naming the reason.
 */
export function parseUserJql(jql: string): string {
  if (jql.length > USER_JQL_MAX) refuse('too_long');
  if (CONTROL.test(jql)) refuse('control_character');
  const text = jql.replace(/[\t\r\n]/g, ' ').trim();
  let depth = 0;
  let quote: string | null = null;
  /** Unquoted words at depth ≥ 0, in order, to find ORDER BY and dangling operators. */
  const words: string[] = [];
  let word = '';
  const endWord = (): void => {
    if (word !== '') words.push(word.toUpperCase());
    word = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quote !== null) {
      if (ch === '\\') {
        if (i + 1 >= text.length) refuse('unbalanced_quotes');
        i += 1;
      } else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") {
      endWord();
      words.push('<literal>');
      quote = ch;
    } else if (ch === '(') {
      endWord();
      words.push('(');
      depth += 1;
    } else if (ch === ')') {
      endWord();
      words.push(')');
      depth -= 1;
      if (depth < 0) refuse('unbalanced_parentheses');
    } else if (WORD_CHAR.test(ch)) word += ch;
    else {
      endWord();
      if (ch !== ' ') words.push(ch);
    }
  }
  endWord();
  if (quote !== null) refuse('unbalanced_quotes');
  if (depth !== 0) refuse('unbalanced_parentheses');
  for (let i = 0; i + 1 < words.length; i += 1) if (words[i] === 'ORDER' && words[i + 1] === 'BY') refuse('order_by');
  const first = words[0];
  const last = words[words.length - 1];
  if (first === 'AND' || first === 'OR' || last === 'AND' || last === 'OR' || last === 'NOT') refuse('dangling_operator');
  return text;
}

/**
 * The user's JQL confined to the project: `project = "KEY" AND (jql)`, or only the project clause when the
 * JQL is empty. Refused (JqlRefusedError) unless it is one balanced expression without ORDER BY.
 */
export function confineUserJql(projectKey: string, jql: string): string {
  const inner = parseUserJql(jql);
  const project = `project = ${escapeJqlString(projectKey)}`;
  return inner === '' ? project : `${project} AND (${inner})`;
}

/** confineUserJql, or null when the JQL is refused (a stored KPI query shown as a link only when it is valid). */
export function confinedJqlOrNull(projectKey: string, jql: string): string | null {
  try {
    return confineUserJql(projectKey, jql);
  } catch (e) {
    if (isAppError(e) && e.code === 'VALIDATION_FAILED') return null;
    throw e;
  }
}
