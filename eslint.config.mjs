// ESLint (flat config) with typescript-eslint. House rules that keep the architecture in shape:
// - src/domain is pure: no Forge SDK, no clients, no storage, no React.
// - Neither src/ nor static/ may import the sandbox.
// - static/ reaches into src/ only through the @contract/* alias (types) and the @domain/* alias (pure domain
//   modules, which the src/domain block below keeps free of Forge, I/O and UI).
import tseslint from 'typescript-eslint';

const NO_SANDBOX = { group: ['**/sandbox/**', '**/sandbox'], message: 'src/ and static/ never import the sandbox.' };

// Dependency direction in src/ reads top-down: wiring (composition root) → resolvers and consumers → services →
// domain and ports (platform, storage, jira, confluence). Nothing imports upward.
const NO_WIRING = { group: ['**/wiring'], message: 'Nothing imports the composition root (src/wiring.ts); it imports everything.' };
const NO_APP_SERVICES = { group: ['**/app-services'], message: 'Only resolvers and consumers see AppServices; a service names the few collaborators it needs.' };
const NO_CONSUMERS = { group: ['**/consumers/*'], message: 'Resolvers start jobs by the JobKind their service declares; they never import a consumer.' };
const NO_TOP = [NO_WIRING, NO_APP_SERVICES, NO_CONSUMERS, { group: ['**/resolvers/*'], message: 'Services and ports never import resolvers (dependency direction is top-down).' }];
const NO_SERVICES = { group: ['**/services/*'], message: 'Ports (platform, storage, jira, confluence) never import services.' };

// Clients, repositories, services and the job runner are built once, by the composition root (src/wiring.ts).
const ONLY_IN_ROOT = {
  selector: 'NewExpression[callee.name=/^(JiraClient|ConfluenceClient|JobRunner|[A-Za-z]+Repository|[A-Za-z]+Service)$/]',
  message: 'Clients, repositories and services are constructed only in the composition root (src/wiring.ts); take them from `deps`.',
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'build/**', 'static/build/**', 'static/build-macro/**', 'static/build-issue/**', 'coverage/**', 'tools/stubs/**', '.sandbox-data/**', 'test-results/**'] },
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
    // Order matters: a later block's `no-restricted-imports` replaces an earlier one, so each block below
    // repeats the rules of the ones above instead of relying on them.
    files: ['src/**/*.ts'],
    ignores: ['src/domain/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_SANDBOX] }],
      'no-restricted-syntax': ['error', ONLY_IN_ROOT],
    },
  },
  {
    files: ['src/wiring.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/resolvers/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_SANDBOX, NO_WIRING, NO_CONSUMERS] }] },
  },
  {
    files: ['src/services/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_SANDBOX, ...NO_TOP] }] },
  },
  {
    files: ['src/platform/**/*.ts', 'src/storage/**/*.ts', 'src/jira/**/*.ts', 'src/confluence/**/*.ts', 'src/contract/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_SANDBOX, ...NO_TOP, NO_SERVICES] }] },
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
          { group: ['../../src/*', '../../../src/*', '../../../../src/*', '../../../../../src/*'], message: 'static/ reaches src/ only through @contract/* (types) and @domain/* (pure domain modules).' },
          { regex: '^@domain/(.*/)?\\.\\.(/|$)', message: '@domain/* reaches src/domain only: no `..` out of it.' },
        ],
      }],
      'no-restricted-syntax': ['error', {
        selector: 'TSAsExpression > TSAsExpression.expression[typeAnnotation.type="TSUnknownKeyword"]',
        message: 'No `as unknown as` in static/: type the call through @contract/resolvers (callResolver) or read the value field by field.',
      }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
