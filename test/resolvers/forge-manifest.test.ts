import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { PROJECT_ROOT, stageProject, validateManifestAt } from '../../scripts/forge-checks-lib';

jest.setTimeout(120_000);

interface Manifest {
  app: { id: string; runtime: { name: string }; compatibility?: Record<string, { required: boolean }> };
  modules: Record<string, Record<string, unknown>[]>;
  resources: { key: string; path: string }[];
  permissions: { scopes: string[]; content: { styles: string[] } };
}

const manifestText = readFileSync(path.join(PROJECT_ROOT, 'manifest.yml'), 'utf8');
const manifest = YAML.parse(manifestText) as Manifest;
const only = (moduleType: string): Record<string, unknown> => {
  const list = manifest.modules[moduleType] ?? [];
  expect(list).toHaveLength(1);
  return list[0] as Record<string, unknown>;
};

async function validateStaged(rewrite?: (text: string) => string) {
  const staged = stageProject(PROJECT_ROOT, rewrite ? { manifest: rewrite } : {});
  try {
    return await validateManifestAt(staged.dir);
  } finally {
    staged.cleanup();
  }
}

describe('manifest.yml', () => {
  it('passes @forge/manifest full validation with no errors and no warnings, without writing into the checkout', async () => {
    const uiBuiltBefore = existsSync(path.join(PROJECT_ROOT, 'static/build'));
    const problems = await validateStaged();
    expect(problems).toEqual([]);
    expect(existsSync(path.join(PROJECT_ROOT, 'static/build'))).toBe(uiBuiltBefore);
  });

  it('fails validation when a handler points at a missing file, so the check is real', async () => {
    const problems = await validateStaged((t) => t.replace('handler: index.jobConsumer', 'handler: missing.jobConsumer'));
    expect(problems).toContainEqual(
      expect.objectContaining({ level: 'error', message: expect.stringContaining("'missing.jobConsumer'") }),
    );
  });

  it('fails validation for an entity property value type Jira does not index', async () => {
    const problems = await validateStaged((t) => t.replace('path: kinds\n          type: string', 'path: kinds\n          type: boolean'));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.level === 'error')).toBe(true);
  });

  it('declares a placeholder app id in ARI form and the nodejs22.x runtime', () => {
    expect(manifest.app.id).toMatch(/^ari:cloud:ecosystem::app\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
  });

  it('is installed in Jira with Confluence as an optional connected app', () => {
    expect(manifest.app.compatibility).toEqual({ jira: { required: true }, confluence: { required: false } });
  });

  it('fails validation when the compatibility block names an app Forge does not know, so the block is checked', async () => {
    const problems = await validateStaged((t) => t.replace('    confluence:\n      required: false', '    confluense:\n      required: false'));
    expect(problems.some((p) => p.level === 'error')).toBe(true);
  });

  it('has the project page with its subpages in the order of the work and the settings page on the main Custom UI, the issue modules on their own', () => {
    const page = only('jira:projectPage');
    expect(page).toMatchObject({ title: 'SMS Navigator', resource: 'main', resolver: { function: 'resolver' } });
    expect((page.pages as { title: string }[]).map((p) => p.title)).toEqual(['Initiation', 'Scope', 'Maturity', 'Phases', 'Clause mapping', 'Gap report', 'Evaluation', 'Audit', 'Management review']);
    expect(only('jira:issuePanel')).toMatchObject({ title: 'ISO 20000 clauses', resource: 'issue', resolver: { function: 'resolver' } });
    expect(only('jira:issueContext')).toMatchObject({ title: 'ISO 20000 clauses', resource: 'issue', resolver: { function: 'resolver' } });
    expect(only('jira:projectSettingsPage')).toMatchObject({ title: 'SMS Navigator settings', resource: 'main', resolver: { function: 'resolver' } });
    expect(manifest.resources).toEqual([
      { key: 'main', path: 'static/build' },
      { key: 'issue', path: 'static/build-issue' },
      { key: 'macro', path: 'static/build-macro' },
    ]);
  });

  it('has the SMS readiness Confluence macro on its own resource, reading through the same resolver', () => {
    expect(only('macro')).toMatchObject({ key: 'sms-readiness', title: 'SMS readiness', resource: 'macro', resolver: { function: 'resolver' } });
  });

  it('indexes the sms-navigator-mapping issue property for JQL under smsClause, smsPhase and smsEvidence', () => {
    const props = manifest.modules['jira:entityProperty'] ?? [];
    expect(props.find((p) => p.propertyKey === 'sms-navigator-mapping')).toMatchObject({
      entityType: 'issue',
      values: [
        { path: 'clauses', type: 'string', searchAlias: 'smsClause' },
        { path: 'phases', type: 'string', searchAlias: 'smsPhase' },
        { path: 'kinds', type: 'string', searchAlias: 'smsEvidence' },
      ],
    });
  });

  it('indexes the sms-navigator-plan-item property so the epic sync finds its own issues with one JQL search', () => {
    const props = manifest.modules['jira:entityProperty'] ?? [];
    expect(props).toHaveLength(3);
    expect(props.find((p) => p.propertyKey === 'sms-navigator-plan-item')).toMatchObject({
      entityType: 'issue',
      values: expect.arrayContaining([{ path: 'planId', type: 'string', searchAlias: 'smsPlan' }]),
    });
  });

  it('consumes the sms-jobs queue with a 900 s function and wires both handlers to src/index.ts', () => {
    expect(only('consumer')).toMatchObject({ queue: 'sms-jobs', function: 'job-consumer' });
    expect(manifest.modules.function).toEqual([
      { key: 'resolver', handler: 'index.resolverHandler' },
      { key: 'job-consumer', handler: 'index.jobConsumer', timeoutSeconds: 900 },
    ]);
  });

  it('asks for exactly the scopes the code uses, and inline styles for Atlaskit', () => {
    expect([...manifest.permissions.scopes].sort()).toEqual(
      ['read:jira-user', 'read:jira-work', 'read:page:confluence', 'read:space:confluence', 'storage:app', 'write:jira-work', 'write:page:confluence'],
    );
    expect(manifest.permissions.content.styles).toEqual(['unsafe-inline']);
  });
});
