import path from 'node:path';
import type { Plugin, UserConfig } from 'vite';

const here = path.dirname(new URL(import.meta.url).pathname);

/**
 * One Custom UI resource's build: `root`/index.html -> static/`outDir` (a resource in manifest.yml). Relative base
 * because Forge serves each resource from its own CDN path. TSX is compiled by Vite itself (automatic JSX runtime
 * from static/tsconfig.json); static/ reaches src/ only through @contract/* (types) and @domain/* (pure domain
 * modules: no I/O, no Forge; ESLint holds both sides to it).
 */
export function customUiBuild(root: string, outDir: string, boot?: string, options: { fewRequests?: boolean } = {}): UserConfig {
  const input = boot === undefined ? undefined : { index: path.resolve(here, root, 'index.html'), boot: path.resolve(here, boot) };
  return {
    root: path.resolve(here, root),
    base: './',
    plugins: boot === undefined ? [] : [earlyBoot(path.resolve(here, boot))],
    resolve: {
      alias: {
        '@contract': path.resolve(here, '../src/contract'),
        '@domain': path.resolve(here, '../src/domain'),
        // Never initialised inside a Custom UI iframe: the stand-in gives the same defaults without the Statsig client.
        '@atlaskit/feature-gate-js-client/feature-gates': path.resolve(here, 'src/vendor/feature-gates.ts'),
      },
    },
    build: {
      ...(options.fewRequests === true ? { cssCodeSplit: false } : {}),
      rolldownOptions: {
        ...(input === undefined ? {} : { input }),
        ...(options.fewRequests === true ? { output: { codeSplitting: { groups: FEW_REQUESTS } } } : {}),
      },
      outDir: path.resolve(here, outDir),
      emptyOutDir: true,
      sourcemap: false,
      chunkSizeWarningLimit: 1500,
    },
  };
}

/**
 * A boot module and what it imports (the Forge bridge and the UI's context, resolver call and prefetch): one chunk of
 * its own, so that the async boot script needs nothing of the entry's larger graph.
 */
const BOOT_GRAPH = /node_modules[\\/](@forge[\\/]|lodash|tslib)|static[\\/]src[\\/](api[\\/](prefetch|call-resolver|forge-context|settled)\.ts|boot-resource\.ts|modules\.ts|(issue[\\/])?boot\.ts)/;

/**
 * `fewRequests`: everything the entry imports statically in one chunk (the boot graph apart) and all CSS in one
 * file, instead of a dozen small chunks shared with the lazy parts. Sandbox and Forge's CDN alike, a frame's first
 * requests queue on the browser's six connections per host: for the issue panel, 17 first requests became 5 and
 * the frame showed the panel about 120 ms sooner (bench/ui.bench.ts). Lazy parts load their own chunks as before.
 */
const FEW_REQUESTS = [
  { name: 'boot-graph', test: BOOT_GRAPH, priority: 2 },
  { name: 'initial', tags: ['$initial' as const], priority: 1 },
];

/**
 * Runs a resource's boot module (which asks for the view context and starts the first reads) as its own async
 * module script, before the entry's larger graph is fetched, compiled and run: an async module script runs as soon
 * as its own small graph is there. The entry imports the same boot module, so both share one instance and its
 * body runs once. The boot module is a second build input; this puts its chunk into index.html's <head>.
 */
function earlyBoot(bootFile: string): Plugin {
  return {
    name: 'sms-early-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle ?? {};
        const chunk = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.facadeModuleId === bootFile);
        if (chunk === undefined || chunk.type !== 'chunk') throw new Error(`The boot module ${bootFile} was not built as an entry.`);
        // The boot script is early only while it needs nothing of the entry's graph (BOOT_GRAPH must name all it imports).
        const needed = [...chunk.imports];
        for (let i = 0; i < needed.length; i++) {
          const dep = bundle[needed[i] as string];
          if (dep?.type !== 'chunk') continue;
          if (dep.isEntry || dep.name === 'initial') throw new Error(`The boot module ${bootFile} imports the entry's chunk ${dep.fileName}: add what it imports to BOOT_GRAPH.`);
          needed.push(...dep.imports.filter((f) => !needed.includes(f)));
        }
        return [{ tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src: `./${chunk.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}
