import type { ClauseOption } from '@contract/mapping';

/** One clause in a clause picker: its id, "8.3.3 Service level management", and its search terms (ClauseOption.terms). */
export interface ClauseChoice {
  value: string;
  label: string;
  terms: readonly string[];
}

export interface ClauseChoiceGroup {
  label: string;
  options: ClauseChoice[];
}

/** Clause options grouped under their top-level clause ("8 Operation of the SMS"), in clause order. */
export function groupClauses(clauses: readonly ClauseOption[], exclude: ReadonlySet<string> = new Set()): ClauseChoiceGroup[] {
  const tops = new Map<string, ClauseChoiceGroup>();
  for (const c of clauses) {
    if (c.depth === 1) tops.set(c.id, { label: `${c.id} ${c.title}`, options: [] });
  }
  for (const c of clauses) {
    if (exclude.has(c.id)) continue;
    const group = tops.get(c.topId);
    group?.options.push({ value: c.id, label: `${c.id} ${c.title}`, terms: c.terms });
  }
  return [...tops.values()].filter((g) => g.options.length > 0);
}

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Whether `text` has a word starting with `q` ("8.6" starts "8.6.1"; "manage" starts "management"; "sla" starts no word of "translate"). */
function hasWordStarting(text: string, q: string): boolean {
  if (text.startsWith(q)) return true;
  let at = text.indexOf(q, 1);
  while (at > 0) {
    if (!/[a-z0-9.]/.test(text.charAt(at - 1))) return true;
    at = text.indexOf(q, at + 1);
  }
  return false;
}

/**
 * Whether a clause option matches what was typed: at the start of a word of its number and title ("8.6" finds
 * 8.6.1, "incid" finds "Incident management") or of the suggestion vocabulary with synonyms the server sends as
 * `terms` ("SLA", "known error", "KPI"); several words must each match. Word starts, not any substring: "SLA" must
 * not find 5.2.2 through "translate".
 */
export function optionMatches(o: Pick<ClauseChoice, 'label' | 'terms'>, input: string): boolean {
  const q = norm(input);
  if (q === '') return true;
  const label = norm(o.label);
  if (hasWordStarting(label, q) || o.terms.some((t) => hasWordStarting(t, q))) return true;
  return q.split(' ').every((w) => hasWordStarting(label, w) || o.terms.some((t) => hasWordStarting(t, w)));
}
