import { APP_ID, ENVIRONMENT_ID } from '../bridge/forge-context';
import type { ConfluenceSwitch } from '../confluence-connection';
import type { ProjectSubpage } from '../manifest';
import type { SandboxUser } from '../seed/users';
import type { ColorMode } from './cookies';
import type { IssueDetails, IssueSummary, ProjectDetails } from './host-data';
import { html, type Raw } from './html';

/** Jira-like host pages that frame the built Custom UI the way Jira does. Pure rendering: no I/O here. */

export const THEME_ATTR = 'dark:dark light:light shape:shape spacing:spacing typography:typography';
export const CONFLUENCE_SPACE_KEY = 'SMS';

export const paths = {
  /** Jira's form for a Forge project page: /jira/{projectType}/projects/{projectKey}/apps/{appId}/{envId}. */
  projectPage: (projectKey: string) => `/jira/software/projects/${encodeURIComponent(projectKey)}/apps/${APP_ID}/${ENVIRONMENT_ID}`,
  /** A subpage (`pages:` of the module) appends its route to the project page URL. */
  projectSubpage: (projectKey: string, route: string) => `${paths.projectPage(projectKey)}/${encodeURIComponent(route)}`,
  settingsPage: (projectKey: string) => `/plugins/servlet/project-config/${encodeURIComponent(projectKey)}/apps/sms-navigator`,
  issues: (projectKey: string) => `/jira/software/projects/${encodeURIComponent(projectKey)}/issues`,
  /** The issue navigator with a JQL query. */
  issueSearch: (jql: string) => `/issues/?jql=${encodeURIComponent(jql)}`,
  issue: (issueKey: string) => `/browse/${encodeURIComponent(issueKey)}`,
  spaceOverview: (spaceKey: string) => `/wiki/spaces/${encodeURIComponent(spaceKey)}/overview`,
  confluencePage: (spaceKey: string, pageId: string) => `/wiki/spaces/${encodeURIComponent(spaceKey)}/pages/${encodeURIComponent(pageId)}`,
};

/**
 * The Custom UI resources of manifest.yml: where the host serves each (Forge serves each from its own CDN path) and
 * the folder under static/ it is built to. A test holds this equal to the manifest's `resources`.
 */
export const UI_RESOURCES = {
  main: { url: '/static/', dir: 'build' },
  issue: { url: '/static-issue/', dir: 'build-issue' },
  macro: { url: '/static-macro/', dir: 'build-macro' },
} as const;
export type UiResource = keyof typeof UI_RESOURCES;

/** The page of a resource a module is framed with (its index.html), with the frame's query. */
export const resourcePage = (resource: UiResource, query: URLSearchParams): string => `${UI_RESOURCES[resource].url}index.html?${query.toString()}`;

export interface Frame {
  moduleKey: 'sms-navigator-project-page' | 'sms-navigator-issue-panel' | 'sms-navigator-issue-context' | 'sms-navigator-project-settings';
  /** The manifest's `resource` of the module (a test holds the two equal). */
  resource: UiResource;
  title: string;
  projectKey: string;
  issueKey?: string;
  /** The host URL that `view.createHistory()` paths are relative to (modules with subpages). */
  historyBase?: string;
  minHeight: number;
  /** Loaded only when shown (an issue context glance loads when opened). */
  lazy?: boolean;
}

export function frameSrc(f: Frame): string {
  const q = new URLSearchParams({ moduleKey: f.moduleKey, projectKey: f.projectKey });
  if (f.issueKey) q.set('issueKey', f.issueKey);
  if (f.historyBase) q.set('historyBase', f.historyBase);
  return resourcePage(f.resource, q);
}

