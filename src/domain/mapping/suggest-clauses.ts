/**
 * Suggests ISO/IEC 20000-1:2018 clauses for a Jira issue from its own text. Local, deterministic, no weights to
 * download: the model is the vocabulary in clause-lexicon.ts, the catalogue's own clause titles and descriptions,
 * and a handful of parameters in suggest-model.json.
 *
 * Ranking: BM25F (a probabilistic relevance model). Each assessable clause is a "document" with six fields:
 * its catalogue title and description, the lexicon's names, terms and hints, and its examples: the terms of the
 * tuning set's issues labelled with the clause as primary, each counted by how many of them contain it (label
 * statistics in suggest-examples.json; function words never learned). The issue is the query.
 * 1. Text is tokenised (tokenise.ts): words are folded and stemmed, synonyms replaced by their canonical key;
 *    stop words are dropped, except inside a synonym variant that names them ("how to").
 * 2. The issue's tokens are matched against the index vocabulary, the longest phrase from each position; a phrase
 *    inside a longer match is not counted again, overlapping phrases are. An unknown word of six letters or more
 *    may match a vocabulary word one edit away (a misspelling), at a discount. Lexicon phrases that stop-word
 *    removal would cut down to one plain word are refused when the model compiles.
 * 3. Each matched term counts by where it occurs (summary > first sentence of the description > the rest;
 *    labels and components like the summary), saturated so that repeating a word helps less and less.
 * 4. A term's weight for a clause is BM25F: idf (how few clauses share the term) times the saturated,
 *    field-weighted, length-normalised presence of the term in the clause's fields.
 *    Each term's weight is also multiplied by how rare it is in issues (backgroundFactor): its idf over the tuning
 *    set's issue texts (label-free counts in suggest-background.json) relative to a term no issue has, to a small
 *    power; a word many issues contain ("new", "staff", "measure") says less about which clause an issue is about.
 * 5. The issue type adds a prior (Incident -> 8.6.1 …), scaled by one fitted factor.
 * 6. Clauses under minScore are dropped; the rest are sorted by score (ties in clause order), and each gets a
 *    calibrated confidence (suggest-confidence.ts).
 * The examples field adds the words real issues use for a clause that its description and lexicon lack ("apprentice",
 * "laptop stolen"); its weight and length normalisation were chosen by 5-fold cross-validation on the tuning set, the
 * examples taken from the training folds only (held out: top1 0.926 -> 0.946, top3 0.988 -> 0.992, recall5 0.943 ->
 * 0.951 on 647 issues; with the choice itself nested inside each training part: top1 0.944, top3 0.994, recall5
 * 0.949; on 695 issues, off -> on: top1 0.908 -> 0.937, top3 0.984 -> 0.994, recall5 0.939 -> 0.951). A fresh batch
 * of 48 issues written after it: top1 0.667 -> 0.771 (test/fixtures/README.md).
 * Parameters (k1, b, field and position weights, prior scale) were chosen on the tuning set only
 * (test/fixtures/labelled-issues.json), never on the blind sets; the background exponent by 5-fold cross-validation
 * on it, the counts taken from the training folds (held out: top1 0.917 -> 0.926, top3 0.988, recall5 0.940 -> 0.943). Held-out check of any change to them:
 * bench/cv-suggestions.ts (k-fold CV on the tuning set). A second stage re-ordering the first candidates by where
 * their evidence comes from (summary, naming phrases, prior …) was tried and did not beat this ranking on held-out
 * folds (bench/suggest-rerank.ts); the score parts it reads are kept in the ranking (rankedCandidates) for it.
 */
import { compareClauseIds, getClause } from '../catalogue/catalogue';
import { CAPITALS_ONLY, CATALOGUE_GENERIC_WORDS, CLAUSE_TERMS, ISSUE_TYPE_PRIORS, NOT_LEARNED_WORDS, NOT_MISSPELT, SYNONYMS, type IssueTypePrior, type LexiconEntry } from './clause-lexicon';
import rawBackground from './suggest-background.json';
import rawExamples from './suggest-examples.json';
import rawModel from './suggest-model.json';
import { confidenceOf } from './suggest-confidence';
import { tokeniseAll, type Token } from './tokenise';

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
  /**
   * Estimated probability (0..1) that the clause is one of the issue's clauses, calibrated on the tuning set
   * from the suggestion's rank and its share of the top score.
   */
  confidence: number;
  /** Words and phrases, as written in the issue, that led to the suggestion (strongest first). */
  reasons: string[];
}

