import { Suspense, lazy, useEffect, useState, type ReactNode } from 'react';
import { token } from '@atlaskit/tokens';
import type { ViewContext } from './api/forge-context';
import { loadIssuePanel, loadProjectPage, MODULE_KEYS, readContextEarly } from './boot';
import { setUserLocale } from './format/dates';

// One entry component per Forge module, each in its own chunk. This file stays free of @atlaskit components so
// that the first script a module page loads is small; the panels bring what they use.
const ProjectPage = lazy(loadProjectPage);
const IssuePanel = lazy(loadIssuePanel);
const IssueGlance = lazy(() => import('./panels/IssueGlance/IssueGlance'));
const SettingsPage = lazy(() => import('./panels/SettingsPage/SettingsPage'));

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
