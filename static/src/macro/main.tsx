import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setUserLocale } from '../format/dates';
import { MacroConfig, type MacroProjectConfig } from './MacroConfig';
import { ReadinessMacro } from './ReadinessMacro';

// The host (Confluence, or the sandbox's page view) drives light/dark through data-color-mode on <html>.
void view.theme.enable();

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element.');
const root = createRoot(container);

/** The macro's configuration as the context gives it (the project it names, when it names one). */
function configOf(extension: unknown): MacroProjectConfig {
  const config = typeof extension === 'object' && extension !== null && 'config' in extension ? extension.config : undefined;
  if (typeof config !== 'object' || config === null) return {};
  const projectId = 'projectId' in config ? config.projectId : undefined;
  const projectKey = 'projectKey' in config ? config.projectKey : undefined;
  return typeof projectId === 'string' && typeof projectKey === 'string' ? { projectId, projectKey } : {};
}

// The manifest's `config` names this same resource: Confluence frames it for the configuration with
// extension.entryPoint = 'config', and for the page with no entry point.
void view.getContext().then(
  (context) => {
    setUserLocale(context.locale, context.timezone);
    const extension: unknown = context.extension;
    const isConfig = typeof extension === 'object' && extension !== null && 'entryPoint' in extension && extension.entryPoint === 'config';
    const current = configOf(extension);
    root.render(<StrictMode>{isConfig ? <MacroConfig current={current} /> : <ReadinessMacro configured={current.projectId !== undefined} />}</StrictMode>);
  },
  () => root.render(<StrictMode><ReadinessMacro configured /></StrictMode>),
);
