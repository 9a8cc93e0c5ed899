/**
 * `npm run forge:check`: the offline Forge checks (manifest validation + client-side `forge lint` linters).
 * Prints every problem and exits non-zero on any error OR warning. See scripts/forge-checks-lib.ts.
 */
import { formatProblem, runForgeChecks } from './forge-checks-lib';

async function main(): Promise<number> {
  const t0 = Date.now();
  const report = await runForgeChecks();
  for (const note of report.notes) console.log(`note: ${note}`);
  for (const p of report.problems) console.log(formatProblem(p));
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`forge checks: ${report.errors} error(s), ${report.warnings} warning(s) (${seconds} s)`);
  return report.errors + report.warnings === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('forge checks could not run:', e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(2);
  },
);
