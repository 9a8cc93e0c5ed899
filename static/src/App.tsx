import { lazy } from 'react';
import type { ViewContext } from './api/forge-context';
import { loadProjectPage, mainContextRead } from './boot';
import { ModuleRoot, NoViewFor } from './components/ModuleRoot';
import { MODULE_KEYS } from './modules';

// The `main` resource: one entry component per Forge module, each in its own chunk. This file stays free of
// @atlaskit components so that the first script a module page loads is small; the panels bring what they use.
// The issue modules are the `issue` resource's (issue/IssueApp.tsx).
const ProjectPage = lazy(loadProjectPage);
const SettingsPage = lazy(() => import('./panels/SettingsPage/SettingsPage'));

function ModuleView({ context }: { context: ViewContext }) {
  switch (context.moduleKey) {
    case MODULE_KEYS.projectPage:
      return <ProjectPage />;
    case MODULE_KEYS.settingsPage:
      return <SettingsPage />;
    default:
      return <NoViewFor moduleKey={context.moduleKey} />;
  }
}

export function App() {
  return <ModuleRoot context={mainContextRead} view={(context) => <ModuleView context={context} />} />;
}
