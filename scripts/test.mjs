#!/usr/bin/env node
// `npm test`: every check the project has, in order, then one closing line "N passed, N failed".
// Stages: Chromium present (installed when root + apt) -> specs present -> typecheck -> ESLint -> Jest (unit,
// Forge checks, the Forge bundle, integration + contract) -> UI build -> Forge resource folders -> browser tests
// (Playwright + system Chromium). A failed stage fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
mkdirSync('build/test-results', { recursive: true });

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;
const failures = [];

function run(label, cmd, args, { env = {} } = {}) {
  const t0 = Date.now();
  process.stdout.write(`\n=== ${label}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = r.status === 0;
  process.stdout.write(`=== ${label}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
  return ok;
}

function step(label, cmd, args, opts) {
  if (run(label, cmd, args, opts)) passed += 1;
  else { failed += 1; failures.push(label); }
}

// Fresh machine: the browser tests need Chromium. Install it when this process can (root and apt-get);
// otherwise stop at once with one line saying how. CHROMIUM_PATH overrides /usr/bin/chromium.
const e2eDir = 'test/e2e';
const hasE2e = existsSync(e2eDir) && readdirSync(e2eDir).some((f) => f.endsWith('.spec.ts'));
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (hasE2e && !existsSync(chromium)) {
  const canApt = process.getuid?.() === 0 && spawnSync('/bin/sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (canApt) {
    process.stdout.write(`Chromium is missing at ${chromium}: installing it (apt-get install chromium fonts-dejavu-core)\n`);
    spawnSync('/bin/sh', ['-c', 'apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  if (!existsSync(chromium)) {
    console.log(`npm test needs Chromium at ${chromium} for the browser tests: run \`sudo apt-get install -y chromium fonts-dejavu-core\` (or set CHROMIUM_PATH), then npm test again.`);
    process.exit(1);
  }
}

// 0. The official specs must be there (ATLASSIAN_SPECS_DIR or ../shared/reference/openapi).
step('OpenAPI specs present', bin('tsx'), ['-e', "try { console.log('specs:', require('./sandbox/specs').specsDir()); } catch (e) { console.error(e.message); process.exit(1); }"]);
if (failed > 0) {
  console.log(`\nchecks: ${passed} passed, ${failed} failed`);
  process.exit(1);
}

step('typecheck (tsc --noEmit, strict)', 'npm', ['run', '--silent', 'typecheck']);
step('ESLint (typescript-eslint)', bin('eslint'), ['.', '--max-warnings=0']);

// Jest: counted test by test.
const jestJson = path.join(root, 'build/test-results/jest.json');
rmSync(jestJson, { force: true });
const jestOk = run('Jest: unit, Forge manifest + lint, integration, contract', bin('jest'), ['--ci', '--json', `--outputFile=${jestJson}`]);
if (existsSync(jestJson)) {
  const j = JSON.parse(readFileSync(jestJson, 'utf8'));
  passed += j.numPassedTests;
  failed += j.numFailedTests + j.numRuntimeErrorTestSuites;
  if (!j.success || !jestOk) failures.push('jest');
} else { failed += 1; failures.push('jest (no results)'); }

// Browser tests need the built UI; the resource folders are checked as `forge deploy` packages them once it is built.
if (hasE2e) {
  step('UI build (Vite)', 'npm', ['run', '--silent', 'build:ui']);
  step('Forge resources as the CLI packages them (exists, not empty, index.html)', bin('tsx'), ['scripts/forge-bundle.ts', '--skip-bundle', '--resources']);
  const pwJson = path.join(root, 'build/test-results/playwright.json');
  rmSync(pwJson, { force: true }); // never count a stale report
  const pwOk = run('browser tests (Playwright, system Chromium)', bin('playwright'), ['test', '--config', 'test/e2e/playwright.config.ts'], {
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson },
  });
  if (existsSync(pwJson)) {
    const p = JSON.parse(readFileSync(pwJson, 'utf8'));
    passed += p.stats.expected;
    failed += p.stats.unexpected;
    if (p.stats.unexpected > 0 || !pwOk) failures.push('playwright');
  } else { failed += 1; failures.push('playwright (no results)'); }
}

if (failures.length) console.log(`\nfailed: ${failures.join(', ')}`);
// A stage that failed without a counted test failure (a crash, a leak) still counts as a failure.
if (failures.length > 0 && failed === 0) failed = failures.length;
console.log(`\nchecks: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failures.length > 0 ? 1 : 0);
