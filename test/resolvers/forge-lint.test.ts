import { PROJECT_ROOT, runForgeChecks, formatProblem } from '../../scripts/forge-checks-lib';

// The permission linter parses the full Jira and Confluence OpenAPI specs: each run takes ~20 s.
jest.setTimeout(300_000);

/** Code that calls a Jira and a Confluence write endpoint with inline routes, as the real clients do. */
const PROBE = `import api, { route } from '@forge/api';

export async function probeWrites(issueKey: string): Promise<number> {
  const jira = await api.asUser().requestJira(route\`/rest/api/3/issue/\${issueKey}\`, { method: 'PUT', body: '{}' });
  const conf = await api.asUser().requestConfluence(route\`/wiki/api/v2/pages\`, { method: 'POST', body: '{}' });
  return jira.status + conf.status;
}
`;

describe('offline forge lint (client-side linters of @forge/lint)', () => {
  it('finds no errors and no warnings in the app', async () => {
    const report = await runForgeChecks(PROJECT_ROOT);
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.errors).toBe(0);
    expect(report.warnings).toBe(0);
    expect(report.notes.join('\n')).toMatch(/linted [1-9]\d* source files under src\//);
  });

  it('catches code that calls write endpoints when the manifest lacks the write scopes', async () => {
    const report = await runForgeChecks(PROJECT_ROOT, {
      manifest: (text) => text.replace(/^\s+- write:jira-work\n/m, '').replace(/^\s+- write:page:confluence\n/m, ''),
      files: { 'src/lint-probe.ts': PROBE },
    });
    const lines = report.problems.map(formatProblem);
    expect(report.errors).toBeGreaterThan(0);
    expect(lines).toContainEqual(expect.stringMatching(/^src\/lint-probe\.ts:4:.*PUT \/rest\/api\/3\/issue\/\{issueIdOrKey\} requires "write:jira-work"/));
    expect(lines).toContainEqual(expect.stringMatching(/^src\/lint-probe\.ts:5:.*Confluence endpoint: POST \/pages requires "write:page:confluence"/));
    // The real clients are analysed too: their create/update calls need the removed scopes.
    expect(lines).toContainEqual(expect.stringMatching(/^src\/jira\/jira-client\.ts:\d+:.*requires "write:jira-work"/));
    expect(lines).toContainEqual(expect.stringMatching(/^src\/confluence\/confluence-client\.ts:\d+:.*requires "write:page:confluence"/));
  });
});