export interface SuggestModelParams {
  /** BM25 term-frequency saturation (clause side) and length normalisation. */
  k1: number;
  b: number;
  /** Query-side saturation: how fast repeating a word in the issue stops adding. */
  k3: number;
  fields: { title: number; description: number; names: number; terms: number; hints: number };
  positions: { summary: number; firstSentence: number; rest: number; label: number; component: number };
  /** Factor on a term matched through a one-letter misspelling. */
  fuzzy: number;
  /** Scale of the issue-type priors. */
  prior: number;
  minScore: number;
  /**
   * Weight of how common a term is in issues: each term counts times (its idf over a collection of issues / the
   * idf of a term no issue has) ^ background; 0 = off.
   */
  background?: number;
  /** Field weight of the clause's labelled examples (ExampleStats); 0 or absent = off. */
  examples?: number;
  /** Length normalisation of the examples field (its own b: clauses have very different numbers of examples). */
  examplesB?: number;
  /** A term counts in a clause's examples only if at least this many of its labelled issues contain it. */
  examplesMin?: number;
}

/**
 * Label-free text statistics of a collection of issues: how many issues there are and how many of them match
 * each index term (keys as in the index: stems joined by spaces, synonyms as "#key").
 */
export interface BackgroundStats {
  issues: number;
  df: Readonly<Record<string, number>>;
}

/**
 * Label statistics of a collection of labelled issues: per clause, how many issues with that clause as their
 * primary one there are and how many of them match each term (keys as in BackgroundStats). The clause's
 * "examples" field: words real issues use for it that its description and lexicon may not have.
 */
export interface ExampleStats {
  clauses: Readonly<Record<string, { issues: number; df: Readonly<Record<string, number>> }>>;
}

export const DEFAULT_SUGGESTION_LIMIT = 5;
export const MODEL_PARAMS: Readonly<SuggestModelParams> = Object.freeze(rawModel satisfies SuggestModelParams);
/** The tuning set's background statistics (bench/fit-suggestions.ts --write; a test checks they are current). */
export const BACKGROUND: Readonly<BackgroundStats> = Object.freeze(rawBackground satisfies BackgroundStats);
/** The tuning set's label statistics, the clauses' examples field (bench/fit-suggestions.ts --stats; a test checks they are current). */
export const EXAMPLES: Readonly<ExampleStats> = Object.freeze(rawExamples satisfies ExampleStats);

const FIELDS = ['title', 'description', 'names', 'terms', 'hints'] as const;
type Field = (typeof FIELDS)[number];
const MAX_REASONS = 5;
const MIN_REASON_SHARE = 0.3;
const FUZZY_MIN_LENGTH = 6;
const CAP = { summary: 1_000, description: 20_000, listItems: 50, listItem: 255 } as const;

/** Catalogue words that say nothing about a clause: not indexed, so they never count and never show as a reason. */
const GENERIC_WORDS: ReadonlySet<string> = new Set(CATALOGUE_GENERIC_WORDS.map((w) => tokeniseAll(w)[0]?.term ?? w));

/** Real words one slip away from a vocabulary word; never "corrected". */
const REAL_WORDS: ReadonlySet<string> = new Set(NOT_MISSPELT.map((w) => tokeniseAll(w)[0]?.term ?? w));

// ---------------------------------------------------------------------------------------------------------
// Synonyms (compiled once)

interface SynonymNode {
  next: Map<string, SynonymNode>;
  canonical: string | null;
}

/** Trie key of a token: stop words as "=word" so that they only match where a variant names them. */
const synonymKey = (t: Token): string => (t.stop === true ? `=${t.term}` : t.term);

