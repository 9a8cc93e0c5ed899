import { adfToHtml, renderPageView } from '../../../sandbox/emulator/page-view';
import { READINESS_MACRO, macroSubmitSchema, newReadinessMacroNode, readinessMacroIds, withMacroAppended, withMacroConfig, type AdfNode } from '../../../sandbox/host/macro-editing';

const paragraph = (text: string): AdfNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const doc = (...content: AdfNode[]): AdfNode => ({ type: 'doc', version: 1, content });

describe('the sandbox editor and the app macro', () => {
  it('inserts an unconfigured SMS readiness node as Confluence stores a Forge macro, a valid ADF page', () => {
    const node = newReadinessMacroNode('11111111-2222-4333-8444-555555555555');
    const page = withMacroAppended(doc(paragraph('Weekly review.')), node);
    expect(page.content?.[1]).toMatchObject({
      type: 'extension',
      attrs: { extensionType: 'com.atlassian.ecosystem', extensionKey: READINESS_MACRO.extensionKey, localId: '11111111-2222-4333-8444-555555555555', parameters: { guestParams: {} } },
    });
    expect(readinessMacroIds(page)).toEqual(['11111111-2222-4333-8444-555555555555']);
    // The page view frames it with the node's localId (the configuration is read from the page by the bridge).
    const html = adfToHtml(page, { macroFrame: (key, localId) => (key === READINESS_MACRO.extensionKey ? `/static-macro/index.html?localId=${localId}` : undefined) });
    expect(html).toContain('src="/static-macro/index.html?localId=11111111-2222-4333-8444-555555555555"');
  });

  it('stores a submitted config in guestParams (mirrored in config) of that node only; another key or id is not touched', () => {
    const a = newReadinessMacroNode('a');
    const b = newReadinessMacroNode('b');
    const foreign: AdfNode = { type: 'extension', attrs: { extensionType: 'com.atlassian.ecosystem', extensionKey: 'other-app/env/static/x', localId: 'c', parameters: {} } };
    const page = doc(a, b, foreign);
    const next = withMacroConfig(page, 'b', { projectId: '10000', projectKey: 'SMS' });
    expect(next?.content?.[1]?.attrs?.parameters).toMatchObject({ guestParams: { projectId: '10000', projectKey: 'SMS' }, config: { projectId: '10000', projectKey: 'SMS' } });
    expect(next?.content?.[0]).toEqual(a);
    expect(withMacroConfig(page, 'c', { projectId: '1' })).toBeUndefined();
    expect(withMacroConfig(page, 'missing', { projectId: '1' })).toBeUndefined();
  });

  it('takes from view.submit only { config: <object> }, as Forge does', () => {
    expect(macroSubmitSchema.safeParse({ config: { projectId: '10000', projectKey: 'SMS' } }).success).toBe(true);
    expect(macroSubmitSchema.safeParse({ config: 'SMS' }).success).toBe(false);
    expect(macroSubmitSchema.safeParse({ config: ['SMS'] }).success).toBe(false);
    expect(macroSubmitSchema.safeParse({ projectId: '10000' }).success).toBe(false);
    expect(macroSubmitSchema.safeParse({ config: {}, other: 1 }).success).toBe(false);
  });

  it('the editor puts an Edit action on each app macro and offers the macro in its browser; the view links to the editor for those who may edit', () => {
    const page = doc(newReadinessMacroNode('a'));
    const frame = (key: string, localId: string) => (key === READINESS_MACRO.extensionKey ? `/static-macro/index.html?localId=${localId}` : undefined);
    const body = adfToHtml(page, { macroFrame: frame, editable: true });
    expect(body).toContain('aria-label="Edit the SMS readiness macro"');
    expect(body).toContain('data-local-id="a"');
    const model = { spaceKey: 'SMS', spaceName: 'SMS', title: 'Review', version: 2, updatedAt: 'now', bodyHtml: body, ancestors: [], children: [], pageId: '70000' };
    const editor = renderPageView({ ...model, mode: 'edit', insertable: { title: READINESS_MACRO.title, description: READINESS_MACRO.description } });
    expect(editor).toContain('id="insert-readiness"');
    expect(editor).toContain('/__host/page-editor.js');
    expect(editor).toContain('href="/wiki/spaces/SMS/pages/70000">Close editor');
    const view = renderPageView({ ...model, canEdit: true, bodyHtml: adfToHtml(page, { macroFrame: frame }) });
    expect(view).toContain('href="/wiki/spaces/SMS/pages/edit-v2/70000">Edit</a>');
    // Without edit permission the view offers no Edit at all.
    const readOnly = renderPageView({ ...model, bodyHtml: adfToHtml(page, { macroFrame: frame }) });
    expect(readOnly).not.toContain('edit-v2');
    expect(readOnly).not.toMatch(/>Edit</);
    expect(view).not.toContain('page-editor.js');
    expect(view).not.toContain('Edit the SMS readiness macro');
  });
});
