/**
 * Turning user and issue strings into something an ADF text node can carry as-is. Nothing is parsed: HTML,
 * markdown or ADF-looking JSON stay literal characters. We only make the string well formed and bounded:
 * lone surrogates become U+FFFD, control characters go, whitespace runs (newlines included) collapse to one
 * space, and text over the cap is cut on a grapheme boundary (emoji and combining marks stay whole) with "…".
 * Bidi control characters are removed (neutraliseBidi); right-to-left letters themselves are left untouched.
 */

export const ELLIPSIS = '…';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0 and C1 controls other than tab/newline/carriage return (those count as whitespace below).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const WHITESPACE_RUN = /\s+/g;

/**
 * The bidi controls that can make text display in an order other than the one it is stored in (the "Trojan
 * Source" trick): embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069, the marks U+200E/U+200F and
 * the Arabic letter mark U+061C.
 */
export const BIDI_CONTROLS = /[‪-‮⁦-⁩‎‏؜]/g;

/** `value` without bidi control characters: published text reads in the order it is stored. */
export function neutraliseBidi(value: string): string {
  return value.replace(BIDI_CONTROLS, '');
}

let segmenter: Intl.Segmenter | undefined;

/** Cuts `value` to at most `max` UTF-16 units including the ellipsis, never inside a grapheme. */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  const budget = Math.max(0, max - ELLIPSIS.length);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let out = '';
  for (const { segment } of segmenter.segment(value.slice(0, budget + 16))) {
    if (out.length + segment.length > budget) break;
    out += segment;
  }
  return `${out.trimEnd()}${ELLIPSIS}`;
}

/** One line of carried text: well formed, no controls, whitespace collapsed, capped; `fallback` if empty. */
export function safeLine(value: string | undefined, max: number, fallback: string): string {
  const cleaned = (value ?? '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(CONTROL, '')
    .replace(BIDI_CONTROLS, '')
    .replace(WHITESPACE_RUN, ' ')
    .trim();
  return cleaned.length === 0 ? fallback : truncate(cleaned, max);
}

/** Multi-paragraph text (blank lines separate paragraphs), capped as a whole; [] when empty. */
export function safeParagraphs(value: string | undefined, max: number): string[] {
  const capped = truncate((value ?? '').replace(LONE_SURROGATE, '\uFFFD'), max);
  return capped
    .split(/\r?\n\s*\r?\n/)
    .map((p) => safeLine(p, max, ''))
    .filter((p) => p.length > 0);
}

/** Bytes of the UTF-8 encoding of a string, without allocating a buffer. */
export function utf8Length(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