function compileSynonyms(table: Readonly<Record<string, readonly string[]>>): SynonymNode {
  const root: SynonymNode = { next: new Map(), canonical: null };
  for (const [canonical, variants] of Object.entries(table)) {
    for (const variant of [canonical, ...variants]) {
      const tokens = tokeniseAll(variant);
      if (tokens.every((t) => t.stop === true)) throw new Error(`Synonym variant "${variant}" (${canonical}) has only stop words.`);
      let node = root;
      for (const token of tokens) {
        const key = synonymKey(token);
        let child = node.next.get(key);
        if (!child) {
          child = { next: new Map(), canonical: null };
          node.next.set(key, child);
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

/**
 * Replaces each synonym variant (longest first) by one token "#<canonical>" spanning the variant, then drops the
 * stop words. Inside a variant, a stop word the variant does not name is skipped ("service is down" is
 * "service down"); a stop word the variant names must be there ("how to" is not "how").
 */
function applySynonyms(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i] as Token;
    let node: SynonymNode | undefined = SYNONYM_TRIE;
    let best: { canonical: string; end: number } | null = null;
    for (let j = i; j < tokens.length && node; j += 1) {
      const token = tokens[j] as Token;
      const child: SynonymNode | undefined = node.next.get(synonymKey(token));
      if (!child && token.stop === true && j > i) continue;
      node = child;
      if (node?.canonical != null) best = { canonical: node.canonical, end: j };
    }
    if (best) {
      out.push({ term: `#${best.canonical}`, start: first.start, end: (tokens[best.end] as Token).end });
      i = best.end + 1;
    } else {
      if (first.stop !== true) out.push(first);
      i += 1;
    }
  }
  return out;
}

/** Normalised token stream of a text: words, stems, synonyms; no stop words. */
export function normaliseText(text: string): Token[] {
  return applySynonyms(tokeniseAll(text));
}

const CAPITALS: ReadonlySet<string> = new Set(CAPITALS_ONLY);

/**
 * normaliseText for issue text: an abbreviation of CAPITALS_ONLY written in lower or mixed case ("Sam", "els")
 * is kept as a plain word that matches nothing.
 */
export function normaliseIssueText(text: string): Token[] {
  const tokens = tokeniseAll(text).map((t) => {
    const raw = text.slice(t.start, t.end);
    return CAPITALS.has(raw.toLowerCase()) && raw !== raw.toUpperCase() ? { ...t, term: `~${t.term}` } : t;
  });
  return applySynonyms(tokens);
}

// ---------------------------------------------------------------------------------------------------------
// Index (compiled once per parameter set)

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Id of the vocabulary term that ends here. */
  term: number | null;
}

interface Posting {
  clause: number;
  /** BM25F weight of the term for this clause (idf x saturated field-weighted presence). */
  weight: number;
  /** Share of that weight that comes from the fields naming the clause (its title and lexicon names). */
  named: number;
  /**
   * True when only the examples field has the term for this clause, from a single labelled issue: it counts, but
   * is shown as a reason only when nothing better explains the suggestion ("monday" learned from one issue).
   */
  anecdotal: boolean;
}

interface CompiledModel {
  params: SuggestModelParams;
  clauseIds: string[];
  trie: TrieNode;
  postings: Posting[][];
  /** Every word of the vocabulary (no synonyms), and its one-letter deletions, for misspelling look-up. */
  words: Set<string>;
  deletions: Map<string, string[]>;
  priors: { terms: string[]; weights: { clause: number; weight: number }[] }[];
  /** Index term key per term id. */
  termKeys: string[];
  /** Factor per term id from its idf over a collection of issues (1 without background statistics). */
  termFactor: number[];
}

/**
 * A lexicon phrase as index terms. A phrase of several words that stop-word removal cuts down to one plain word
 * ("their part" -> "part", "which changes" -> "change") is refused: it would index that word on its own, which
 * the phrase never meant. A phrase that is one synonym ("service level agreement" -> #sla) is fine.
 */
export function phraseTerms(phrase: string, where: string): string[] {
  const terms = normaliseText(phrase).map((t) => t.term);
  if (terms.length === 0) throw new Error(`${where}: "${phrase}" has no words after normalisation.`);
  if (terms.length === 1 && !(terms[0] as string).startsWith('#') && tokeniseAll(phrase).length > 1) {
    throw new Error(`${where}: "${phrase}" is one word ("${terms[0] as string}") without its stop words; write that word, or a phrase that keeps its meaning.`);
  }
  return terms;
}

function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i += 1) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

function lexiconIds(entries: readonly LexiconEntry[], priors: readonly IssueTypePrior[]): string[] {
  const ids = new Set<string>();
  const addId = (id: string, where: string): void => {
    const clause = getClause(id);
    if (!clause) throw new Error(`${where}: ${id} is not a clause of ISO/IEC 20000-1:2018.`);
    if (!clause.assessable) throw new Error(`${where}: ${id} is a heading; suggest its subclauses instead.`);
    ids.add(id);
  };
  for (const e of entries) addId(e.clauseId, 'Clause lexicon');
  for (const p of priors) for (const id of Object.keys(p.weights)) addId(id, `Issue type prior "${p.type}"`);
  return [...ids].sort(compareClauseIds);
}

/**
 * How much a term counts given how common it is in issues: a term that many issues contain ("new", "staff",
 * "measure") says less about which clause an issue is about than one few issues contain. The idf of the term over
 * the collection of issues, relative to that of a term no issue contains (so 1 for a term the statistics never
 * saw, less for common ones), to the power `gamma` (chosen by cross-validation on the tuning set).
 */
export function backgroundFactor(gamma: number, background: BackgroundStats | undefined, key: string): number {
  if (!background || gamma <= 0 || background.issues <= 0) return 1;
  const n = background.issues;
  const idf = (m: number): number => Math.log(1 + (n - m + 0.5) / (m + 0.5));
  return (idf(Math.min(n, background.df[key] ?? 0)) / idf(0)) ** gamma;
}

/** Builds the BM25F index of the clauses' fields. Exported for the parameter fit (bench/fit-suggestions.ts). */
export function compileModel(
  params: SuggestModelParams,
  entries: readonly LexiconEntry[] = CLAUSE_TERMS,
  priors: readonly IssueTypePrior[] = ISSUE_TYPE_PRIORS,
  background?: BackgroundStats,
  examples?: ExampleStats,
): CompiledModel {
  const clauseIds = lexiconIds(entries, priors);
  const index = new Map(clauseIds.map((id, i) => [id, i]));
  const byClause = new Map(entries.map((e) => [e.clauseId, e]));

  // Field contents per clause, as term keys ("capacity plan" -> "capacity plan"), each counted once per field.
  const termIds = new Map<string, number>();
  const trie: TrieNode = { next: new Map(), term: null };
  const termOf = (terms: readonly string[]): number => {
    const key = terms.join(' ');
    let id = termIds.get(key);
    if (id === undefined) {
      id = termIds.size;
      termIds.set(key, id);
      let node = trie;
      for (const term of terms) {
        let child = node.next.get(term);
        if (!child) {
          child = { next: new Map(), term: null };
          node.next.set(term, child);
        }
        node = child;
      }
      node.term = id;
    }
    return id;
  };

  const docs: Map<number, number>[][] = clauseIds.map((id) => {
    const clause = getClause(id);
    const entry = byClause.get(id);
    const prose = (text: string): number[] =>
      normaliseText(text)
        .map((t) => t.term)
        .filter((t) => !GENERIC_WORDS.has(t))
        .map((t) => termOf([t]));
    const titlePhrase = (title: string): number[] => {
      const terms = normaliseText(title).map((t) => t.term).filter((t) => !GENERIC_WORDS.has(t));
      return terms.length > 1 ? [termOf(terms)] : [];
    };
    const phrases = (list: readonly string[] | undefined, field: string): number[] =>
      (list ?? []).map((p) => termOf(phraseTerms(p, `Clause ${id} ${field}`)));
    const fieldTerms: Record<Field, number[]> = {
      title: prose(clause?.title ?? ''),
      description: prose(clause?.summary ?? ''),
      // The clause's title, as one phrase ("information security incident"), names the clause.
      names: [...phrases(entry?.names, 'names'), ...titlePhrase(clause?.title ?? '')],
      terms: phrases(entry?.terms, 'terms'),
      hints: phrases(entry?.hints, 'hints'),
    };
    return FIELDS.map((f) => {
      const counts = new Map<number, number>();
      for (const t of fieldTerms[f]) counts.set(t, 1); // presence: a clause "document" is a set of terms per field
      return counts;
    });
  });

  // The examples field: per clause, how many of its labelled issues contain each term (kept from examplesMin on).
  const exampleWeight = params.examples ?? 0;
  const exampleDocs: Map<number, number>[] = clauseIds.map((id) => {
    const counts = new Map<number, number>();
    const stats = exampleWeight > 0 ? examples?.clauses[id] : undefined;
    for (const [key, c] of Object.entries(stats?.df ?? {})) if (c >= (params.examplesMin ?? 1)) counts.set(termOf(key.split(' ')), c);
    return counts;
  });

  const n = clauseIds.length;
  const avgLen = FIELDS.map((_, f) => docs.reduce((sum, d) => sum + (d[f] as Map<number, number>).size, 0) / n);
  const exampleLen = (d: Map<number, number>): number => [...d.values()].reduce((a, c) => a + c, 0);
  const avgExampleLen = exampleDocs.reduce((sum, d) => sum + exampleLen(d), 0) / n;
  const df = new Array<number>(termIds.size).fill(0);
  const postings: Posting[][] = Array.from({ length: termIds.size }, () => []);
  const namedTf: Map<number, number>[] = [];
  const handTf: Map<number, number>[] = [];
  const pseudo: Map<number, number>[] = docs.map((fields, clause) => {
    const tf = new Map<number, number>();
    const named = new Map<number, number>();
    fields.forEach((counts, f) => {
      const w = params.fields[FIELDS[f] as Field];
      const norm = 1 - params.b + params.b * (counts.size / Math.max(avgLen[f] as number, 1));
      const naming = FIELDS[f] === 'title' || FIELDS[f] === 'names';
      for (const [t, c] of counts) {
        tf.set(t, (tf.get(t) ?? 0) + (w * c) / norm);
        if (naming) named.set(t, (named.get(t) ?? 0) + (w * c) / norm);
      }
    });
    handTf.push(new Map(tf));
    const exampleDoc = exampleDocs[clause] as Map<number, number>;
    const eb = params.examplesB ?? params.b;
    const enorm = 1 - eb + eb * (exampleLen(exampleDoc) / Math.max(avgExampleLen, 1));
    for (const [t, c] of exampleDoc) tf.set(t, (tf.get(t) ?? 0) + (exampleWeight * c) / enorm);
    for (const t of tf.keys()) df[t] = (df[t] as number) + 1;
    namedTf.push(named);
    return tf;
  });
  pseudo.forEach((tf, clause) => {
    for (const [t, x] of tf) {
      if (x <= 0) continue;
      const idf = Math.log(1 + (n - (df[t] as number) + 0.5) / ((df[t] as number) + 0.5));
      const named = ((namedTf[clause] as Map<number, number>).get(t) ?? 0) / x;
      const anecdotal = !(handTf[clause] as Map<number, number>).has(t) && ((exampleDocs[clause] as Map<number, number>).get(t) ?? 0) < 2;
      (postings[t] as Posting[]).push({ clause, weight: (idf * x * (params.k1 + 1)) / (params.k1 + x), named, anecdotal });
    }
  });

  const words = new Set<string>();
  const deletions = new Map<string, string[]>();
  for (const key of termIds.keys()) {
    for (const word of key.split(' ')) {
      if (words.has(word) || word.startsWith('#') || word.length < FUZZY_MIN_LENGTH - 1 || /\d/.test(word)) continue;
      words.add(word);
      for (const d of new Set(deletionsOf(word))) {
        const list = deletions.get(d);
        if (list) list.push(word);
        else deletions.set(d, [word]);
      }
    }
  }

  const compiledPriors = priors.map((p) => ({
    terms: phraseTerms(p.type, 'Issue type prior'),
    weights: Object.entries(p.weights).map(([id, weight]) => ({ clause: index.get(id) as number, weight })),
  }));
  const termKeys = [...termIds.keys()];
  const termFactor = termKeys.map((key) => backgroundFactor(params.background ?? 0, background, key));
  return { params, clauseIds, trie, postings, words, deletions, priors: compiledPriors, termKeys, termFactor };
}

const MODEL = compileModel(MODEL_PARAMS, CLAUSE_TERMS, ISSUE_TYPE_PRIORS, BACKGROUND, EXAMPLES);

/** Every clause id the model can suggest, in clause order. */
export const SUGGESTABLE_CLAUSE_IDS: readonly string[] = Object.freeze([...MODEL.clauseIds]);

// ---------------------------------------------------------------------------------------------------------
// Scoring

interface QueryTerm {
  weight: number;
  /** Part of `weight` that comes from the summary (where an issue states its intent). */
  summary: number;
  /** The best-placed occurrence, as written (shown as the reason). */
  reason: string;
  reasonWeight: number;
}

/**
 * A vocabulary word one typing slip away from an unknown word: a letter too many, a letter missing, or two
 * neighbouring letters swapped ("managment", "pasword", "cmbd" is too short). Substitutions are not tried: they
 * turn real words into other real words ("floor" -> "flood", "internet" -> "intranet").
 */
function misspelt(model: CompiledModel, word: string): string | undefined {
  if (word.length < FUZZY_MIN_LENGTH || word.startsWith('#') || /\d/.test(word) || model.words.has(word)) return undefined;
  if (REAL_WORDS.has(word)) return undefined;
  const dels = deletionsOf(word);
  for (const d of dels) if (model.words.has(d)) return d;
  const longer = model.deletions.get(word);
  if (longer?.length === 1) return longer[0];
  for (let i = 0; i + 1 < word.length; i += 1) {
    const swapped = word.slice(0, i) + (word[i + 1] as string) + (word[i] as string) + word.slice(i + 2);
    if (swapped !== word && model.words.has(swapped)) return swapped;
  }
  return undefined;
}

/**
 * The issue's tokens with misspelt words replaced by the vocabulary word they were meant to be (flagged, so the
 * match counts at the `fuzzy` discount). Words the trie starts with or continues with are left alone.
 */
function correct(model: CompiledModel, tokens: readonly Token[]): { token: Token; fuzzy: boolean }[] {
  return tokens.map((token) => {
    if (model.trie.next.has(token.term)) return { token, fuzzy: false };
    const near = misspelt(model, token.term);
    return near === undefined ? { token, fuzzy: false } : { token: { ...token, term: near }, fuzzy: true };
  });
}

function matchField(model: CompiledModel, query: Map<number, QueryTerm>, text: string, weight: number, isSummary = false): number {
  if (weight <= 0 || text === '') return 0;
  const tokens = correct(model, normaliseIssueText(text));
  // Longest phrase from every position; a match that lies inside an earlier, longer one is not counted again
  // ("capacity plan" does not also count "plan"), but phrases that overlap and reach further both count
  // ("SMS policy on the intranet" is "sms policy" and "policy intranet").
  let covered = -1;
  for (let i = 0; i < tokens.length; i += 1) {
    let node: TrieNode | undefined = model.trie;
    let best: { term: number; end: number } | null = null;
    for (let j = i; j < tokens.length && node; j += 1) {
      node = node.next.get((tokens[j] as { token: Token }).token.term);
      if (node?.term != null) best = { term: node.term, end: j };
    }
    if (!best || best.end <= covered) continue;
    covered = best.end;
    const span = tokens.slice(i, best.end + 1);
    const w = span.some((t) => t.fuzzy) ? weight * model.params.fuzzy : weight;
    const reason = text.slice((span[0] as { token: Token }).token.start, (span[span.length - 1] as { token: Token }).token.end);
    const seen = query.get(best.term);
    const fromSummary = isSummary ? w : 0;
    if (!seen) query.set(best.term, { weight: w, summary: fromSummary, reason, reasonWeight: w });
    else {
      seen.weight += w;
      seen.summary += fromSummary;
      if (w > seen.reasonWeight) {
        seen.reason = reason;
        seen.reasonWeight = w;
      }
    }
  }
  return tokens.length;
}

/** The description's first sentence (up to the first full stop, question or exclamation mark, or line break). */
export function splitFirstSentence(description: string): [string, string] {
  const m = /[.!?](?=\s|$)|\n/u.exec(description);
  if (!m) return [description, ''];
  const cut = m.index + 1;
  return [description.slice(0, cut), description.slice(cut)];
}

function cleanList(values: readonly unknown[] | undefined): string[] {
  if (!Array.isArray(values)) return [];
  return values
    .slice(0, CAP.listItems)
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.slice(0, CAP.listItem));
}

