import '@atlaskit/css-reset';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

/** Renders a resource's root into index.html's #root, in StrictMode, over Atlaskit's CSS reset. */
export function mount(root: ReactNode): void {
  const container = document.getElementById('root');
  if (container === null) throw new Error('index.html has no #root element.');
  createRoot(container).render(<StrictMode>{root}</StrictMode>);
}
