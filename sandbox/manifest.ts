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
  /**
   * The jira:issueContext glances, as Jira lists them in an issue's context area (label collapsed, title opened).
   * Forge's schema refuses one without key, title, label and resource, or with a label or title over 255
   * characters; so does the sandbox.
   */
  issueContexts: { key: string; title: string; label: string; status?: { type: 'badge' | 'lozenge' | 'icon'; label: string } }[];
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
    'jira:issueContext': z
      .array(
        z.object({
          key: z.string().regex(/^[a-z0-9-_]+$/i).max(64),
          title: z.string().min(1).max(255),
          label: z.string().min(1).max(255),
          resource: z.string().min(1).max(47),
          status: z
            .object({ type: z.enum(['badge', 'lozenge', 'icon']), value: z.object({ label: z.string().min(1).max(255), type: z.enum(['default', 'inprogress', 'moved', 'new', 'removed', 'success']).optional() }) })
            .optional(),
        }),
      )
      .min(1)
      .optional(),
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
    issueContexts: (parsed.data.modules['jira:issueContext'] ?? []).map((m) => ({
      key: m.key,
      title: m.title,
      label: m.label,
      ...(m.status !== undefined ? { status: { type: m.status.type, label: m.status.value.label } } : {}),
    })),
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