export interface PageChrome {
  title: string;
  user: SandboxUser;
  users: readonly SandboxUser[];
  colorMode: ColorMode;
  /** The request path, to come back to after switching user. */
  currentPath: string;
  project?: ProjectDetails;
  sidebar: 'project' | 'settings' | 'none';
  active?: 'issues' | 'app' | 'settings';
  /** The project page's subpages from manifest.yml, listed under the app in the project sidebar. */
  subpages: readonly ProjectSubpage[];
  /** The subpage shown (its route), when the app is open on one. */
  activeSubpage?: string;
  /** The site's Confluence connection: the switch in the top bar. `undeclared` = not in app.compatibility. */
  confluence: ConfluenceSwitch | 'undeclared';
  crumbs: { label: string; href?: string }[];
  uiBuilt: boolean;
}

const ROLE_LABELS: Record<SandboxUser['role'], string> = {
  'site-admin': 'site admin',
  'project-admin': 'project admin',
  member: 'member',
  outsider: 'outsider',
};

const PROJECT_TYPES: Record<string, string> = { software: 'software', service_desk: 'service', business: 'business', product_discovery: 'discovery' };

export const userOptionLabel = (u: SandboxUser): string => `${u.displayName} (${ROLE_LABELS[u.role]})`;

function sidebar(c: PageChrome): Raw {
  if (c.sidebar === 'none' || c.project === undefined) return html``;
  const p = c.project;
  const current = (k: PageChrome['active']) => (c.active === k ? html` aria-current="page"` : html``);
  const kind = `${p.teamManaged ? 'Team-managed' : 'Company-managed'} ${PROJECT_TYPES[p.type] ?? p.type} project`;
  // Like Jira: an app with subpages is a group in the sidebar, one link per `pages:` entry, in manifest order.
  const appLinks =
    c.subpages.length === 0
      ? html`<li><a href="${paths.projectPage(p.key)}"${current('app')}>SMS Navigator</a></li>`
      : html`
        <li><span class="nav-group" id="nav-app">SMS Navigator</span>
          <ul class="nav-sublist" aria-labelledby="nav-app" data-app-base="${paths.projectPage(p.key)}">${c.subpages.map(
            (s) =>
              html`<li><a href="${paths.projectSubpage(p.key, s.route)}" data-app-route="${s.route}"${c.active === 'app' && c.activeSubpage === s.route ? html` aria-current="page"` : html``}>${s.title}</a></li>`,
          )}
          </ul>
        </li>`;
  const links =
    c.sidebar === 'project'
      ? html`
        <li><a href="${paths.issueSearch(`project = ${p.key}`)}"${current('issues')}>Issues</a></li>
        <li class="nav-section" aria-hidden="true">Apps</li>
        ${appLinks}
        <li class="nav-section" aria-hidden="true">Settings</li>
        <li><a href="${paths.settingsPage(p.key)}"${current('settings')}>Project settings</a></li>`
      : html`
        <li><a href="${paths.projectPage(p.key)}">← Back to project</a></li>
        <li class="nav-section" aria-hidden="true">Project settings</li>
        <li><span class="nav-disabled">Details</span></li>
        <li><span class="nav-disabled">People</span></li>
        <li class="nav-section" aria-hidden="true">Apps</li>
        <li><a href="${paths.settingsPage(p.key)}"${current('settings')}>SMS Navigator settings</a></li>`;
  return html`
    <nav class="sidebar" aria-label="Project navigation">
      <div class="project-card">
        <span class="project-avatar" aria-hidden="true">${p.key.slice(0, 1)}</span>
        <div>
          <div class="project-name">${p.name}</div>
          <div class="project-kind">${kind}</div>
        </div>
      </div>
      <ul class="nav-list">${links}
      </ul>
    </nav>`;
}

/**
 * The site admin's switch: connect or disconnect Confluence for the app (Apps > Manage apps on a real site).
 * A plain form so it works without script; the server flips the state and comes back to this page.
 */
function confluenceSwitch(c: PageChrome): Raw {
  if (c.confluence === 'undeclared') {
    return html`<span class="confluence-switch" title="manifest.yml does not declare Confluence in app.compatibility">Confluence: not in manifest</span>`;
  }
  const connected = c.confluence === 'connected';
  return html`
    <form class="confluence-switch" method="get" action="/__host/confluence">
      <input type="hidden" name="to" value="${connected ? 'disconnected' : 'connected'}">
      <input type="hidden" name="back" value="${c.currentPath}">
      <button type="submit" class="theme-toggle" id="confluence-toggle" aria-pressed="${connected ? 'true' : 'false'}">Confluence connected</button>
    </form>`;
}