const text = (v: unknown, cap: number): string => (typeof v === 'string' ? v.slice(0, cap) : '');

interface Ranked {
  clause: number;
  score: number;
  /** Parts of the score: from terms in the summary, from terms naming the clause, from the issue-type prior. */
  parts: { summary: number; named: number; prior: number; terms: number; strongest: number };
  reasons: { text: string; value: number; anecdotal?: boolean }[];
}

function queryOf(model: CompiledModel, input: SuggestInput): { query: Map<number, QueryTerm>; words: number } {
  const p = model.params;
  const query = new Map<number, QueryTerm>();
  let words = 0;
  words += matchField(model, query, text(input.summary, CAP.summary), p.positions.summary, true);
  const [first, rest] = splitFirstSentence(text(input.description, CAP.description));
  words += matchField(model, query, first, p.positions.firstSentence);
  words += matchField(model, query, rest, p.positions.rest);
  for (const label of cleanList(input.labels)) words += matchField(model, query, label, p.positions.label);
  for (const component of cleanList(input.components)) words += matchField(model, query, component, p.positions.component);
  return { query, words };
}

/** The index terms an issue matches (keys), for collection statistics. */
export function issueTermKeys(model: CompiledModel, input: SuggestInput): string[] {
  return [...queryOf(model, input).query.keys()].map((t) => model.termKeys[t] as string);
}

