import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, readContextEarly } from './App';

// Once, before the first render: the host (Jira, or the sandbox) then drives light/dark through
// data-color-mode on <html>, and every token() below follows it.
void view.theme.enable();
// The context (and with it the module's first reads) is on its way while React renders the shell.
void readContextEarly();

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element.');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
