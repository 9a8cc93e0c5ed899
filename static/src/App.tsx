import { Suspense, lazy, useEffect, useState, type ReactNode } from 'react';
import { token } from '@atlaskit/tokens';
import { getViewContext, type ViewContext } from './api/forge-context';
import { prefetchResolver } from './api/prefetch';
import { setUserLocale } from './format/dates';

// One entry component per Forge module, each in its own chunk. This file stays free of @atlaskit components so
// that the first script a module page loads is small; the panels bring what they use.
const loadIssuePanel = () => import('./panels/IssuePanel/IssuePanel');
const ProjectPage = lazy(() => import('./panels/ProjectPage/ProjectPage'));
const IssuePanel = lazy(loadIssuePanel);
const IssueGlance = lazy(() => import('./panels/IssueGlance/IssueGlance'));
const SettingsPage = lazy(() => import('./panels/SettingsPage/SettingsPage'));

export const MODULE_KEYS = {
  projectPage: 'sms-navigator-project-page',
  issuePanel: 'sms-navigator-issue-panel',
  issueContext: 'sms-navigator-issue-context',
  settingsPage: 'sms-navigator-project-settings',
} as const;

function ModuleView({ context }: { context: ViewContext }) {
  switch (context.moduleKey) {
    case MODULE_KEYS.projectPage:
      return <ProjectPage />;
    case MODULE_KEYS.issuePanel:
      return <IssuePanel issueKey={context.extension.issue?.key ?? ''} />;
    case MODULE_KEYS.issueContext:
      return <IssueGlance issueKey={context.extension.issue?.key ?? ''} />;
    case MODULE_KEYS.settingsPage:
      return <SettingsPage />;
    default:
      return <ShellMessage kind="error">SMS Navigator does not have a view for module “{context.moduleKey || 'none'}”.</ShellMessage>;
  }
}

function ShellMessage({ kind, children }: { kind: 'status' | 'error'; children: ReactNode }) {
  return (
    <p
      role={kind === 'error' ? 'alert' : 'status'}
      style={{
        margin: token('space.200', '16px'),
        color: kind === 'error' ? token('color.text.danger', '#AE2E24') : token('color.text.subtle', '#44546F'),
      }}
    >
      {children}
    </p>
  );
}

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
  }
}

/** The view context, asked for before React's first render (main.tsx) rather than after it. */
let contextRead: Promise<ViewContext> | undefined;
export function readContextEarly(): Promise<ViewContext> {
  contextRead ??= getViewContext().then((ctx) => {
    startModule(ctx);
    return ctx;
  });
  return contextRead;
}

export function App() {
  const [context, setContext] = useState<ViewContext | undefined>();
  const [failure, setFailure] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    readContextEarly().then(
      (ctx) => {
        if (!live) return;
        setUserLocale(ctx.locale, ctx.timezone);
        setContext(ctx);
      },
      (err: unknown) => live && setFailure(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
  }, []);

  if (failure !== undefined) {
    return <ShellMessage kind="error">SMS Navigator could not start: {failure}</ShellMessage>;
  }
  if (context === undefined) return <ShellMessage kind="status">Loading SMS Navigator…</ShellMessage>;
  return (
    <Suspense fallback={<ShellMessage kind="status">Loading SMS Navigator…</ShellMessage>}>
      <ModuleView context={context} />
    </Suspense>
  );
}