/** How many of the issues match each index term: the issue-collection statistics the model can weigh terms by. */
export function backgroundStats(items: readonly SuggestInput[], model: CompiledModel = MODEL): BackgroundStats {
  const df: Record<string, number> = {};
  for (const item of items) for (const key of issueTermKeys(model, item)) df[key] = (df[key] ?? 0) + 1;
  return { issues: items.length, df };
}

/** Words never learned from labelled issues (stems). */
const NOT_LEARNED: ReadonlySet<string> = new Set([...GENERIC_WORDS, ...NOT_LEARNED_WORDS.map((w) => tokeniseAll(w)[0]?.term ?? w)]);

/**
 * A term a clause's examples field may hold: a synonym, a phrase, or a plain word of three letters or more that
 * names something (not a function word, an everyday verb or a generic catalogue word).
 */
const exampleWord = (term: string): boolean => term.startsWith('#') || term.includes(' ') || (/^\p{L}{3,}$/u.test(term) && !NOT_LEARNED.has(term));

/**
 * How many of the issues with each clause as their primary one match each term: the label statistics of the
 * clauses' examples field. Every plain word and synonym of the issues is made a vocabulary term first, so that
 * the issues are matched (phrases first, misspellings corrected) as the compiled model will match new issues.
 */
export function exampleStats(
  items: readonly (SuggestInput & { clauses: readonly string[] })[],
  params: SuggestModelParams = MODEL_PARAMS,
): ExampleStats {
  const known = new Set(lexiconIds(CLAUSE_TERMS, ISSUE_TYPE_PRIORS));
  const vocabulary: Record<string, Record<string, number>> = {};
  const texts = (item: SuggestInput): string[] => [text(item.summary, CAP.summary), text(item.description, CAP.description), ...cleanList(item.labels), ...cleanList(item.components)];
  for (const item of items) {
    const id = item.clauses[0] as string;
    if (!known.has(id)) continue;
    const words = (vocabulary[id] ??= {});
    for (const t of texts(item).flatMap((x) => normaliseIssueText(x))) if (exampleWord(t.term)) words[t.term] = 1;
  }
  const matcher = compileModel({ ...params, examples: 1, examplesMin: 1 }, CLAUSE_TERMS, ISSUE_TYPE_PRIORS, undefined, { clauses: Object.fromEntries(Object.entries(vocabulary).map(([id, df]) => [id, { issues: 1, df }])) });
  const clauses: Record<string, { issues: number; df: Record<string, number> }> = {};
  for (const item of items) {
    const id = item.clauses[0] as string;
    if (!known.has(id)) continue;
    const entry = (clauses[id] ??= { issues: 0, df: {} });
    entry.issues += 1;
    for (const key of issueTermKeys(matcher, item)) if (exampleWord(key)) entry.df[key] = (entry.df[key] ?? 0) + 1;
  }
  return { clauses };
}

