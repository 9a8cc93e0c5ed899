/**
 * Error analysis of the clause suggester on held-out folds of the TUNING set only
 * (test/fixtures/labelled-issues.json): every top-1 miss, classed by how the suggested clause relates to the
 * labelled primary (parent / child / sibling / same family / a labelled secondary clause / other).
 *   npx tsx bench/suggest-errors.ts [--list] [--k=5] [--examples=0]   (--examples: the examples field's weight)
 * The blind sets are never read here. Not a benchmark (no .bench.ts suffix).
 */
import { MODEL_PARAMS, suggestWith, trainModel } from '../src/domain/mapping/suggest-clauses';
import { tuning } from './suggest-fit';

const K = Number(process.argv.find((a) => a.startsWith('--k='))?.split('=')[1] ?? 5);
const EXAMPLES = Number(process.argv.find((a) => a.startsWith('--examples='))?.split('=')[1] ?? MODEL_PARAMS.examples ?? 0);

/** How clause `got` relates to clause `want` in the clause tree. */
export function relation(got: string, want: string, secondary: readonly string[]): string {
  const g = got.split('.');
  const w = want.split('.');
  const prefix = (a: string[], b: string[]): boolean => a.length < b.length && a.every((x, i) => b[i] === x);
  const kind = prefix(g, w) ? 'parent' : prefix(w, g) ? 'child' : g.length === w.length && g.slice(0, -1).join('.') === w.slice(0, -1).join('.') ? 'sibling' : g.slice(0, 2).join('.') === w.slice(0, 2).join('.') ? 'same family' : g[0] === w[0] ? 'same clause' : 'other';
  return secondary.includes(got) ? `${kind} (labelled secondary)` : kind;
}

function main(): void {
  const counts = new Map<string, number>();
  const pairs = new Map<string, number>();
  const list: string[] = [];
  let misses = 0;
  for (let fold = 0; fold < K; fold += 1) {
    const train = tuning.filter((_, i) => i % K !== fold);
    const model = trainModel({ ...MODEL_PARAMS, examples: EXAMPLES }, train);
    tuning.forEach((item, i) => {
      if (i % K !== fold) return;
      const got = suggestWith(model, item, { limit: 5 });
      const primary = item.clauses[0] as string;
      const top = got[0]?.clauseId ?? '(none)';
      if (top === primary) return;
      misses += 1;
      const rel = top === '(none)' ? 'none' : relation(top, primary, item.clauses.slice(1));
      counts.set(rel, (counts.get(rel) ?? 0) + 1);
      const pair = `${primary} -> ${top}`;
      pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
      const rankOf = got.findIndex((s) => s.clauseId === primary);
      list.push(`#${i} [${item.issueType ?? ''}] ${primary} (rank ${rankOf < 0 ? '>5' : rankOf + 1}) got ${got.slice(0, 3).map((s) => `${s.clauseId}:${s.score}(${s.reasons.join('|')})`).join(' ')} :: ${item.summary} // ${(item.description ?? '').slice(0, 160)}`);
    });
  }
  process.stdout.write(`top-1 misses: ${misses} of ${tuning.length}\n`);
  for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${k}: ${v}\n`);
  process.stdout.write('most frequent confusions (primary -> suggested):\n');
  for (const [k, v] of [...pairs].sort((a, b) => b[1] - a[1]).slice(0, 25)) process.stdout.write(`  ${k}: ${v}\n`);
  if (process.argv.includes('--list')) process.stdout.write(`${list.join('\n')}\n`);
}

if (require.main === module) main();
