import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ConfluenceConnection } from '../confluence-connection';
import type { SandboxManifest } from '../manifest';
import type { SandboxUser } from '../seed/users';
import { APP_ID, ENVIRONMENT_ID } from '../bridge/forge-context';
import { colorModeOf, cookieValue, DEFAULT_ACCOUNT_ID, hostUser, readCookie, USER_COOKIE } from './cookies';
import type { HostData, ProjectDetails } from './host-data';
import {
  CONFLUENCE_SPACE_KEY,
  issueListBody,
  issueViewBody,
  layout,
  messageBody,
  paths,
  projectPageBody,
  settingsPageBody,
  UI_RESOURCES,
  type PageChrome,
} from './host-pages';
import { fastifyInject, registerIssueSearchPage } from './issue-search-page';
import { macroSubmitSchema, newReadinessMacroNode, withMacroAppended, withMacroConfig, type AdfNode } from './macro-editing';

export interface HostDeps {
  data: HostData;
  users: readonly SandboxUser[];
  /** static/build: the built `main` Custom UI resource (`npm run build:ui`); the other resources are built beside it. */
  staticBuildDir: string;
  defaultProjectKey?: string;
  /** The site's Confluence connection, switched from the top bar. */
  confluence: ConfluenceConnection;
  /** manifest.yml as the sandbox read it (the project page's subpages). */
  manifest: SandboxManifest;
  /**
   * The view context of the frame an index.html is served to (its query and the user's cookie), written into the
   * page so that `view.getContext()` answers from memory as in Jira; undefined leaves the bridge to ask for it.
   */
  frameContext?: (query: unknown, cookieHeader: string | undefined) => Promise<object | undefined>;
}

const ASSETS = path.join(__dirname, 'assets');
const BRIDGE_TAG = '<script src="/__bridge/bridge-client.js"></script>';

/** The element the bridge stand-in reads the frame's view context from (a JSON data block: never run as script). */
export const CONTEXT_ELEMENT_ID = 'sandbox-view-context';

/** JSON safe inside <script>: no "<" can close the element or open a comment. */
const scriptJson = (value: object): string => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * index.html of the built UI with the bridge stand-in loaded first, as Forge's iframe would have it, and the
 * frame's view context when the host knows it.
 */
export function injectBridge(indexHtml: string, context?: object): string {
  const tags = context === undefined ? BRIDGE_TAG : `<script type="application/json" id="${CONTEXT_ELEMENT_ID}">${scriptJson(context)}</script>\n    ${BRIDGE_TAG}`;
  const at = indexHtml.search(/<head[^>]*>/i);
  if (at < 0) return `${tags}\n${indexHtml}`;
  const end = indexHtml.indexOf('>', at) + 1;
  return `${indexHtml.slice(0, end)}\n    ${tags}${indexHtml.slice(end)}`;
}

