/**
 * Offline Forge checks: the manifest validation of `@forge/manifest` and the client-side linters of
 * `@forge/lint` (the ones `forge lint` runs before its server call). Used by `npm run forge:check`
 * (scripts/forge-check.ts) and by test/resolvers/forge-manifest.test.ts + forge-lint.test.ts.
 *
 * Both tools resolve paths against the current directory and the manifest's folder, and the manifest
 * validator insists that the Custom UI build (static/build/index.html) exists. So the checks run on a
 * staged copy of the project in a temp folder: manifest.yml, tsconfig.json, package.json, src/ and the
 * built index.html (a placeholder when the UI has not been built; the report says so). The checkout is
 * never written to.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { SPEC_FILES, specsDir } from '../sandbox/specs';

export const PROJECT_ROOT = path.resolve(__dirname, '..');

export interface ForgeProblem {
  source: 'manifest' | 'lint';
  level: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  message: string;
  reference: string;
}

export interface ForgeCheckReport {
  problems: ForgeProblem[];
  errors: number;
  warnings: number;
  /** Facts about the run a reader should know (placeholder UI build, number of files linted). */
  notes: string[];
}

export interface StageOptions {
  /** Rewrites manifest.yml text in the staged copy (tests use this to remove a scope). */
  manifest?: (text: string) => string;
  /** Extra files to write into the staged copy, by relative path. */
  files?: Record<string, string>;
}

export interface StagedProject {
  dir: string;
  notes: string[];
  cleanup(): void;
}

const PLACEHOLDER_INDEX =
  '<!doctype html><html><head><meta charset="utf-8"><title>SMS Navigator</title></head><body><div id="root"></div></body></html>\n';

/** Reads the resource path of the `main` resource from the manifest text without trusting its shape. */
function resourcePaths(manifestText: string): string[] {
  const doc = YAML.parse(manifestText) as { resources?: { path?: unknown }[] } | null;
  return (doc?.resources ?? []).map((r) => r.path).filter((p): p is string => typeof p === 'string');
}

