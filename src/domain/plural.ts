/**
 * The one plural helper of the app (domain, report text, job messages and, through static/src/format/counts.ts,
 * the UI): "1 clause", "3 clauses", never "1 clauses" or "clause(s)".
 */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
