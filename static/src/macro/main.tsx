import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReadinessMacro } from './ReadinessMacro';

// The host (Confluence, or the sandbox's page view) drives light/dark through data-color-mode on <html>.
void view.theme.enable();

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element.');
createRoot(container).render(
  <StrictMode>
    <ReadinessMacro />
  </StrictMode>,
);
