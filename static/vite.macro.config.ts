import path from 'node:path';
import { defineConfig } from 'vite';

// The "SMS readiness" Confluence macro: its own resource (`macro` in manifest.yml), static/macro/index.html ->
// static/build-macro. Same React, design tokens and resolver calls as the main Custom UI.
const here = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  root: path.resolve(here, 'macro'),
  base: './',
  resolve: {
    alias: {
      '@contract': path.resolve(here, '../src/contract'),
      '@domain': path.resolve(here, '../src/domain'),
      // Never initialised inside a Custom UI iframe: the stand-in gives the same defaults without the Statsig client.
      '@atlaskit/feature-gate-js-client/feature-gates': path.resolve(here, 'src/vendor/feature-gates.ts'),
    },
  },
  build: {
    outDir: path.resolve(here, 'build-macro'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});
