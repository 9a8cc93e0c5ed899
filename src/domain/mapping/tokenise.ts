/**
 * Text normalisation shared by the clause lexicon and the suggestion engine: Unicode-aware word splitting,
 * lower case, accents folded, a light English stemmer and a short stop-word list. Lexicon phrases and issue
 * text go through the same steps, so whatever the stemmer does it does to both sides.
 */

/** One word of the input: its normalised form and where it sits in the original string. */
export interface Token {
  term: string;
  start: number;
  end: number;
  /** True for a stop word (only in tokeniseAll's output). */
  stop?: boolean;
}

// Letters (with combining marks) and digits; an apostrophe inside a word keeps it whole ("didn't", "customer's").
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
const MARKS = /\p{M}+/gu;

const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'and', 'or', 'is', 'are', 'was',
  'were', 'be', 'been', 'being', 'it', 'its', 'this', 'that', 'these', 'those', 'from', 'as', 'our', 'we',
  'us', 'you', 'your', 'i', 'my', 'me', 'they', 'them', 'their', 'he', 'she', 'his', 'her', 'has', 'have',
  'had', 'do', 'does', 'did', 'will', 'would', 'shall', 'should', 'may', 'might', 'must', 'so', 'if', 'but',
  'than', 'then', 'there', 'here', 'into', 'about', 'also', 'just', 'very', 'some', 'any', 'all', 'each',
  'e', 'g', 'eg', 'ie', 'etc', 'vs', 'via', 's', 't', 'am', 'pm', 'what', 'when', 'where', 'which',
]);

const KEEP_S = ['ss', 'us', 'is', 'os'];

/**
 * Words in -ing that are nouns or words of their own, not a form of the verb: "finding" (an audit finding) is not
 * "find", "meeting" is not "meet", "morning" is not "morn". Their -ing stays.
 */
const ING_WORDS: ReadonlySet<string> = new Set([
  'finding', 'meeting', 'morning', 'evening', 'building', 'setting', 'warning', 'during', 'nothing', 'something',
  'anything', 'everything', 'thing', 'string', 'ceiling', 'spring', 'ring', 'king', 'wing', 'bring', 'sibling',
]);
const DOUBLE_KEEP = new Set(['ll', 'ss', 'zz', 'ff']);

function undouble(w: string): string {
  const tail = w.slice(-2);
  if (tail.length === 2 && tail[0] === tail[1] && !DOUBLE_KEEP.has(tail) && /[b-df-hj-np-tv-z]/.test(tail[0] ?? '')) {
    return w.slice(0, -1);
  }
  return w;
}

/**
 * A deliberately light stemmer: plural endings, -ing, -ed and a final silent e.
 * "policies" -> "policy", "changes"/"changed"/"changing" -> "chang", "planning" -> "plan".
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !KEEP_S.some((k) => w.endsWith(k))) w = w.slice(0, -1);

  if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ing') && w.length >= 6 && !ING_WORDS.has(w)) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length >= 5 && !w.endsWith('eed')) w = undouble(w.slice(0, -2));

  // A final silent e goes only from words of five letters or more: cutting "else" to "els" or "fire" to "fir"
  // would make ordinary words collide with abbreviations (ELS = early life support).
  if (w.endsWith('e') && w.length > 4 && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}

/** Lower case, accents removed, apostrophes dropped, possessive 's removed. */
export function foldWord(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/['’]/gu, '');
}

/** True for a word that carries no meaning of its own ("the", "how" is not one, "to" is). */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(foldWord(word));
}

/**
 * Splits text into stemmed tokens with their spans in `text`, stop words included and flagged `stop`.
 * Stop words are kept in their folded, unstemmed form so that a phrase such as "how to" can require them.
 */
export function tokeniseAll(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const folded = foldWord(m[0]);
    if (folded.length === 0) continue;
    const start = m.index;
    // "IT" in capitals is the department, not the pronoun: keep it.
    const stop = STOP_WORDS.has(folded) && m[0] !== 'IT';
    out.push(stop ? { term: folded, start, end: start + m[0].length, stop } : { term: stem(folded), start, end: start + m[0].length });
  }
  return out;
}

/** Splits text into stemmed tokens with their spans in `text`; stop words are left out. */
export function tokenise(text: string): Token[] {
  return tokeniseAll(text).filter((t) => t.stop !== true);
}
