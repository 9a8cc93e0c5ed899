import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the official Atlassian OpenAPI specs live. They are reference data and are never copied into the
 * project: `ATLASSIAN_SPECS_DIR`, or `../shared/reference/openapi` beside the checkout.
 */
export const SPEC_FILES = {
  jira: 'jira-platform.swagger-v3.v3.json',
  confluence: 'confluence-v2.openapi-v2.v3.json',
  empty: 'empty-paths.json',
} as const;

const HOW_TO_GET_THEM = [
  'Download the official specs into one folder and point ATLASSIAN_SPECS_DIR at it:',
  '  curl -o jira-platform.swagger-v3.v3.json https://developer.atlassian.com/cloud/jira/platform/swagger-v3.v3.json',
  '  curl -o confluence-v2.openapi-v2.v3.json https://developer.atlassian.com/cloud/confluence/openapi-v2.v3.json',
  '  echo \'{"openapi":"3.0.1","info":{"title":"empty","version":"0"},"paths":{}}\' > empty-paths.json',
].join('\n');

export class SpecsMissingError extends Error {
  constructor(tried: string) {
    super(`The Atlassian OpenAPI specs were not found (looked in ${tried}).\n${HOW_TO_GET_THEM}`);
    this.name = 'SpecsMissingError';
  }
}

export function specsDir(env: NodeJS.ProcessEnv = process.env, projectRoot = path.resolve(__dirname, '..')): string {
  const dir = env.ATLASSIAN_SPECS_DIR
    ? path.resolve(env.ATLASSIAN_SPECS_DIR)
    : path.resolve(projectRoot, '..', 'shared', 'reference', 'openapi');
  const missing = Object.values(SPEC_FILES).filter((f) => !existsSync(path.join(dir, f)));
  if (missing.length > 0) throw new SpecsMissingError(`${dir} (missing ${missing.join(', ')})`);
  return dir;
}

const cache = new Map<string, unknown>();

/** Parsed spec, read once per process. */
export function loadSpec(which: keyof typeof SPEC_FILES, dir = specsDir()): unknown {
  const file = path.join(dir, SPEC_FILES[which]);
  let spec = cache.get(file);
  if (spec === undefined) {
    spec = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    cache.set(file, spec);
  }
  return spec;
}
