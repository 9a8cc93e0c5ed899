import { defineConfig } from 'vite';
import { customUiBuild } from './vite.shared';

// The `main` resource in manifest.yml (project page, settings page): static/index.html -> static/build; its boot
// module runs as a script of its own before the entry (vite.shared.ts).
export default defineConfig(customUiBuild('.', 'build', 'src/boot.ts'));
