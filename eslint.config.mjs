// ESLint (flat config) with typescript-eslint. House rules that keep the architecture in shape:
// - src/domain is pure: no Forge SDK, no clients, no storage, no React.
// - Neither src/ nor static/ may import the sandbox.
// - static/ reaches into src/ only through the @contract/* alias (types).
import tseslint from 'typescript-eslint';

const NO_SANDBOX = { group: ['**/sandbox/**', '**/sandbox'], message: 'src/ and static/ never import the sandbox.' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'build/**', 'static/build/**', 'coverage/**', 'tools/stubs/**', '.sandbox-data/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Order matters: a later block's `no-restricted-imports` replaces an earlier one, so the domain block
    // repeats the src/ rule instead of relying on it.
    files: ['src/**/*.ts'],
    ignores: ['src/domain/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_SANDBOX] }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          NO_SANDBOX,
          { group: ['@forge/*'], message: 'src/domain is pure: no Forge SDK.' },
          // ADF builders and schema types are pure data; UI packages are not.
          { group: ['react', 'react-dom', '@atlaskit/*', '!@atlaskit/adf-utils', '!@atlaskit/adf-utils/*', '!@atlaskit/adf-schema', '!@atlaskit/adf-schema/*'], message: 'src/domain is pure: no UI.' },
          { group: ['**/jira/*', '**/confluence/*', '**/storage/*', '**/resolvers/*', '**/consumers/*', '**/platform/*', '**/services/*'], message: 'src/domain declares ports; it imports no I/O code.' },
          { group: ['node:*', 'fs', 'path', 'http', 'https'], message: 'src/domain does no I/O.' },
        ],
      }],
    },
  },
  {
    files: ['static/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/sandbox/**'], message: 'static/ never imports the sandbox.' },
          { group: ['../../src/*', '../../../src/*', '../../../../src/*'], message: 'static/ reaches src/ only through @contract/*.' },
        ],
      }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