/**
 * The model trained on a labelled collection: its examples field and its background statistics both taken from
 * those issues (what the shipped JSON files hold for the tuning set; per fold in cross-validation).
 */
export function trainModel(params: SuggestModelParams, items: readonly (SuggestInput & { clauses: readonly string[] })[]): CompiledModel {
  const examples = (params.examples ?? 0) > 0 ? exampleStats(items, params) : undefined;
  const vocabulary = compileModel(params, CLAUSE_TERMS, ISSUE_TYPE_PRIORS, undefined, examples);
  return compileModel(params, CLAUSE_TERMS, ISSUE_TYPE_PRIORS, backgroundStats(items, vocabulary), examples);
}

function rank(model: CompiledModel, input: SuggestInput): Ranked[] {
  const p = model.params;
  const { query, words } = queryOf(model, input);
  if (words === 0) return [];

  const scores = new Map<number, Ranked>();
  const entry = (clause: number): Ranked => {
    let r = scores.get(clause);
    if (!r) {
      r = { clause, score: 0, parts: { summary: 0, named: 0, prior: 0, terms: 0, strongest: 0 }, reasons: [] };
      scores.set(clause, r);
    }
    return r;
  };
  for (const [term, q] of query) {
    const saturated = ((q.weight * (p.k3 + 1)) / (p.k3 + q.weight)) * (model.termFactor[term] ?? 1);
    for (const posting of model.postings[term] ?? []) {
      const value = posting.weight * saturated;
      const r = entry(posting.clause);
      r.score += value;
      r.parts.summary += (value * q.summary) / q.weight;
      r.parts.named += value * posting.named;
      r.parts.terms += 1;
      r.parts.strongest = Math.max(r.parts.strongest, value);
      r.reasons.push({ text: q.reason, value, anecdotal: posting.anecdotal });
    }
  }
  const issueType = text(input.issueType, CAP.listItem);
  if (issueType.trim() !== '' && p.prior > 0) {
    const terms = normaliseText(issueType).map((t) => t.term);
    const prior = model.priors.find((pr) => terms.some((_, s) => pr.terms.every((t, k) => terms[s + k] === t)));
    for (const { clause, weight } of prior?.weights ?? []) {
      const value = p.prior * weight;
      const r = entry(clause);
      r.score += value;
      r.parts.prior += value;
      r.reasons.push({ text: issueType.trim(), value });
    }
  }
  // Scores are shown to two decimals; rank on that, so equal shown scores are in clause order.
  for (const r of scores.values()) r.score = Math.round(r.score * 100) / 100;
  const ranked = [...scores.values()].filter((r) => r.score >= p.minScore);
  ranked.sort((a, b) => b.score - a.score || a.clause - b.clause);
  return ranked;
}

