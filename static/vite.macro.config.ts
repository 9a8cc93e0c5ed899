import { defineConfig } from 'vite';
import { customUiBuild } from './vite.shared';

// The "SMS readiness" Confluence macro: its own resource (`macro` in manifest.yml), static/macro/index.html ->
// static/build-macro. Same React, design tokens and resolver calls as the main Custom UI.
export default defineConfig(customUiBuild('macro', 'build-macro'));
