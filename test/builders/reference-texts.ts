/**
 * Read-only reference material outside the project (never copied in), read at test time to check our data
 * against it: the clause structure of ISO/IEC 20000-1:2018 and the TS 20000-5 seed text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const SHARED = path.resolve(__dirname, '../../../shared');
export const STRUCTURE_FILE = path.join(SHARED, 'reference/iso20000-1-2018-structure.md');
export const TS_20000_5_FILE = path.join(SHARED, 'seed/iso-iec-ts-20000-5-2022-implementation-guidance.txt');

/** Clause numbers and titles listed in the structure file, in file order. */
export function referenceClauses(): { id: string; title: string }[] {
  const lines = fs.readFileSync(STRUCTURE_FILE, 'utf8').split('\n');
  const end = lines.findIndex((l) => l.startsWith('Priority order'));
  const out: { id: string; title: string }[] = [];
  for (const line of lines.slice(0, end < 0 ? lines.length : end)) {
    const m = /^\s*(\d+(?:\.\d+)*) (.+)$/.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined) out.push({ id: m[1], title: m[2].trim() });
  }
  return out;
}

const words = (s: string): string[] => s.toLowerCase().replace(/[’']/g, '').split(/[^a-z0-9]+/).filter(Boolean);

/** Builds a matcher that finds the first run of `n` consecutive words `text` shares with the seed, if any. */
export function seedOverlapFinder(n: number): (text: string) => string | undefined {
  const seed = words(fs.readFileSync(TS_20000_5_FILE, 'utf8'));
  const grams = new Set<string>();
  for (let i = 0; i + n <= seed.length; i++) grams.add(seed.slice(i, i + n).join(' '));
  return (text) => {
    const w = words(text);
    for (let i = 0; i + n <= w.length; i++) {
      const g = w.slice(i, i + n).join(' ');
      if (grams.has(g)) return g;
    }
    return undefined;
  };
}
