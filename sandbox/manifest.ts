import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';

/**
 * What the sandbox takes from manifest.yml, so that it hosts the app as Forge would from the same file:
 * the Atlassian apps the app declares in `app.compatibility` (an app not declared there cannot be called),
 * and the subpages (`pages`) of the jira:projectPage module, which the host lists in its project sidebar.
 */

export const MANIFEST_PATH = path.resolve(__dirname, '..', 'manifest.yml');

export interface ProjectSubpage {
  title: string;
  route: string;
}

export interface SandboxManifest {
  /** Apps named in app.compatibility, with whether each is required. Empty when the block is absent. */
  compatibility: Partial<Record<string, { required: boolean }>>;
  /** The project page's module key, title and subpages in manifest order (empty when it declares none). */
  projectPage: { key: string; title: string; pages: ProjectSubpage[] };
  /** The queue consumer function's time limit in seconds (`timeoutSeconds`; Forge's default 55 when absent). */
  consumerTimeoutSeconds: number;
}

/** Forge's time limit of a function that declares no `timeoutSeconds`, and the most a consumer may declare. */
export const FORGE_DEFAULT_TIMEOUT_S = 55;
export const FORGE_MAX_CONSUMER_TIMEOUT_S = 900;

const manifestSchema = z.object({
  app: z.object({
    compatibility: z.record(z.string(), z.object({ required: z.boolean() })).optional(),
  }),
  modules: z.object({
    'jira:projectPage': z
      .array(
        z.object({
          key: z.string(),
          title: z.string(),
          pages: z.array(z.object({ title: z.string(), route: z.string() })).optional(),
        }),
      )
      .min(1),
    consumer: z.array(z.object({ key: z.string(), function: z.string() })).optional(),
    function: z.array(z.object({ key: z.string(), handler: z.string(), timeoutSeconds: z.number().int().positive().optional() })).optional(),
  }),
});

export function parseManifest(text: string): SandboxManifest {
  const parsed = manifestSchema.safeParse(YAML.parse(text));
  if (!parsed.success) {
    throw new Error(`manifest.yml is not what the sandbox expects: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const page = parsed.data.modules['jira:projectPage'][0];
  if (page === undefined) throw new Error('manifest.yml declares no jira:projectPage.');
  const consumerFn = parsed.data.modules.consumer?.[0]?.function;
  const fn = parsed.data.modules.function?.find((f) => f.key === consumerFn);
  return {
    compatibility: parsed.data.app.compatibility ?? {},
    projectPage: { key: page.key, title: page.title, pages: page.pages ?? [] },
    consumerTimeoutSeconds: Math.min(FORGE_MAX_CONSUMER_TIMEOUT_S, fn?.timeoutSeconds ?? FORGE_DEFAULT_TIMEOUT_S),
  };
}

export function readManifest(file: string = MANIFEST_PATH): SandboxManifest {
  return parseManifest(readFileSync(file, 'utf8'));
}

/**
 * Whether the app, installed in Jira, may call Confluence at all: only when the manifest declares Confluence in
 * `app.compatibility` (Forge: without it the app has no Confluence installation to call).
 */
export function declaresConfluence(m: SandboxManifest): boolean {
  return m.compatibility.confluence !== undefined;
}
