import { BridgeRequestError, buildResolverContext, toViewContext, type ProductLookup } from '../../../sandbox/bridge/forge-context';

const lookup: ProductLookup = {
  project: async (key) => (key === 'SMS' ? { id: '10000', key: 'SMS', type: 'software' } : key === 'OPS' ? { id: '10001', key: 'OPS', type: 'software' } : undefined),
  issue: async (key) => (key === 'OPS-7' ? { id: '20007', key: 'OPS-7', type: 'Incident', typeId: '10004', projectKey: 'OPS' } : undefined),
};

const base = { siteUrl: 'http://127.0.0.1:8080', accountId: '557058:sandbox-member' };

describe('buildResolverContext', () => {
  it('builds a project page context with the extension type from the module key', async () => {
    const ctx = await buildResolverContext({ ...base, moduleKey: 'sms-navigator-project-page', projectKey: 'SMS' }, lookup);
    expect(ctx).toMatchObject({
      accountId: '557058:sandbox-member',
      moduleKey: 'sms-navigator-project-page',
      extension: { type: 'jira:projectPage', project: { id: '10000', key: 'SMS', type: 'software' } },
    });
    expect('issue' in ctx.extension).toBe(false);
    expect(ctx.localId).toContain('sms-navigator-project-page');
  });

  it('takes the project of an issue panel from the issue, not from what the page claimed', async () => {
    const ctx = await buildResolverContext({ ...base, moduleKey: 'sms-navigator-issue-panel', projectKey: 'SMS', issueKey: 'OPS-7' }, lookup);
    expect(ctx.extension).toEqual({
      type: 'jira:issuePanel',
      project: { id: '10001', key: 'OPS', type: 'software' },
      issue: { id: '20007', key: 'OPS-7', type: 'Incident', typeId: '10004' },
    });
  });

  it('leaves accountId out for an anonymous caller', async () => {
    const ctx = await buildResolverContext({ ...base, accountId: undefined, moduleKey: 'sms-navigator-project-settings', projectKey: 'SMS' }, lookup);
    expect('accountId' in ctx).toBe(false);
    expect(ctx.extension.type).toBe('jira:projectSettingsPage');
  });

  it('refuses unknown modules (400) and unknown projects or issues (404)', async () => {
    await expect(buildResolverContext({ ...base, moduleKey: 'other', projectKey: 'SMS' }, lookup)).rejects.toMatchObject({ statusCode: 400 });
    await expect(buildResolverContext({ ...base, moduleKey: 'sms-navigator-project-page', projectKey: 'NOPE' }, lookup)).rejects.toMatchObject({ statusCode: 404 });
    await expect(buildResolverContext({ ...base, moduleKey: 'sms-navigator-issue-panel', projectKey: 'SMS', issueKey: 'SMS-99999' }, lookup)).rejects.toBeInstanceOf(BridgeRequestError);
    await expect(buildResolverContext({ ...base, moduleKey: 'sms-navigator-issue-panel', projectKey: 'SMS' }, lookup)).rejects.toMatchObject({ statusCode: 400 });
  });
});

describe('toViewContext', () => {
  it('adds locale, timezone and the colour mode for view.getContext()', async () => {
    const ctx = await buildResolverContext({ ...base, moduleKey: 'sms-navigator-project-page', projectKey: 'SMS' }, lookup);
    expect(toViewContext(ctx, 'dark')).toMatchObject({ theme: { colorMode: 'dark' }, locale: 'en-US', moduleKey: 'sms-navigator-project-page' });
  });

  it('gives a macro frame its stored configuration, and the configuration frame entryPoint = config', async () => {
    const withMacro: ProductLookup = { ...lookup, macroConfig: async (ref) => (ref.localId === 'm1' ? { projectId: '10000', projectKey: 'SMS' } : undefined) };
    const view = await buildResolverContext({ ...base, moduleKey: 'sms-readiness', projectKey: '', macro: { contentId: '65537', localId: 'm1' } }, withMacro);
    expect(view.extension).toEqual({ type: 'macro', content: { id: '65537', type: 'page' }, localId: 'm1', config: { projectId: '10000', projectKey: 'SMS' } });
    const config = await buildResolverContext({ ...base, moduleKey: 'sms-readiness', projectKey: '', macro: { contentId: '65537', localId: 'm1', entryPoint: 'config' } }, withMacro);
    expect(config.extension).toMatchObject({ type: 'macro', entryPoint: 'config', config: { projectKey: 'SMS' } });
    // A node the page does not hold has no context (the configuration is read from the page, never from the frame).
    await expect(buildResolverContext({ ...base, moduleKey: 'sms-readiness', projectKey: '', macro: { contentId: '65537', localId: 'other' } }, withMacro)).rejects.toMatchObject({ statusCode: 404 });
  });
});
