/**
 * `npm run forge:bundle`: bundles the Forge functions offline with `@forge/bundler` (as `forge deploy` does) and
 * checks that every handler manifest.yml names is exported by the bundle. See scripts/forge-bundle-lib.ts.
 *
 *   --out DIR          copy the bundle (index.cjs + source map) to DIR (tests require it from there)
 *   --manifest FILE    bundle with this manifest instead of manifest.yml (tests)
 *   --resources        also check each resource folder as the CLI packages it (needs the UI built)
 *   --skip-bundle      only the resource check
 *   --json             print one JSON summary line
 * Exits 1 on any problem, 2 when the bundler itself fails.
 */
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { bundleForgeFunctions, checkResources, verifyBundle } from './forge-bundle-lib';
import { PROJECT_ROOT } from './forge-checks-lib';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<number> {
  const out = option(args, 'out');
  const manifestFile = option(args, 'manifest');
  const manifestText = manifestFile !== undefined ? readFileSync(path.resolve(manifestFile), 'utf8') : undefined;
  const json = args.includes('--json');
  const problems: string[] = [];
  const summary: Record<string, unknown> = {};

  if (!args.includes('--skip-bundle')) {
    const t0 = Date.now();
    const bundle = await bundleForgeFunctions(PROJECT_ROOT, manifestText !== undefined ? { manifest: () => manifestText } : {});
    try {
      problems.push(...verifyBundle(bundle.outputDir, bundle.handlers));
      Object.assign(summary, {
        handlers: bundle.handlers.map((h) => `${h.module}.${h.func}`),
        code: bundle.code,
        codeBytes: bundle.codeBytes,
        sourceMapBytes: bundle.sourceMapBytes,
        additionalOutputs: bundle.additionalOutputs,
        seconds: Math.round((Date.now() - t0) / 100) / 10,
      });
      if (out !== undefined) {
        rmSync(out, { recursive: true, force: true });
        mkdirSync(out, { recursive: true });
        cpSync(bundle.outputDir, out, { recursive: true });
        summary.outputDir = path.resolve(out);
      }
    } finally {
      bundle.cleanup();
      rmSync(bundle.outputDir, { recursive: true, force: true });
    }
  }
  if (args.includes('--resources')) {
    const resourceProblems = checkResources(PROJECT_ROOT, manifestText);
    problems.push(...resourceProblems);
    summary.resourcesChecked = true;
  }
  summary.problems = problems;
  if (json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } else {
    for (const p of problems) process.stdout.write(`problem: ${p}\n`);
    if (Array.isArray(summary.handlers)) {
      process.stdout.write(`forge bundle: ${summary.handlers.length} handler(s) (${summary.handlers.join(', ')}), ${summary.codeBytes} bytes of code, ${summary.seconds} s\n`);
    }
    if (summary.resourcesChecked === true) process.stdout.write(`forge resources: ${problems.length === 0 ? 'every resource folder exists, is not empty and has index.html' : 'see problems above'}\n`);
  }
  return problems.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`forge bundle could not run: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(2);
  },
);
