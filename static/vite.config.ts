import path from 'node:path';
import { defineConfig } from 'vite';

// Custom UI build: static/index.html -> static/build (the `main` resource in manifest.yml).
// Relative base because Forge serves the resource from its own CDN path. TSX is compiled by Vite itself
// (automatic JSX runtime from static/tsconfig.json); static/ reaches src/ only through @contract/* (types) and
// @domain/* (pure domain modules: no I/O, no Forge; ESLint holds both sides to it).
const here = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  root: here,
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
    outDir: path.resolve(here, 'build'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});
