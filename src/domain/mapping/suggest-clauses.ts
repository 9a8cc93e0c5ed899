/**
 * Suggests ISO/IEC 20000-1:2018 clauses for a Jira issue from its own text, using the data in clause-lexicon.ts.
 *
 * How a score is built (all transparent, no remote service):
 * 1. summary, description, labels and components are tokenised (tokenise.ts) and synonyms are replaced by
 *    their canonical key;
 * 2. the token stream is matched greedily against the lexicon, longest phrase first, so a phrase that names a
 *    clause ("security incident") is not also counted as its parts;
 * 3. each match adds weight x field weight to its clauses (summary 2, labels 2, components 1.5, description 1);
 *    a phrase seen again adds a quarter of its value per repeat, at most twice; negative weights subtract;
 * 4. the issue type adds a prior (Incident -> 8.6.1, Problem -> 8.6.3 …);
 * 5. clauses under MIN_SCORE are dropped; the rest are sorted by score, ties in clause order.
 * The lexicon is compiled once, at module load, into tries keyed by token.
 */
import { compareClauseIds, getClause } from '../catalogue/catalogue';
import { CLAUSE_TERMS, ISSUE_TYPE_PRIORS, SYNONYMS, type IssueTypePrior, type LexiconEntry } from './clause-lexicon';
import { tokenise, type Token } from './tokenise';

export interface SuggestInput {
  summary: string;
  /** Plain text (see adfToPlainText for ADF). */
  description?: string;
  issueType?: string;
  labels?: string[];
  components?: string[];
}

export interface SuggestOptions {
  /** How many suggestions at most (default 5). */
  limit?: number;
  /** Clause ids never to suggest (e.g. those already mapped or rejected). */
  exclude?: string[];
}

export interface ClauseSuggestion {
  clauseId: string;
  score: number;
  /** Words and phrases, as written in the issue, that led to the suggestion (strongest first). */
  reasons: string[];
}

export const DEFAULT_SUGGESTION_LIMIT = 5;
/** Clauses scoring less than this are not suggested. */
export const MIN_SCORE = 2;

const FIELD_WEIGHT = { summary: 2, description: 1, label: 2, component: 1.5 } as const;
const REPEAT_BONUS = 0.25;
const MAX_REPEATS = 2;
const MAX_REASONS = 5;
const CAP = { summary: 1_000, description: 20_000, listItems: 50, listItem: 255 } as const;

// ---------------------------------------------------------------------------------------------------------
// Compilation (once, at module load)

interface Hit {
  clause: number;
  weight: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Set on the node that ends a lexicon phrase. */
  phrase: { key: string; hits: Hit[] } | null;
}

interface SynonymNode {
  next: Map<string, SynonymNode>;
  canonical: string | null;
}

function newTrieNode(): TrieNode {
  return { next: new Map(), phrase: null };
}

function compileSynonyms(table: Readonly<Record<string, readonly string[]>>): SynonymNode {
  const root: SynonymNode = { next: new Map(), canonical: null };
  for (const [canonical, variants] of Object.entries(table)) {
    for (const variant of [canonical, ...variants]) {
      const terms = tokenise(variant).map((t) => t.term);
      if (terms.length === 0) throw new Error(`Synonym variant "${variant}" (${canonical}) has no words.`);
      let node = root;
      for (const term of terms) {
        let child = node.next.get(term);
        if (!child) {
          child = { next: new Map(), canonical: null };
          node.next.set(term, child);
        }
        node = child;
      }
      if (node.canonical !== null && node.canonical !== canonical) {
        throw new Error(`Synonym variant "${variant}" belongs to both "${node.canonical}" and "${canonical}".`);
      }
      node.canonical = canonical;
    }
  }
  return root;
}

const SYNONYM_TRIE = compileSynonyms(SYNONYMS);