/** The full ranking with each score's parts (for the fits in bench/; suggestClauses is the product path). */
export function rankedCandidates(model: CompiledModel, input: SuggestInput): { clauseId: string; score: number; parts: Ranked['parts'] }[] {
  return rank(model, input).map((r) => ({ clauseId: model.clauseIds[r.clause] as string, score: r.score, parts: r.parts }));
}

/**
 * The words behind a suggestion, strongest first: only terms that carry at least MIN_REASON_SHARE of the strongest
 * term's weight, so a word shared by many clauses ("service") is not shown as a reason unless it is all there is.
 * Words the clause has only from one labelled issue (anecdotal) are shown only when no other word explains it.
 */
function reasonsOf(r: Ranked): string[] {
  const solid = r.reasons.filter((x) => x.anecdotal !== true);
  const sorted = [...(solid.length > 0 ? solid : r.reasons)].sort((a, b) => b.value - a.value);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const { text: t, value } of sorted) {
    if (value < MIN_REASON_SHARE * (sorted[0]?.value ?? 0)) break;
    const k = t.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(t);
    if (out.length === MAX_REASONS) break;
  }
  return out;
}

/** Ranking with a given compiled model (for the parameter fit); suggestClauses uses the shipped one. */
export function suggestWith(model: CompiledModel, input: SuggestInput, options: SuggestOptions = {}): ClauseSuggestion[] {
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_SUGGESTION_LIMIT));
  if (limit === 0) return [];
  const exclude = new Set(options.exclude ?? []);
  // Confidence is judged on the full ranking: a clause does not become likelier because a stronger one was
  // already mapped or rejected and is left out.
  const ranked = rank(model, input);
  const top = ranked[0]?.score ?? 0;
  const out: ClauseSuggestion[] = [];
  for (let i = 0; i < ranked.length && out.length < limit; i += 1) {
    const r = ranked[i] as Ranked;
    const clauseId = model.clauseIds[r.clause] as string;
    if (exclude.has(clauseId)) continue;
    out.push({
      clauseId,
      score: r.score,
      confidence: confidenceOf({ rank: i + 1, score: r.score, top, next: ranked[i + 1]?.score ?? 0 }),
      reasons: reasonsOf(r),
    });
  }
  return out;
}

/**
 * Up to `limit` clause suggestions for an issue, best first, each with the words that led to it and a calibrated
 * confidence. Pure and deterministic; an issue without any words gets no suggestions.
 */
export function suggestClauses(input: SuggestInput, options: SuggestOptions = {}): ClauseSuggestion[] {
  return suggestWith(MODEL, input, options);
}
