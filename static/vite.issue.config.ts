import { defineConfig } from 'vite';
import { customUiBuild } from './vite.shared';

// The issue panel and the issue context glance: their own resource (`issue` in manifest.yml),
// static/issue/index.html -> static/build-issue. They open with every Jira issue, so their first script carries
// the panel itself and nothing of the project page.
export default defineConfig(customUiBuild('issue', 'build-issue', 'src/issue/boot.ts', { fewRequests: true }));