function crumbs(c: PageChrome): Raw {
  if (c.crumbs.length === 0) return html``;
  return html`
      <nav class="crumbs" aria-label="Breadcrumbs"><ol>${c.crumbs.map((b, i) =>
        b.href && i < c.crumbs.length - 1 ? html`<li><a href="${b.href}">${b.label}</a></li>` : html`<li aria-current="page">${b.label}</li>`,
      )}</ol></nav>`;
}

export function layout(c: PageChrome, body: Raw): string {
  const dark = c.colorMode === 'dark';
  const homeProject = c.project?.key ?? 'SMS';
  return html`<!doctype html>
<html lang="en" data-theme="${THEME_ATTR}" data-color-mode="${c.colorMode}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${c.title} - Jira (sandbox)</title>
  <link rel="stylesheet" href="/__bridge/theme.css">
  <link rel="stylesheet" href="/__host/host.css">
  <script src="/__host/host.js" defer></script>
</head>
<body>
  <a class="skip-link" href="#main">Skip to content</a>
  <header class="topbar">
    <a class="brand" href="${paths.projectPage(homeProject)}"><span class="brand-mark" aria-hidden="true"></span>Jira <span class="brand-badge">sandbox</span></a>
    <nav class="topnav" aria-label="Products">
      <a href="${paths.projectPage(homeProject)}">Projects</a>
      <a href="${paths.spaceOverview(CONFLUENCE_SPACE_KEY)}">Confluence</a>
    </nav>
    <span class="spacer"></span>
    <form class="user-switch" method="get" action="/__host/switch-user">
      <label for="sandbox-user">User</label>
      <select id="sandbox-user" name="accountId">${c.users.map(
        (u) => html`<option value="${u.accountId}"${u.accountId === c.user.accountId ? html` selected` : html``}>${userOptionLabel(u)}</option>`,
      )}</select>
      <input type="hidden" name="back" value="${c.currentPath}">
      <button type="submit" class="no-js-only">Switch</button>
    </form>
    ${confluenceSwitch(c)}
    <button type="button" class="theme-toggle" id="theme-toggle" aria-pressed="${dark ? 'true' : 'false'}">Dark theme</button>
  </header>
  <div class="shell">${sidebar(c)}
    <main id="main" class="main">${crumbs(c)}
      ${c.uiBuilt ? html`` : html`<div class="banner" role="alert"><strong>The app's UI is not built.</strong> Run <code>npm run build:ui</code> (or <code>npm start</code>, which builds it) and reload this page.</div>`}
      ${body}
    </main>
  </div>
</body>
</html>
`.value;
}

export function appFrame(f: Frame, uiBuilt: boolean): Raw {
  if (!uiBuilt) return html`<p class="muted">The ${f.title} would appear here once the UI is built.</p>`;
  return html`<iframe class="app-frame" title="${f.title}" src="${frameSrc(f)}" data-min-height="${f.minHeight}" style="height:${f.minHeight}px"${f.lazy ? html` loading="lazy"` : html``}></iframe>`;
}

/** A jira:issueContext glance as the manifest declares it (sandbox/manifest.ts). */
export interface IssueContextGlance {
  key: string;
  title: string;
  label: string;
  status?: { type: 'badge' | 'lozenge' | 'icon'; label: string };
}

/**
 * The issue's context area, as Jira shows jira:issueContext modules: one collapsed row per glance with its label
 * (and its static status); opening it shows the title and the app, which Jira loads only then.
 */
export function issueContextGlances(issue: IssueDetails, glances: readonly IssueContextGlance[], uiBuilt: boolean): Raw {
  return html`${glances.map(
    (g) => html`
          <details class="app-context" data-module-key="${g.key}">
            <summary><span class="app-context-label">${g.label}</span>${g.status ? html` <span class="app-context-status">${g.status.label}</span>` : html``}</summary>
            <h2 class="section-title">${g.title}</h2>
            ${appFrame({ moduleKey: 'sms-navigator-issue-context', resource: 'issue', title: g.title, projectKey: issue.projectKey, issueKey: issue.key, minHeight: 120, lazy: true }, uiBuilt)}
          </details>`,
  )}`;
}

export function projectPageBody(project: ProjectDetails, uiBuilt: boolean): Raw {
  return html`
      <h1 class="visually-hidden">SMS Navigator</h1>
      ${appFrame(
        { moduleKey: 'sms-navigator-project-page', resource: 'main', title: 'SMS Navigator project page', projectKey: project.key, historyBase: paths.projectPage(project.key), minHeight: 640 },
        uiBuilt,
      )}`;
}

export function settingsPageBody(project: ProjectDetails, uiBuilt: boolean): Raw {
  return html`
      <h1 class="visually-hidden">SMS Navigator settings</h1>
      ${appFrame({ moduleKey: 'sms-navigator-project-settings', resource: 'main', title: 'SMS Navigator settings', projectKey: project.key, minHeight: 560 }, uiBuilt)}`;
}

const lozengeClass = (category: string): string =>
  category === 'done' ? 'status status-done' : category === 'indeterminate' ? 'status status-progress' : 'status status-new';

export function issueViewBody(issue: IssueDetails, uiBuilt: boolean, glances: readonly IssueContextGlance[] = []): Raw {
  return html`
      <div class="issue-layout">
        <article class="issue-main" aria-labelledby="issue-summary">
          <p class="issue-type">${issue.type} · ${issue.key}</p>
          <h1 id="issue-summary" class="issue-summary">${issue.summary}</h1>
          <h2 class="section-title">Description</h2>
          ${issue.description.length === 0 ? html`<p class="muted">No description.</p>` : issue.description.map((p) => html`<p class="description">${p}</p>`)}
        </article>
        <aside class="issue-side" aria-label="Issue details and apps">
          <p><span class="${lozengeClass(issue.statusCategory)}">${issue.status}</span></p>
          <section class="details" aria-labelledby="details-title">
            <h2 id="details-title" class="section-title">Details</h2>
            <dl>
              <dt>Assignee</dt><dd>${issue.assignee ?? 'Unassigned'}</dd>
              <dt>Priority</dt><dd>${issue.priority ?? 'None'}</dd>
              <dt>Type</dt><dd>${issue.type}</dd>
            </dl>
          </section>
          ${issueContextGlances(issue, glances, uiBuilt)}
          <section class="app-panel" aria-labelledby="panel-title">
            <h2 id="panel-title" class="section-title">ISO 20000 clauses</h2>
            ${appFrame({ moduleKey: 'sms-navigator-issue-panel', resource: 'issue', title: 'ISO 20000 clauses', projectKey: issue.projectKey, issueKey: issue.key, minHeight: 260 }, uiBuilt)}
          </section>
        </aside>
      </div>`;
}

export function issueListBody(project: ProjectDetails, issues: IssueSummary[]): Raw {
  if (issues.length === 0) {
    return html`<h1>Issues</h1><p class="muted">No issues to show. You may not have permission to browse ${project.key}.</p>`;
  }
  return html`
      <h1>Issues</h1>
      <table class="issue-table">
        <caption class="visually-hidden">Issues of ${project.name}</caption>
        <thead><tr><th scope="col">Key</th><th scope="col">Summary</th><th scope="col">Status</th></tr></thead>
        <tbody>${issues.map(
          (i) => html`<tr><td><a href="${paths.issue(i.key)}">${i.key}</a></td><td>${i.summary}</td><td><span class="${lozengeClass(i.statusCategory)}">${i.status}</span></td></tr>`,
        )}</tbody>
      </table>`;
}

export function messageBody(heading: string, text: string, link?: { href: string; label: string }): Raw {
  return html`<div class="message"><h1>${heading}</h1><p>${text}</p>${link ? html`<p><a href="${link.href}">${link.label}</a></p>` : html``}</div>`;
}
