/**
 * Builds the resolver context the way Forge does: from what the host knows (module, project, issue, signed-in
 * user), never from what the Custom UI says about the user.
 */
export const APP_ID = '00000000-0000-4000-8000-000000000000';
export const ENVIRONMENT_ID = '00000000-0000-4000-8000-00000000e0e0';
export const CLOUD_ID = '5a9d2f6e-0000-4000-8000-5a9db0c5e000';

export const MODULE_TYPES = {
  'sms-navigator-project-page': 'jira:projectPage',
  'sms-navigator-issue-panel': 'jira:issuePanel',
  'sms-navigator-issue-context': 'jira:issueContext',
  'sms-navigator-project-settings': 'jira:projectSettingsPage',
  // The Confluence macro (manifest `macro:`); Confluence gives it the page and its stored configuration, no project.
  'sms-readiness': 'macro',
} as const;

/** Where the macro sits: the page and the extension node's localId; its configuration is read from the stored page. */
export interface MacroRef {
  contentId: string;
  localId: string;
  /**
   * 'config': the frame is the macro's configuration (manifest `config`), opened by the page editor on insert or
   * from "Edit" on the macro; its context says `extension.entryPoint = 'config'` and only it may view.submit.
   */
  entryPoint?: 'config' | undefined;
}

/** A macro's stored configuration (the extension node's `parameters.guestParams`). */
export type MacroConfig = Record<string, unknown>;

export type ModuleKey = keyof typeof MODULE_TYPES;
export type ExtensionType = (typeof MODULE_TYPES)[ModuleKey];

export function isModuleKey(s: string): s is ModuleKey {
  return Object.prototype.hasOwnProperty.call(MODULE_TYPES, s);
}

export interface ProjectRef {
  id: string;
  key: string;
  type: string;
}

export interface IssueRef {
  id: string;
  key: string;
  type: string;
  typeId: string;
  projectKey: string;
}

/** How the bridge finds the project and issue (the server answers these from the emulator, as the app). */
export interface ProductLookup {
  project(key: string): Promise<ProjectRef | undefined>;
  issue(key: string): Promise<IssueRef | undefined>;
  /** The configuration stored with the macro node `localId` of page `contentId`, read as the app (as Confluence reads its own page). */
  macroConfig?(ref: MacroRef): Promise<MacroConfig | undefined>;
}

export interface ForgeResolverContext {
  accountId?: string;
  cloudId: string;
  siteUrl: string;
  moduleKey: ModuleKey;
  localId: string;
  environmentId: string;
  environmentType: 'DEVELOPMENT';
  extension:
    | { type: Exclude<ExtensionType, 'macro'>; project: ProjectRef; issue?: { id: string; key: string; type: string; typeId: string } }
    | { type: 'macro'; content: { id: string; type: 'page' }; localId: string; config: MacroConfig; entryPoint?: 'config' };
}

export interface ForgeViewContext extends ForgeResolverContext {
  locale: string;
  timezone: string;
  theme: { colorMode: 'light' | 'dark' };
}

export class BridgeRequestError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeRequestError';
  }
}

export interface ContextRequest {
  moduleKey: string;
  projectKey: string;
  issueKey?: string | undefined;
  accountId: string | undefined;
  siteUrl: string;
  macro?: MacroRef | undefined;
}

export async function buildResolverContext(req: ContextRequest, lookup: ProductLookup): Promise<ForgeResolverContext> {
  if (!isModuleKey(req.moduleKey)) throw new BridgeRequestError(400, `Unknown module key "${req.moduleKey}".`);
  const type = MODULE_TYPES[req.moduleKey];
  if (type === 'macro') return buildMacroContext(req, lookup);
  let projectKey = req.projectKey;
  let issue: IssueRef | undefined;
  if (type === 'jira:issuePanel' || type === 'jira:issueContext') {
    if (!req.issueKey) throw new BridgeRequestError(400, `An issue module (${type}) needs an issueKey.`);
    issue = await lookup.issue(req.issueKey);
    if (!issue) throw new BridgeRequestError(404, `Issue ${req.issueKey} does not exist.`);
    projectKey = issue.projectKey; // the issue decides the project, whatever the page said
  }
  const project = await lookup.project(projectKey);
  if (!project) throw new BridgeRequestError(404, `Project ${projectKey} does not exist.`);
  const context: ForgeResolverContext = {
    cloudId: CLOUD_ID,
    siteUrl: req.siteUrl,
    moduleKey: req.moduleKey,
    localId: `ari:cloud:ecosystem::extension/${APP_ID}/${ENVIRONMENT_ID}/static/${req.moduleKey}`,
    environmentId: ENVIRONMENT_ID,
    environmentType: 'DEVELOPMENT',
    extension: {
      type,
      project,
      ...(issue ? { issue: { id: issue.id, key: issue.key, type: issue.type, typeId: issue.typeId } } : {}),
    },
  };
  if (req.accountId !== undefined) context.accountId = req.accountId;
  return context;
}

async function buildMacroContext(req: ContextRequest, lookup: ProductLookup): Promise<ForgeResolverContext> {
  if (req.macro === undefined) throw new BridgeRequestError(400, 'A macro frame needs its page (contentId) and node (localId).');
  const config = await lookup.macroConfig?.(req.macro);
  if (config === undefined) throw new BridgeRequestError(404, `Page ${req.macro.contentId} has no macro ${req.macro.localId}.`);
  const context: ForgeResolverContext = {
    cloudId: CLOUD_ID,
    siteUrl: req.siteUrl,
    moduleKey: req.moduleKey as ModuleKey,
    localId: req.macro.localId,
    environmentId: ENVIRONMENT_ID,
    environmentType: 'DEVELOPMENT',
    extension: {
      type: 'macro',
      content: { id: req.macro.contentId, type: 'page' },
      localId: req.macro.localId,
      config,
      ...(req.macro.entryPoint === 'config' ? { entryPoint: 'config' as const } : {}),
    },
  };
  if (req.accountId !== undefined) context.accountId = req.accountId;
  return context;
}

export function toViewContext(ctx: ForgeResolverContext, colorMode: 'light' | 'dark'): ForgeViewContext {
  return { ...ctx, locale: 'en-US', timezone: 'UTC', theme: { colorMode } };
}