/** Replaces each synonym variant (longest first) by one token "#<canonical>" spanning the variant. */
function applySynonyms(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    let node: SynonymNode | undefined = SYNONYM_TRIE;
    let best: { canonical: string; end: number } | null = null;
    for (let j = i; j < tokens.length && node; j += 1) {
      node = node.next.get((tokens[j] as Token).term);
      if (node?.canonical != null) best = { canonical: node.canonical, end: j };
    }
    const first = tokens[i] as Token;
    if (best) {
      out.push({ term: `#${best.canonical}`, start: first.start, end: (tokens[best.end] as Token).end });
      i = best.end + 1;
    } else {
      out.push(first);
      i += 1;
    }
  }
  return out;
}

/** Normalised token stream of a text: words, stems, synonyms. */
export function normaliseText(text: string): Token[] {
  return applySynonyms(tokenise(text));
}

interface CompiledLexicon {
  clauseIds: string[];
  trie: TrieNode;
  priors: { terms: string[]; hits: Hit[] }[];
}

function phraseTerms(phrase: string, where: string): string[] {
  const terms = normaliseText(phrase).map((t) => t.term);
  if (terms.length === 0) throw new Error(`${where}: "${phrase}" has no words after normalisation.`);
  return terms;
}

function compileLexicon(entries: readonly LexiconEntry[], priors: readonly IssueTypePrior[]): CompiledLexicon {
  const ids = new Set<string>();
  const addId = (id: string, where: string): void => {
    const clause = getClause(id);
    if (!clause) throw new Error(`${where}: ${id} is not a clause of ISO/IEC 20000-1:2018.`);
    if (!clause.assessable) throw new Error(`${where}: ${id} is a heading; suggest its subclauses instead.`);
    ids.add(id);
  };
  for (const e of entries) addId(e.clauseId, 'Clause lexicon');
  for (const p of priors) for (const id of Object.keys(p.weights)) addId(id, `Issue type prior "${p.type}"`);

  const clauseIds = [...ids].sort(compareClauseIds);
  const index = new Map(clauseIds.map((id, i) => [id, i]));
  const idx = (id: string): number => index.get(id) as number;

  const trie = newTrieNode();
  for (const entry of entries) {
    for (const [phrase, weight] of Object.entries(entry.terms)) {
      if (!Number.isFinite(weight) || weight === 0) throw new Error(`Clause ${entry.clauseId}: bad weight for "${phrase}".`);
      const terms = phraseTerms(phrase, `Clause ${entry.clauseId}`);
      let node = trie;
      for (const term of terms) {
        let child = node.next.get(term);
        if (!child) {
          child = newTrieNode();
          node.next.set(term, child);
        }
        node = child;
      }
      node.phrase ??= { key: terms.join(' '), hits: [] };
      const clause = idx(entry.clauseId);
      const existing = node.phrase.hits.find((h) => h.clause === clause);
      if (existing) existing.weight = Math.max(existing.weight, weight);
      else node.phrase.hits.push({ clause, weight });
    }
  }

  const compiledPriors = priors.map((p) => ({
    terms: phraseTerms(p.type, 'Issue type prior'),
    hits: Object.entries(p.weights).map(([id, weight]) => ({ clause: idx(id), weight })),
  }));
  return { clauseIds, trie, priors: compiledPriors };
}

const LEXICON = compileLexicon(CLAUSE_TERMS, ISSUE_TYPE_PRIORS);

/** Every clause id the model can suggest, in clause order. */
export const SUGGESTABLE_CLAUSE_IDS: readonly string[] = Object.freeze([...LEXICON.clauseIds]);

// ---------------------------------------------------------------------------------------------------------
// Scoring

interface PhraseScore {
  best: number;
  count: number;
  reason: string;
}

type Scores = Map<number, Map<string, PhraseScore>>;

function add(scores: Scores, clause: number, key: string, value: number, reason: string): void {
  let perClause = scores.get(clause);
  if (!perClause) {
    perClause = new Map();
    scores.set(clause, perClause);
  }
  const seen = perClause.get(key);
  if (!seen) {
    perClause.set(key, { best: value, count: 1, reason });
    return;
  }
  seen.count += 1;
  if (value > 0 ? value > seen.best : value < seen.best) {
    seen.best = value;
    seen.reason = reason;
  }
}

