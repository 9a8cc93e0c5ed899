#!/usr/bin/env node
// `npm run deploy`: the real Forge path. It never pretends: without the Forge CLI (or without a login,
// or with the placeholder app id) it prints the steps to take and exits non-zero.
//   npm run deploy                     checks, builds the UI and runs `forge deploy -e development`
//   npm run deploy -- --site x.atlassian.net   also runs `forge install` on that site (Jira)
//   npm run deploy -- --environment staging     another Forge environment
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const environment = option('environment') ?? 'development';
const site = option('site');
const PLACEHOLDER_APP_ID = 'ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000000';

const steps = [
  'npm install -g @forge/cli            # the Forge CLI (needs libsecret for keytar on Linux)',
  'forge login                          # an Atlassian API token from id.atlassian.com',
  'forge register                       # once: replaces the placeholder app id in manifest.yml',
  'npm run forge:check                  # offline manifest validation + client-side forge lint',
  'npm run build:ui                     # Vite build of static/ into static/build (the `main` resource)',
  'npm run forge:bundle -- --resources  # @forge/bundler offline: every handler bundled; resource folders packaged as the CLI does',
  `forge deploy -e ${environment}`,
  `forge install --site ${site ?? '<your-site>.atlassian.net'} --product jira -e ${environment}`,
];

function printStepsAndFail(reason) {
  console.error(`deploy: not deployed: ${reason}`);
  console.error('\nTo deploy SMS Navigator to Atlassian Forge, run:');
  for (const s of steps) console.error(`  ${s}`);
  process.exit(1);
}

function run(cmd, cmdArgs) {
  console.log(`\n$ ${[cmd, ...cmdArgs].join(' ')}`);
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit' });
  if (r.error) printStepsAndFail(`${cmd} could not start (${r.error.message})`);
  if (r.status !== 0) {
    console.error(`deploy: \`${[cmd, ...cmdArgs].join(' ')}\` failed (exit ${r.status}); nothing further was done.`);
    process.exit(r.status ?? 1);
  }
}

const version = spawnSync('forge', ['--version'], { encoding: 'utf8' });
if (version.error || version.status !== 0) printStepsAndFail('the Forge CLI (`forge`) is not installed on this machine.');
console.log(`forge CLI ${version.stdout.trim()}`);

const whoami = spawnSync('forge', ['whoami'], { encoding: 'utf8' });
if (whoami.status !== 0) printStepsAndFail('the Forge CLI is not logged in (`forge whoami` failed).');

if (readFileSync('manifest.yml', 'utf8').includes(PLACEHOLDER_APP_ID)) {
  printStepsAndFail('manifest.yml still has the placeholder app id; run `forge register` first.');
}

run('npm', ['run', '--silent', 'forge:check']);
run('npm', ['run', '--silent', 'build:ui']);
// The same checks as `npm test`: Forge's bundler finds every handler, each resource folder packages.
run('npm', ['run', '--silent', 'forge:bundle', '--', '--resources']);
run('forge', ['deploy', '-e', environment, '--non-interactive']);
if (site) {
  run('forge', ['install', '--site', site, '--product', 'jira', '-e', environment, '--non-interactive']);
} else {
  console.log(`\nDeployed to ${environment}. Install it on a site with:\n  ${steps[steps.length - 1]}`);
}
