/** Jest projects: `unit` is pure and fast; `integration` runs the app against the in-process sandbox
 *  and validates every request and response against the official OpenAPI specs. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
// Two dependencies ship only as ES modules (openapi-backend's ref parser; cookie, used by Fastify's inject)
// Jest's CommonJS runtime cannot load them, so exactly those are compiled to CommonJS.
const ESM_ONLY = ['@apidevtools/json-schema-ref-parser', 'cookie'];
const esmToCjs = ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', esModuleInterop: true, isolatedModules: true } }];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': tsJest, '^.+\\.m?js$': esmToCjs },
  transformIgnorePatterns: [`^.+/node_modules/(?!(?:[^/]+/node_modules/)?(?:${ESM_ONLY.join('|')})/)`],
  moduleNameMapper: { '^@contract/(.*)$': '<rootDir>/src/contract/$1' },
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/{domain,resolvers,services,storage,jira,confluence,consumers,sandbox,platform,ui}/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/{integration,contract}/**/*.test.ts'] },
  ],
};
