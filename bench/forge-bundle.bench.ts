/**
 * forge.bundle.kb: size of the Forge functions as `@forge/bundler` bundles them for `forge deploy` (the code
 * files, index.cjs; the source map is printed apart), from scripts/forge-bundle.ts run offline.
 *
 * Bound: 51,200 KB (50 MB). The Forge limits pages we could read (invocation, storage, environment variables,
 * manifest 200 KB) print no figure for the function package; the CLI learns it from the server at deploy time
 * (`artifactTooLarge` in @forge/cli-shared takes the limit as a parameter). Forge functions run on AWS Lambda
 * (the runtime hands the app a `lambdaContext`), whose direct-upload package limit is 50 MB zipped; the bundle
 * is measured unzipped, so the comparison is on the safe side.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Emit } from './run';

const ROOT = path.resolve(__dirname, '..');
const BOUND_KB = 50 * 1024;

export async function run(emit: Emit): Promise<void> {
  const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/forge-bundle.ts', '--json'], { cwd: ROOT, encoding: 'utf8' });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0) throw new Error(`forge bundle failed (exit ${r.status}): ${last}\n${r.stderr}`);
  const summary = JSON.parse(last) as { codeBytes: number; sourceMapBytes: number; handlers: string[]; seconds: number };
  emit({
    name: 'forge.bundle.kb',
    value: Math.round(summary.codeBytes / 1024),
    unit: 'KB',
    bound: BOUND_KB,
    better: 'lower',
    boundSource: 'no function package figure on the Forge limits pages; 50 MB = AWS Lambda zipped package limit (Forge runs functions on Lambda)',
    sourceMapKb: Math.round(summary.sourceMapBytes / 1024),
    handlers: summary.handlers,
    bundleSeconds: summary.seconds,
  });
}