/** Copies the parts of the project the Forge tools read into a fresh temp folder. */
export function stageProject(root: string = PROJECT_ROOT, options: StageOptions = {}): StagedProject {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sms-forge-check-'));
  const notes: string[] = [];
  let manifestText = readFileSync(path.join(root, 'manifest.yml'), 'utf8');
  if (options.manifest) manifestText = options.manifest(manifestText);
  writeFileSync(path.join(dir, 'manifest.yml'), manifestText);
  for (const f of ['tsconfig.json', 'package.json']) {
    if (existsSync(path.join(root, f))) cpSync(path.join(root, f), path.join(dir, f));
  }
  cpSync(path.join(root, 'src'), path.join(dir, 'src'), { recursive: true });
  for (const rel of resourcePaths(manifestText)) {
    const builtIndex = path.join(root, rel, 'index.html');
    mkdirSync(path.join(dir, rel), { recursive: true });
    if (existsSync(builtIndex)) {
      cpSync(builtIndex, path.join(dir, rel, 'index.html'));
    } else {
      writeFileSync(path.join(dir, rel, 'index.html'), PLACEHOLDER_INDEX);
      notes.push(`${rel}/index.html is not built yet (npm run build:ui); a placeholder stood in for the check.`);
    }
  }
  for (const [rel, text] of Object.entries(options.files ?? {})) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return { dir, notes, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The env the Forge tools need to run offline (local OpenAPI specs, no analytics, scratch HOME). */
export function offlineForgeEnv(scratchHome: string): Record<string, string> {
  const specs = specsDir();
  const spec = (f: string): string => path.join(specs, f);
  return {
    USE_LOCAL_SWAGGER: '1',
    LOCAL_JIRA_SWAGGER: spec(SPEC_FILES.jira),
    LOCAL_CONF_V2_SWAGGER: spec(SPEC_FILES.confluence),
    LOCAL_JSM_SWAGGER: spec(SPEC_FILES.empty),
    LOCAL_JSW_SWAGGER: spec(SPEC_FILES.empty),
    LOCAL_CONF_SWAGGER: spec(SPEC_FILES.empty),
    LOCAL_BB_SWAGGER: spec(SPEC_FILES.empty),
    FORGE_DISABLE_ANALYTICS: '1',
    HOME: scratchHome,
    XDG_CONFIG_HOME: path.join(scratchHome, '.config'),
    XDG_CACHE_HOME: path.join(scratchHome, '.cache'),
  };
}

/** Runs `fn` with the offline env and `cwd` set, restoring both afterwards (the Forge tools read them). */
async function withOfflineForge<T>(cwd: string, fn: () => Promise<T>): Promise<T> {
  const scratchHome = mkdtempSync(path.join(os.tmpdir(), 'sms-forge-home-'));
  const env = offlineForgeEnv(scratchHome);
  const saved = new Map<string, string | undefined>(Object.keys(env).map((k) => [k, process.env[k]]));
  const savedCwd = process.cwd();
  Object.assign(process.env, env);
  process.chdir(cwd);
  try {
    return await fn();
  } finally {
    process.chdir(savedCwd);
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(scratchHome, { recursive: true, force: true });
  }
}

interface ManifestValidationError {
  message: string;
  reference?: string;
  level?: string;
  line?: number;
  column?: number;
}

/** `@forge/manifest` full validation (YAML, JSON schema, semantic checks) of `<dir>/manifest.yml`. */
export async function validateManifestAt(dir: string): Promise<ForgeProblem[]> {
  return withOfflineForge(dir, async () => {
    const { validate } = await import('@forge/manifest');
    const result = await validate(false, path.join(dir, 'manifest.yml'));
    return ((result.errors ?? []) as ManifestValidationError[]).map((e) => ({
      source: 'manifest' as const,
      level: e.level === 'warning' ? ('warning' as const) : ('error' as const),
      file: 'manifest.yml',
      line: e.line ?? 0,
      column: e.column ?? 0,
      message: e.message,
      reference: e.reference ?? '',
    }));
  });
}

/** Every source file under `<dir>/src`, relative to `dir`, in a stable order. */
export function sourceFiles(dir: string, sub = 'src'): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
    const rel = path.join(sub, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(dir, rel));
    else if (/\.(tsx?|jsx?|cjs|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out.sort();
}

/**
 * The client-side linters of `@forge/lint` over `<dir>/src` with the manifest of `<dir>`:
 * scopes for every requestJira/requestConfluence route, handlers, manifest, CSP, storage modules, timeouts…
 */
export async function lintProjectAt(dir: string): Promise<{ problems: ForgeProblem[]; filesLinted: number }> {
  return withOfflineForge(dir, async () => {
    const forgeLint = await import('@forge/lint');
    const { StatsigReader } = await import('@forge/cli-shared');
    const { validate } = await import('@forge/manifest');

    /** Feature flags come from Atlassian's Statsig service: offline, every gate and config is "unknown". */
    class OfflineStatsigReader extends StatsigReader {
      override async checkGate(): Promise<boolean | null> {
        return null;
      }
      override async getDynamicConfig(): Promise<null> {
        return null;
      }
    }

    const manifestResult = await validate(false, path.join(dir, 'manifest.yml'));
    const manifest = manifestResult.manifestObject?.typedContent;
    if (!manifest) throw new Error('manifest.yml could not be read; run the manifest validation first.');
    const files = sourceFiles(dir);
    const logger = { info: (): void => undefined };
    const statsig = new OfflineStatsigReader() as unknown as Parameters<typeof forgeLint.lint>[4];
    const results = await forgeLint.lint(files, manifest, 'development', logger, statsig, {
      linter: { mode: 'client-side' },
    });
    const problems: ForgeProblem[] = [];
    for (const r of results) {
      const file = path.relative(dir, path.resolve(dir, r.file)) || r.file;
      for (const [level, list] of [['error', r.errors], ['warning', r.warnings], ['error', r.approvals]] as const) {
        for (const p of list) {
          problems.push({ source: 'lint', level, file, line: p.line, column: p.column, message: p.message, reference: p.reference });
        }
      }
    }
    return { problems, filesLinted: files.length };
  });
}

/** Stages the project, validates the manifest, lints the code; never throws for findings, only for broken tooling. */
export async function runForgeChecks(root: string = PROJECT_ROOT, options: StageOptions = {}): Promise<ForgeCheckReport> {
  const staged = stageProject(root, options);
  try {
    const manifestProblems = await validateManifestAt(staged.dir);
    const lint = await lintProjectAt(staged.dir);
    const problems = [...manifestProblems, ...lint.problems];
    return {
      problems,
      errors: problems.filter((p) => p.level === 'error').length,
      warnings: problems.filter((p) => p.level === 'warning').length,
      notes: [...staged.notes, `linted ${lint.filesLinted} source files under src/`],
    };
  } finally {
    staged.cleanup();
  }
}

export const formatProblem = (p: ForgeProblem): string =>
  `${p.file}:${p.line}:${p.column}  ${p.level}  ${p.message}${p.reference ? `  [${p.source}: ${p.reference}]` : ` [${p.source}]`}`;
