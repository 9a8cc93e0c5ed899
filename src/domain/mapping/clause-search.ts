/**
 * What a person can type to find a clause in a clause picker besides its number and title: the suggestion
 * model's own vocabulary (src/domain/mapping/clause-lexicon.ts: the names and terms of each clause), widened by
 * the lexicon's synonym groups ("SLA" finds "service level agreement" and the other way round). One vocabulary
 * for suggestions and search: nothing is restated here.
 */
import { CLAUSE_TERMS, SYNONYMS } from './clause-lexicon';

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Words and phrases that find `clauseId` in a search, lower case, without duplicates; [] for a clause without any. */
export function clauseSearchTerms(clauseId: string): string[] {
  const out = new Set<string>();
  for (const entry of CLAUSE_TERMS) {
    if (entry.clauseId !== clauseId) continue;
    for (const t of [...(entry.names ?? []), ...(entry.terms ?? [])]) out.add(norm(t));
  }
  for (const group of Object.values(SYNONYMS)) {
    if (group.some((g) => out.has(norm(g)))) for (const g of group) out.add(norm(g));
  }
  return [...out];
}