/** Matches one field; returns how many tokens it had (0 = nothing to go on). */
function scoreField(scores: Scores, text: string, fieldWeight: number): number {
  const tokens = normaliseText(text);
  let i = 0;
  while (i < tokens.length) {
    let node: TrieNode | undefined = LEXICON.trie;
    let best: { phrase: NonNullable<TrieNode['phrase']>; end: number } | null = null;
    for (let j = i; j < tokens.length && node; j += 1) {
      node = node.next.get((tokens[j] as Token).term);
      if (node?.phrase) best = { phrase: node.phrase, end: j };
    }
    if (!best) {
      i += 1;
      continue;
    }
    const reason = text.slice((tokens[i] as Token).start, (tokens[best.end] as Token).end);
    for (const hit of best.phrase.hits) add(scores, hit.clause, best.phrase.key, hit.weight * fieldWeight, reason);
    i = best.end + 1;
  }
  return tokens.length;
}

function scoreIssueType(scores: Scores, issueType: string): void {
  const terms = normaliseText(issueType).map((t) => t.term);
  const prior = LEXICON.priors.find((p) =>
    terms.some((_, start) => p.terms.every((term, k) => terms[start + k] === term)),
  );
  if (!prior) return;
  for (const hit of prior.hits) add(scores, hit.clause, '#issue-type', hit.weight, issueType.trim());
}

function cleanList(values: readonly unknown[] | undefined): string[] {
  if (!Array.isArray(values)) return [];
  return values
    .slice(0, CAP.listItems)
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.slice(0, CAP.listItem));
}

const text = (v: unknown, cap: number): string => (typeof v === 'string' ? v.slice(0, cap) : '');

/**
 * Up to `limit` clause suggestions for an issue, best first, each with the words that led to it.
 * Pure and deterministic; an issue without any words gets no suggestions.
 */
export function suggestClauses(input: SuggestInput, options: SuggestOptions = {}): ClauseSuggestion[] {
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_SUGGESTION_LIMIT));
  const exclude = new Set(options.exclude ?? []);
  const scores: Scores = new Map();

  let words = 0;
  words += scoreField(scores, text(input.summary, CAP.summary), FIELD_WEIGHT.summary);
  words += scoreField(scores, text(input.description, CAP.description), FIELD_WEIGHT.description);
  for (const label of cleanList(input.labels)) words += scoreField(scores, label, FIELD_WEIGHT.label);
  for (const component of cleanList(input.components)) words += scoreField(scores, component, FIELD_WEIGHT.component);
  if (words === 0 || limit === 0) return [];
  const issueType = text(input.issueType, CAP.listItem);
  if (issueType.trim() !== '') scoreIssueType(scores, issueType);

  const ranked: { clause: number; score: number; reasons: string[] }[] = [];
  for (const [clause, phrases] of scores) {
    if (exclude.has(LEXICON.clauseIds[clause] as string)) continue;
    let score = 0;
    const positives: { value: number; reason: string }[] = [];
    for (const p of phrases.values()) {
      if (p.best < 0) {
        score += p.best;
        continue;
      }
      const value = p.best * (1 + REPEAT_BONUS * Math.min(p.count - 1, MAX_REPEATS));
      score += value;
      positives.push({ value, reason: p.reason });
    }
    if (score < MIN_SCORE) continue;
    positives.sort((a, b) => b.value - a.value);
    const reasons: string[] = [];
    const seen = new Set<string>();
    for (const { reason } of positives) {
      const k = reason.toLowerCase();
      if (seen.has(k)) continue;
      seen.add(k);
      reasons.push(reason);
      if (reasons.length === MAX_REASONS) break;
    }
    ranked.push({ clause, score: Math.round(score * 100) / 100, reasons });
  }
  ranked.sort((a, b) => b.score - a.score || a.clause - b.clause);
  return ranked.slice(0, limit).map((r) => ({
    clauseId: LEXICON.clauseIds[r.clause] as string,
    score: r.score,
    reasons: r.reasons,
  }));
}
