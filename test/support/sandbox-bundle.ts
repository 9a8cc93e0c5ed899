/**
 * The sandbox server (`sandbox/main.ts`) bundled once by esbuild into `build/sandbox-server/main.js`, so a test
 * that kills and restarts the server many times (the crash harness) starts plain `node` on JavaScript instead of
 * compiling TypeScript with tsx on every start. Packages stay in node_modules (`packages: 'external'`); only the
 * project's own sources are bundled. Their `__dirname` is rewritten to the source file's folder, relative to the
 * bundle, so files read beside a module (manifest.yml, host assets, the bridge client) are found as under tsx.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT_DIR = path.join(ROOT, 'build', 'sandbox-server');
/** The bundled server: run it with `node` and the same arguments and environment as `sandbox/main.ts`. */
export const SANDBOX_BUNDLE = path.join(OUT_DIR, 'main.js');

/** Each project source's `__dirname` as the path of its own folder, resolved from the bundle's folder. */
const ownDirname: Plugin = {
  name: 'own-dirname',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!/\b__dirname\b/.test(source)) return { contents: source, loader: 'ts' };
      const rel = JSON.stringify(path.relative(OUT_DIR, path.dirname(args.path)));
      return { contents: source.replace(/\b__dirname\b/g, `require('node:path').join(__dirname, ${rel})`), loader: 'ts' };
    });
  },
};

let built: Promise<string> | undefined;

/** Bundles the sandbox server (once per process; about a second) and returns the bundle's path. */
export function bundleSandboxServer(): Promise<string> {
  built ??= build({
    entryPoints: [path.join(ROOT, 'sandbox', 'main.ts')],
    outfile: SANDBOX_BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [ownDirname],
  }).then(() => SANDBOX_BUNDLE);
  return built;
}
