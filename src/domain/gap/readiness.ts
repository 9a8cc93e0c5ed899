/**
 * Readiness: a weighted share of the assessable clauses that hold up. Every assessable clause of 4 to 10 is
 * counted, because ISO/IEC 20000-1 admits no exclusions for a conformity claim. Clauses marked not applicable
 * are left out of numerator and denominator (so the figure stays meaningful), and each one raises a warning
 * on its clause, since such a mark blocks a claim of conformity.
 */
import { CONFORMITY_RESULTS, type ConformityResult } from '../vocabulary';
import { type ReadinessFigures } from './gap-model';

/** Weight of each result in the numerator; `null` = excluded from numerator and denominator. */
export const READINESS_WEIGHTS: Readonly<Record<ConformityResult, number | null>> = {
  conformant: 1,
  partially_conformant: 0.5,
  nonconformant: 0,
  not_assessed: 0,
  not_applicable: null,
};

export const READINESS_FORMULA: string = [
  'Readiness = (1 × conformant + 0.5 × partially conformant + 0 × nonconformant + 0 × not assessed) ÷ (clauses counted) × 100 %.',
  'Every assessable clause of 4 to 10 is counted: ISO/IEC 20000-1 allows no exclusions when conformity is claimed.',
  'Clauses marked not applicable are left out of both the top and the bottom of the fraction, and each one is flagged, because such a mark blocks a conformity claim.',
  'The same formula is applied to each top-level clause (4 to 10) on its own.',
].join('\n');

function emptyCounts(): Record<ConformityResult, number> {
  const counts = {} as Record<ConformityResult, number>;
  for (const r of CONFORMITY_RESULTS) counts[r] = 0;
  return counts;
}

/** Readiness figures for a list of effective clause results. */
export function computeReadiness(results: readonly ConformityResult[]): ReadinessFigures {
  const counts = emptyCounts();
  let numerator = 0;
  let denominator = 0;
  for (const r of results) {
    counts[r] += 1;
    const w = READINESS_WEIGHTS[r];
    if (w === null) continue;
    numerator += w;
    denominator += 1;
  }
  const percent = denominator === 0 ? 0 : Math.round((numerator / denominator) * 1000) / 10;
  return {
    numerator,
    denominator,
    percent,
    clauseCount: results.length,
    counts,
    excludedNotApplicable: counts.not_applicable,
  };
}

/** The formula with the figures filled in, e.g. "(12 × 1 + 3 × 0.5) ÷ 40 = 33.8 %". */
export function formatReadiness(f: ReadinessFigures): string {
  const excluded = f.excludedNotApplicable > 0 ? ` (${f.excludedNotApplicable} not applicable left out)` : '';
  return `(${f.counts.conformant} × 1 + ${f.counts.partially_conformant} × 0.5) ÷ ${f.denominator} = ${f.percent} %${excluded}`;
}
