/**
 * Forge's own function bundling, offline: `@forge/bundler` (the code `forge deploy` runs) over the handlers
 * the manifest names, then the checks the CLI makes before it uploads anything.
 *
 * - `bundleForgeFunctions` stages the project like scripts/forge-checks-lib.ts (manifest, tsconfig, src; the
 *   checkout is never written), links node_modules into the stage, and runs
 *   `getNodeBundler(logger, wrapperProvider, configFile).bundle({ entryPoints: getEntryPoints(handlers) })`.
 *   The runtime wrapper that the bundler would download from Atlassian's CDN is a stub (`STUB_WRAPPER_PROVIDER`):
 *   the CLI only packages it beside the bundle, it is not part of the app's code.
 * - `verifyBundle` requires each bundled module and checks that every `module.function` handler named in
 *   manifest.yml is an exported function. A handler missing from the bundle is a problem.
 * - `checkResources` checks each `resources:` folder as the CLI packages it: exists, not empty, has index.html.
 *
 * Used by test/integration/forge-bundle.test.ts (which then invokes the bundled handlers against the emulator),
 * scripts/forge-bundle.ts (`npm run forge:bundle`, also run by `npm run deploy`) and bench/forge-bundle.bench.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync, symlinkSync, type Dirent } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { PROJECT_ROOT, stageProject, type StageOptions } from './forge-checks-lib';

export interface ForgeHandlerRef {
  /** `index` in `index.resolverHandler`: the file under src/ (without extension). */
  module: string;
  /** `resolverHandler` in `index.resolverHandler`: the export. */
  func: string;
}

export interface BundledFile {
  name: string;
  bytes: number;
}

export interface ForgeBundle {
  /** Where the bundler wrote `<module>.cjs` and its source map. */
  outputDir: string;
  /** The handlers the manifest names (as `ConfigFile.getAppHandlers()` reads them). */
  handlers: ForgeHandlerRef[];
  /** The bundled code files (`.cjs`), the functions Forge deploys. */
  code: BundledFile[];
  /** Bytes of the bundled code files together. */
  codeBytes: number;
  /** Bytes of the source maps (packaged too, reported apart). */
  sourceMapBytes: number;
  /** Files the CLI adds beside the bundle (runtime wrapper, loader, runtime.json); stubbed here. */
  additionalOutputs: string[];
  cleanup(): void;
}

/** The wrapper provider the bundler calls instead of downloading Forge's node runtime wrapper. */
export const STUB_WRAPPER_PROVIDER = {
  async getNodeRuntimeWrapper(): Promise<{ script: string; source: string; version: string }> {
    return { script: '// stub: the Forge node runtime wrapper is fetched by `forge deploy`, not by tests\n', source: 'stub', version: 'stub' };
  },
  async getNodeRuntimeLoader(): Promise<{ script: string; source: string; version: string }> {
    return { script: '// stub: the Forge node runtime loader\n', source: 'stub', version: 'stub' };
  },
};

const quietLogger = {
  traceEnabled: false,
  debugEnabled: false,
  trace: (): void => undefined,
  debug: (): void => undefined,
  info: (): void => undefined,
  warn: (message: string): void => {
    process.stderr.write(`forge bundler warning: ${message}\n`);
  },
  error: (error: Error): void => {
    process.stderr.write(`forge bundler error: ${error.message}\n`);
  },
};

function listFiles(dir: string): BundledFile[] {
  const out: BundledFile[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true }) as Dirent[]) {
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else out.push({ name: child, bytes: statSync(path.join(dir, child)).size });
    }
  };
  walk('');
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Bundles the Forge functions of the project at `root` (or of a changed manifest, for tests) with
 * `@forge/bundler`, offline. Runs with the stage as the current directory (the bundler reads `manifest.yml`
 * and `src/` from there), so call it from a process that owns its cwd (scripts/forge-bundle.ts).
 */