const NOT_BUILT_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>UI not built</title></head>
<body style="font-family: system-ui, sans-serif; padding: 16px"><p><strong>The app's UI is not built.</strong>
Run <code>npm run build:ui</code> (or <code>npm start</code>, which builds it) and reload.</p></body></html>`;

/** Only same-site paths may be returned to after switching user. */
const safeBack = (back: unknown): string => (typeof back === 'string' && back.startsWith('/') && !back.startsWith('//') ? back : '/');

export async function registerHostRoutes(server: FastifyInstance, deps: HostDeps): Promise<void> {
  // Every resource is built by one `npm run build:ui`; the host page says so when the main one is missing.
  const uiBuilt = (): boolean => existsSync(path.join(deps.staticBuildDir, 'index.html'));
  const css = readFileSync(path.join(ASSETS, 'host.css'), 'utf8');
  const js = readFileSync(path.join(ASSETS, 'host.js'), 'utf8');
  const editorJs = readFileSync(path.join(ASSETS, 'page-editor.js'), 'utf8');
  const framesJs = readFileSync(path.join(ASSETS, 'page-frames.js'), 'utf8');
  const defaultProject = deps.defaultProjectKey ?? 'SMS';

  const subpages = deps.manifest.projectPage.pages;
  const chrome = (
    req: FastifyRequest,
    reply: FastifyReply,
    rest: Omit<PageChrome, 'user' | 'users' | 'colorMode' | 'currentPath' | 'uiBuilt' | 'subpages' | 'confluence'>,
  ): PageChrome => {
    // A fresh browser becomes the default user, and the bridge sees the same user as the page.
    if (readCookie(req.headers.cookie, USER_COOKIE) === undefined) reply.header('set-cookie', cookieValue(USER_COOKIE, DEFAULT_ACCOUNT_ID));
    return {
      ...rest,
      user: hostUser(req.headers.cookie),
      users: deps.users,
      colorMode: colorModeOf(req.headers.cookie),
      currentPath: req.url,
      uiBuilt: uiBuilt(),
      subpages,
      confluence: deps.confluence.declared ? deps.confluence.switch : 'undeclared',
    };
  };

  const sendPage = (reply: FastifyReply, page: string, status = 200): FastifyReply =>
    reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);

  const notFoundProject = (req: FastifyRequest, reply: FastifyReply, key: string): FastifyReply =>
    sendPage(
      reply,
      layout(
        chrome(req, reply, { title: 'Project not found', sidebar: 'none', crumbs: [] }),
        messageBody('Project not found', `There is no project with the key ${key} in this sandbox.`, { href: paths.projectPage(defaultProject), label: `Go to ${defaultProject}` }),
      ),
      404,
    );

  const crumbsFor = (p: ProjectDetails, last: string) => [
    { label: 'Projects', href: paths.projectPage(defaultProject) },
    { label: p.name, href: paths.projectPage(p.key) },
    { label: last },
  ];

  server.get('/', async (_req, reply) => reply.redirect(paths.projectPage(defaultProject)));

  server.get<{ Params: { projectKey: string } }>('/jira/software/projects/:projectKey', async (req, reply) =>
    reply.redirect(paths.projectPage(req.params.projectKey)),
  );

  // The project page at Jira's URL: /apps/{appId}/{envId} and, per subpage, /apps/{appId}/{envId}/{route}.
  // Jira only changes the URL between subpages; the app routes with view.createHistory(). A route the
  // manifest does not declare still opens the app, which shows its default view (as in Jira).
  const projectPage = async (req: FastifyRequest, reply: FastifyReply, projectKey: string, route: string | undefined) => {
    const project = await deps.data.projectDetails(projectKey);
    if (!project) return notFoundProject(req, reply, projectKey);
    const declared = route === undefined ? subpages[0] : subpages.find((s) => s.route === route);
    const c = chrome(req, reply, {
      title: `${declared ? `${declared.title} - ` : ''}SMS Navigator - ${project.name}`,
      project,
      sidebar: 'project',
      active: 'app',
      ...(declared ? { activeSubpage: declared.route } : {}),
      crumbs: crumbsFor(project, 'SMS Navigator'),
    });
    return sendPage(reply, layout(c, projectPageBody(project, c.uiBuilt)));
  };
  const appPath = `/jira/software/projects/:projectKey/apps/${APP_ID}/${ENVIRONMENT_ID}`;
  server.get<{ Params: { projectKey: string } }>(appPath, async (req, reply) => projectPage(req, reply, req.params.projectKey, undefined));
  server.get<{ Params: { projectKey: string; route: string } }>(`${appPath}/:route`, async (req, reply) =>
    projectPage(req, reply, req.params.projectKey, req.params.route),
  );
  // The sandbox's short links (older bookmarks, scripts) lead to the same page at Jira's URL.
  server.get<{ Params: { projectKey: string } }>('/jira/software/projects/:projectKey/apps/sms-navigator', async (req, reply) =>
    reply.redirect(paths.projectPage(req.params.projectKey)),
  );
  server.get<{ Params: { projectKey: string; route: string } }>('/jira/software/projects/:projectKey/apps/sms-navigator/:route', async (req, reply) =>
    reply.redirect(paths.projectSubpage(req.params.projectKey, req.params.route)),
  );

  // The site admin connects or disconnects Confluence for the app (the sandbox's top-bar switch).
  server.get<{ Querystring: { to?: string; back?: string } }>('/__host/confluence', async (req, reply) => {
    if (req.query.to !== 'connected' && req.query.to !== 'disconnected') {
      return reply.code(400).type('text/plain').send('to must be "connected" or "disconnected".');
    }
    deps.confluence.set(req.query.to);
    return reply.redirect(safeBack(req.query.back));
  });

  server.get<{ Params: { projectKey: string } }>('/plugins/servlet/project-config/:projectKey/apps/sms-navigator', async (req, reply) => {
    const project = await deps.data.projectDetails(req.params.projectKey);
    if (!project) return notFoundProject(req, reply, req.params.projectKey);
    const c = chrome(req, reply, {
      title: `SMS Navigator settings - ${project.name}`,
      project,
      sidebar: 'settings',
      active: 'settings',
      crumbs: [...crumbsFor(project, 'Project settings').slice(0, 2), { label: 'Project settings' }, { label: 'SMS Navigator settings' }],
    });
    return sendPage(reply, layout(c, settingsPageBody(project, c.uiBuilt)));
  });

  server.get<{ Params: { projectKey: string } }>('/jira/software/projects/:projectKey/issues', async (req, reply) => {
    const project = await deps.data.projectDetails(req.params.projectKey);
    if (!project) return notFoundProject(req, reply, req.params.projectKey);
    const c = chrome(req, reply, { title: `Issues - ${project.name}`, project, sidebar: 'project', active: 'issues', crumbs: crumbsFor(project, 'Issues') });
    const issues = await deps.data.issues(project.key, { accountId: c.user.accountId }, 50);
    return sendPage(reply, layout(c, issueListBody(project, issues)));
  });

  registerIssueSearchPage(server, { chrome, layout, sendPage, projectDetails: (key) => deps.data.projectDetails(key), projectPageHref: paths.projectPage, inject: fastifyInject(server) });

  server.get<{ Params: { issueKey: string } }>('/browse/:issueKey', async (req, reply) => {
    const issueKey = req.params.issueKey.toUpperCase();
    const user = hostUser(req.headers.cookie);
    const view = await deps.data.issueView(issueKey, user.accountId);
    const projectKey = view.issue?.projectKey ?? issueKey.split('-')[0] ?? defaultProject;
    const project = await deps.data.projectDetails(projectKey);
    if (!view.issue || !project) {
      const c = chrome(req, reply, { title: issueKey, ...(project ? { project } : {}), sidebar: project ? 'project' : 'none', crumbs: [] });
      const text =
        view.status === 404 || view.status === 403
          ? `${issueKey} does not exist, or you do not have permission to see it.`
          : `Jira answered ${view.status} for ${issueKey}.`;
      return sendPage(reply, layout(c, messageBody("We can't show this issue", text, { href: paths.projectPage(projectKey), label: 'Back to the project' })), view.status === 200 ? 404 : view.status);
    }
    const c = chrome(req, reply, { title: `[${view.issue.key}] ${view.issue.summary}`, project, sidebar: 'project', active: 'issues', crumbs: crumbsFor(project, view.issue.key) });
    return sendPage(reply, layout(c, issueViewBody(view.issue, c.uiBuilt, deps.manifest.issueContexts)));
  });

  server.get<{ Params: { spaceKey: string } }>('/wiki/spaces/:spaceKey/overview', async (req, reply) => {
    const space = await deps.data.spaceHome(req.params.spaceKey);
    if (space?.homepageId) return reply.redirect(paths.confluencePage(space.key, space.homepageId));
    const c = chrome(req, reply, { title: 'Space not found', sidebar: 'none', crumbs: [] });
    return sendPage(reply, layout(c, messageBody('Space not found', `There is no Confluence space ${req.params.spaceKey} with a home page.`)), 404);
  });

  server.get<{ Querystring: { pageId?: string } }>('/wiki/pages/viewpage.action', async (req, reply) => {
    const pageId = req.query.pageId ?? '';
    const spaceKey = pageId ? await deps.data.pageSpaceKey(pageId) : undefined;
    if (spaceKey) return reply.redirect(paths.confluencePage(spaceKey, pageId));
    const c = chrome(req, reply, { title: 'Page not found', sidebar: 'none', crumbs: [] });
    return sendPage(reply, layout(c, messageBody('Page not found', `There is no Confluence page ${pageId}.`, { href: paths.spaceOverview(CONFLUENCE_SPACE_KEY), label: 'Go to the SMS space' })), 404);
  });

  server.get<{ Querystring: { accountId?: string; back?: string } }>('/__host/switch-user', async (req, reply) => {
    const user = deps.users.find((u) => u.accountId === req.query.accountId);
    if (!user) return reply.code(400).type('text/plain').send(`Unknown sandbox user "${String(req.query.accountId)}".`);
    return reply.header('set-cookie', cookieValue(USER_COOKIE, user.accountId)).redirect(safeBack(req.query.back));
  });

  registerMacroEditing(server, deps.data);

  server.get('/__host/host.css', async (_req, reply) => reply.type('text/css; charset=utf-8').send(css));
  server.get('/__host/host.js', async (_req, reply) => reply.type('application/javascript; charset=utf-8').send(js));
  server.get('/__host/page-editor.js', async (_req, reply) => reply.type('application/javascript; charset=utf-8').send(editorJs));
  server.get('/__host/page-frames.js', async (_req, reply) => reply.type('application/javascript; charset=utf-8').send(framesJs));

  // The Custom UI, one folder per resource of the manifest (UI_RESOURCES): index.html gets the bridge stand-in and
  // the frame's context; every other file is served as built.
  const frameContext = async (req: FastifyRequest): Promise<object | undefined> => deps.frameContext?.(req.query, req.headers.cookie);
  const serveBuilt = (root: string) => async (req: FastifyRequest<{ Params: { '*': string } }>, reply: FastifyReply) => {
    const file = staticFile(root, req.params['*']);
    const info = file === undefined ? undefined : await stat(file).catch(() => undefined);
    if (file === undefined || info === undefined || !info.isFile()) return reply.code(404).type('text/plain').send('Not found');
    // Built assets carry a content hash in their names: cache them; anything else is revalidated.
    const hashed = /-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/.test(file);
    return reply
      .type(MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream')
      .header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
      .send(await readFile(file));
  };
  for (const [key, resource] of Object.entries(UI_RESOURCES)) {
    const dir = key === 'main' ? deps.staticBuildDir : path.join(path.dirname(deps.staticBuildDir), resource.dir);
    const index = path.join(dir, 'index.html');
    const sendIndex = async (req: FastifyRequest, reply: FastifyReply) => {
      if (!existsSync(index)) return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT_HTML);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(injectBridge(readFileSync(index, 'utf8'), await frameContext(req)));
    };
    server.get(`${resource.url}index.html`, sendIndex);
    server.get(resource.url, sendIndex);
    server.get<{ Params: { '*': string } }>(`${resource.url}*`, serveBuilt(dir));
  }
}

const MIME: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** A path inside the build directory, or undefined when the request tries to leave it. */
export function staticFile(root: string, requested: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requested.split('?')[0] ?? '');
  } catch {
    return undefined;
  }
  const full = path.resolve(root, `.${path.posix.sep}${decoded}`);
  const base = path.resolve(root);
  return full.startsWith(base + path.sep) ? full : undefined;
}

const pageIdParam = z.string().regex(/^\d{1,20}$/);
const localIdParam = z.string().min(1).max(100);

/**
 * The page editor's two changes, each saved at once as a new page version through the REST API as the signed-in
 * user (the sandbox has no drafts): insert an "SMS readiness" macro at the end of the page, and store what the
 * macro's configuration frame submitted. The editor page (page-editor.js) only forwards a submit that came from
 * the configuration frame it opened.
 */
function registerMacroEditing(server: FastifyInstance, data: HostData): void {
  const failWith = (reply: FastifyReply, status: number, message: string) => reply.code(status).send({ ok: false, message });
  // Only the editor's own script calls these (JSON, same origin): a form posted from another site is refused.
  const jsonOnly = async (req: FastifyRequest, reply: FastifyReply) => {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return failWith(reply, 415, 'The page editor sends JSON.');
    return undefined;
  };

  server.post<{ Params: { pageId: string } }>('/__host/confluence/pages/:pageId/macros', { preHandler: jsonOnly }, async (req, reply) => {
    const pageId = pageIdParam.safeParse(req.params.pageId);
    if (!pageId.success) return failWith(reply, 400, 'Not a page id.');
    const user = hostUser(req.headers.cookie);
    const read = await data.pageForEdit(pageId.data, user.accountId);
    if (read.page === undefined) return failWith(reply, read.status, read.message ?? 'The page cannot be read.');
    const node = newReadinessMacroNode();
    const saved = await data.savePageBody(read.page, user.accountId, withMacroAppended(read.page.adf as AdfNode, node), 'Inserted the SMS readiness macro');
    if (saved.status !== 200) return failWith(reply, saved.status, saved.message ?? 'The page could not be saved.');
    return reply.send({ ok: true, localId: node.attrs?.localId });
  });

  server.put<{ Params: { pageId: string; localId: string } }>('/__host/confluence/pages/:pageId/macros/:localId/config', { preHandler: jsonOnly }, async (req, reply) => {
    const pageId = pageIdParam.safeParse(req.params.pageId);
    const localId = localIdParam.safeParse(req.params.localId);
    if (!pageId.success || !localId.success) return failWith(reply, 400, 'Not a page id or macro id.');
    const submit = macroSubmitSchema.safeParse(req.body);
    if (!submit.success) return failWith(reply, 400, 'view.submit(): Invalid "config" provided. Expected object');
    const user = hostUser(req.headers.cookie);
    const read = await data.pageForEdit(pageId.data, user.accountId);
    if (read.page === undefined) return failWith(reply, read.status, read.message ?? 'The page cannot be read.');
    const next = withMacroConfig(read.page.adf as AdfNode, localId.data, submit.data.config);
    if (next === undefined) return failWith(reply, 404, 'The page has no such SMS readiness macro (it may have been removed meanwhile).');
    const saved = await data.savePageBody(read.page, user.accountId, next, 'Changed the SMS readiness macro');
    if (saved.status !== 200) return failWith(reply, saved.status, saved.message ?? 'The page could not be saved.');
    return reply.send({ ok: true });
  });
}
