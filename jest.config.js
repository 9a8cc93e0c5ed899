/** Jest projects: `unit` is pure and fast; `integration` runs the app against the in-process sandbox
 *  and validates every request and response against the official OpenAPI specs. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': tsJest },
  moduleNameMapper: { '^@contract/(.*)$': '<rootDir>/src/contract/$1' },
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/{domain,resolvers,storage,jira,confluence,consumers,sandbox}/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/{integration,contract}/**/*.test.ts'] },
  ],
};
