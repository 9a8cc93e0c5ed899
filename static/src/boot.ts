/**
 * The first module of the UI to run: main.tsx imports it before anything else, so its body runs before the rest of
 * the entry is evaluated (ReactDOM's set-up, the design tokens, the first render). It asks for the view context and,
 * as soon as the module is known, starts what the module's first view reads and the view's chunk, which then travel
 * while the rest of the entry runs. Nothing here may import React.
 */
import { view } from '@forge/bridge';
import { getViewContext, type ViewContext } from './api/forge-context';
import { prefetchResolver } from './api/prefetch';

export const MODULE_KEYS = {
  projectPage: 'sms-navigator-project-page',
  issuePanel: 'sms-navigator-issue-panel',
  issueContext: 'sms-navigator-issue-context',
  settingsPage: 'sms-navigator-project-settings',
} as const;

/** The first views' chunks: App renders them lazily; started here for their own frames. */
export const loadIssuePanel = () => import('./panels/IssuePanel/IssuePanel');
export const loadProjectPage = () => import('./panels/ProjectPage/ProjectPage');

/**
 * What a module's first view reads, started the moment the module is known: the reads travel while the view's
 * chunk loads (useResolver takes them for its first read). The issue panel opens with every Jira issue, so its
 * time to first answer matters most.
 */
function startModule(context: ViewContext): void {
  if (context.moduleKey === MODULE_KEYS.issuePanel) {
    prefetchResolver('getIssueClauses', {});
    prefetchResolver('listClauses', {});
    void loadIssuePanel();
  } else if (context.moduleKey === MODULE_KEYS.projectPage) {
    prefetchResolver('getAppContext', {});
    void loadProjectPage();
  }
}

let contextRead: Promise<ViewContext> | undefined;

/** The view context, asked for once, before React's first render rather than after it. */
export function readContextEarly(): Promise<ViewContext> {
  contextRead ??= getViewContext().then((ctx) => {
    startModule(ctx);
    return ctx;
  });
  return contextRead;
}

// The host (Jira, or the sandbox) then drives light/dark through data-color-mode on <html>, and every token()
// follows it.
void view.theme.enable();
void readContextEarly();
