/**
 * The one way the app writes a value into JQL (pure, so the report's links and every Jira search share it;
 * src/jira/jql.ts re-exports it next to the confinement of user JQL).
 */

/** Control characters (C0, DEL, C1) and the Unicode line/paragraph separators: never part of a JQL value. */
const JQL_CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * A JQL string literal: always double-quoted, backslashes and double quotes escaped, control characters
 * (newlines, tabs, NUL…) removed. Safe to splice into JQL: `x" OR project = OTHER` stays one literal.
 */
export function escapeJqlString(value: string): string {
  const cleaned = value.replace(JQL_CONTROL_CHARACTERS, '');
  return `"${cleaned.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
