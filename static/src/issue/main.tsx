// First: asks for the view context and starts the issue panel's first reads before React is evaluated (boot.ts).
import './boot';
import '@atlaskit/css-reset';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { IssueApp } from './IssueApp';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element.');
createRoot(container).render(
  <StrictMode>
    <IssueApp />
  </StrictMode>,
);