export async function bundleForgeFunctions(root: string = PROJECT_ROOT, options: StageOptions = {}): Promise<ForgeBundle> {
  const stage = stageProject(root, options);
  symlinkSync(path.join(root, 'node_modules'), path.join(stage.dir, 'node_modules'), 'dir');
  const savedCwd = process.cwd();
  process.chdir(stage.dir);
  try {
    const { getNodeBundler, getEntryPoints } = await import('@forge/bundler');
    const { ConfigFile, FileSystemReader, FileSystemWriter } = await import('@forge/cli-shared');
    const configFile = new ConfigFile(new FileSystemReader(), new FileSystemWriter());
    const handlers = await configFile.getAppHandlers();
    const bundler = getNodeBundler(quietLogger, STUB_WRAPPER_PROVIDER, configFile);
    const output = await bundler.bundle({ appDirectory: stage.dir, entryPoints: getEntryPoints(handlers) });
    const files = listFiles(output.outputDir);
    const code = files.filter((f) => f.name.endsWith('.cjs'));
    return {
      outputDir: output.outputDir,
      handlers: handlers.map((h) => ({ module: h.module, func: h.func })),
      code,
      codeBytes: code.reduce((n, f) => n + f.bytes, 0),
      sourceMapBytes: files.filter((f) => f.name.endsWith('.map')).reduce((n, f) => n + f.bytes, 0),
      additionalOutputs: [...(output.additionalOutputs?.keys() ?? [])].sort(),
      cleanup: () => stage.cleanup(),
    };
  } finally {
    process.chdir(savedCwd);
  }
}

/** The handlers `function:` entries name in a manifest (`index.resolverHandler` -> index / resolverHandler). */
export function manifestHandlers(manifestText: string): ForgeHandlerRef[] {
  const doc = YAML.parse(manifestText) as { modules?: { function?: { handler?: unknown }[] } } | null;
  const names = new Set((doc?.modules?.function ?? []).map((f) => f.handler).filter((h): h is string => typeof h === 'string'));
  return [...names].map((handler) => {
    const [module = '', func = '', ...rest] = handler.split('.');
    if (module === '' || func === '' || rest.length > 0) throw new Error(`manifest.yml: handler "${handler}" is not of the form module.function`);
    return { module, func };
  });
}

/** Loads one bundled module (a CommonJS file the bundler wrote) and returns its exports. */
export function requireBundledModule(outputDir: string, module: string): Record<string, unknown> {
  const file = path.join(outputDir, `${module}.cjs`);
  if (!existsSync(file)) throw new Error(`The bundle has no ${module}.cjs (looked in ${outputDir}).`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle is CommonJS by Forge's design
  const loaded: unknown = require(file);
  if (loaded === null || typeof loaded !== 'object') throw new Error(`${module}.cjs exports nothing.`);
  return loaded as Record<string, unknown>;
}

/**
 * Every handler the manifest names must be a function exported by its bundled module. Returns one line per
 * problem (empty when the bundle answers every handler).
 */
export function verifyBundle(outputDir: string, handlers: readonly ForgeHandlerRef[]): string[] {
  const problems: string[] = [];
  for (const h of handlers) {
    let exports: Record<string, unknown>;
    try {
      exports = requireBundledModule(outputDir, h.module);
    } catch (e) {
      problems.push(`${h.module}.${h.func}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    if (typeof exports[h.func] !== 'function') {
      problems.push(`${h.module}.${h.func}: manifest.yml names this handler but the bundled ${h.module}.cjs does not export a function "${h.func}".`);
    }
  }
  return problems;
}

/** The `resources:` entries of a manifest. */
export function manifestResources(manifestText: string): { key: string; path: string }[] {
  const doc = YAML.parse(manifestText) as { resources?: { key?: unknown; path?: unknown }[] } | null;
  return (doc?.resources ?? [])
    .filter((r): r is { key: string; path: string } => typeof r.key === 'string' && typeof r.path === 'string')
    .map((r) => ({ key: r.key, path: r.path }));
}

/**
 * Each resource folder as `forge deploy` packages it: the folder exists, is not empty and holds an index.html.
 * Returns one line per problem.
 */
export function checkResources(root: string = PROJECT_ROOT, manifestText?: string): string[] {
  const text = manifestText ?? readFileSync(path.join(root, 'manifest.yml'), 'utf8');
  const problems: string[] = [];
  for (const r of manifestResources(text)) {
    const dir = path.resolve(root, r.path);
    const where = `resource "${r.key}" (${r.path})`;
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      problems.push(`${where}: the folder does not exist (build the UI first: npm run build:ui).`);
      continue;
    }
    if (readdirSync(dir).length === 0) {
      problems.push(`${where}: the folder is empty.`);
      continue;
    }
    if (!existsSync(path.join(dir, 'index.html'))) problems.push(`${where}: the folder has no index.html.`);
  }
  return problems;
}
