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
}

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
  }),
});

export function parseManifest(text: string): SandboxManifest {
  const parsed = manifestSchema.safeParse(YAML.parse(text));
  if (!parsed.success) {
    throw new Error(`manifest.yml is not what the sandbox expects: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const page = parsed.data.modules['jira:projectPage'][0];
  if (page === undefined) throw new Error('manifest.yml declares no jira:projectPage.');
  return {
    compatibility: parsed.data.app.compatibility ?? {},
    projectPage: { key: page.key, title: page.title, pages: page.pages ?? [] },
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
