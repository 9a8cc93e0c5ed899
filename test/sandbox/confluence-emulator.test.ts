import { USERS, startHarness, type Harness } from './emulator-harness';

type Json = Record<string, unknown>;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const adf = (...content: unknown[]): string => JSON.stringify({ type: 'doc', version: 1, content });
const para = (text: string): unknown => ({ type: 'paragraph', content: [{ type: 'text', text }] });

const createPage = async (title: string, value: string, parentId?: string): Promise<Json> => {
  const res = await h.call('POST', '/wiki/api/v2/pages', { spaceId: '131073', status: 'current', title, ...(parentId ? { parentId } : {}), body: { representation: 'atlas_doc_format', value } });
  expect(res.statusCode).toBe(200);
  return res.json() as Json;
};

describe('emulated Confluence', () => {
  it('finds the SMS space by key and its home page by title', async () => {
    const spaces = (await h.call('GET', '/wiki/api/v2/spaces?keys=SMS')).json() as { results: Json[] };
    expect(spaces.results).toEqual([expect.objectContaining({ key: 'SMS', id: '131073', homepageId: '65537' })]);
    const pages = (await h.call('GET', '/wiki/api/v2/pages?space-id=131073&title=Service%20Management%20System%20Home')).json() as { results: Json[] };
    expect(pages.results.map((p) => p.id)).toEqual(['65537']);
  });

  it('creates a page under the home page and returns its ADF body', async () => {
    const page = await createPage('Assessment report', adf(para('Hello')));
    expect(page).toMatchObject({ parentId: '65537', version: { number: 1 } });
    const got = (await h.call('GET', `/wiki/api/v2/pages/${page.id as string}?body-format=atlas_doc_format`)).json() as { body: { atlas_doc_format: { value: string } } };
    expect(JSON.parse(got.body.atlas_doc_format.value)).toEqual({ type: 'doc', version: 1, content: [para('Hello')] });
    const storage = (await h.call('GET', `/wiki/api/v2/pages/${page.id as string}?body-format=storage`)).json() as { body: { storage: { value: string } } };
    expect(storage.body.storage.value).toBe('<p>Hello</p>');
    expect((await h.call('POST', '/wiki/api/v2/pages', { spaceId: '131073', status: 'current', title: 'Assessment report', body: { representation: 'atlas_doc_format', value: adf(para('again')) } })).statusCode).toBe(400);
  });

  it('updates only with version current + 1, else 409', async () => {
    const page = await createPage('Versioned', adf(para('v1')));
    const put = (n: number) =>
      h.call('PUT', `/wiki/api/v2/pages/${page.id as string}`, { id: page.id, status: 'current', title: 'Versioned', body: { representation: 'atlas_doc_format', value: adf(para(`v${n}`)) }, version: { number: n } });
    expect((await put(3)).statusCode).toBe(409);
    const ok = await put(2);
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as { version: { number: number } }).version.number).toBe(2);
    expect((await put(2)).statusCode).toBe(409);
  });

  it('rejects an ADF body that is not a valid document', async () => {
    const res = await h.call('POST', '/wiki/api/v2/pages', { spaceId: '131073', status: 'current', title: 'Broken', body: { representation: 'atlas_doc_format', value: JSON.stringify({ type: 'doc', version: 1, content: [{ type: 'nonsense' }] }) } });
    expect(res.statusCode).toBe(400);
  });

  it('pages children with a cursor in the Link header', async () => {
    const parent = await createPage('Parent', adf(para('p')));
    for (let i = 0; i < 5; i += 1) await createPage(`Child ${i}`, adf(para(`c${i}`)), parent.id as string);
    const titles: string[] = [];
    let next: string | undefined = `/wiki/api/v2/pages/${parent.id as string}/children?limit=2`;
    let rounds = 0;
    while (next) {
      const res = await h.call('GET', next);
      titles.push(...(res.json() as { results: { title: string }[] }).results.map((r) => r.title));
      const link = res.headers.link;
      next = link ? /<([^>]+)>; rel="next"/.exec(link)?.[1] : undefined;
      rounds += 1;
    }
    expect(rounds).toBe(3);
    expect(titles).toEqual(['Child 0', 'Child 1', 'Child 2', 'Child 3', 'Child 4']);
  });

  it('keeps page properties with versions', async () => {
    const page = await createPage('With props', adf(para('x')));
    const base = `/wiki/api/v2/pages/${page.id as string}/properties`;
    const created = (await h.call('POST', base, { key: 'sms-navigator', value: { run: 1 } })).json() as { id: string; version: { number: number } };
    expect(created.version.number).toBe(1);
    expect((await h.call('POST', base, { key: 'sms-navigator', value: {} })).statusCode).toBe(409);
    expect((await h.call('PUT', `${base}/${created.id}`, { key: 'sms-navigator', value: { run: 2 }, version: { number: 1 } })).statusCode).toBe(409);
    expect((await h.call('PUT', `${base}/${created.id}`, { key: 'sms-navigator', value: { run: 2 }, version: { number: 2 } })).statusCode).toBe(200);
    const list = (await h.call('GET', `${base}?key=sms-navigator`)).json() as { results: Json[] };
    expect(list.results).toEqual([expect.objectContaining({ value: { run: 2 }, version: expect.objectContaining({ number: 2 }) })]);
    expect((await h.call('DELETE', `${base}/${created.id}`)).statusCode).toBe(204);
    expect((await h.call('GET', `${base}/${created.id}`)).statusCode).toBe(404);
  });

  it('refuses writes from the outsider', async () => {
    const res = await h.call('POST', '/wiki/api/v2/pages', { spaceId: '131073', status: 'current', title: 'Nope', body: { representation: 'storage', value: '<p>x</p>' } }, 'outsider');
    expect(res.statusCode).toBe(403);
  });

  it('offers Edit, and opens the editor, only to someone the REST API lets update the page (Confluence hides Edit otherwise)', async () => {
    const page = await createPage('Edit rights', adf(para('x')));
    const id = page.id as string;
    const asViewer = (who: keyof typeof USERS) => ({ cookie: `sandbox-user=${encodeURIComponent(USERS[who])}` });
    const update = (who: keyof typeof USERS, version: number) =>
      h.call('PUT', `/wiki/api/v2/pages/${id}`, { id, status: 'current', title: 'Edit rights', body: { representation: 'atlas_doc_format', value: adf(para('y')) }, version: { number: version } }, who);
    const editLink = `href="/wiki/spaces/SMS/pages/edit-v2/${id}">Edit</a>`;

    const member = await h.call('GET', `/wiki/spaces/SMS/pages/${id}`, undefined, 'anonymous', asViewer('member'));
    expect(member.body).toContain(editLink);
    expect((await h.call('GET', `/wiki/spaces/SMS/pages/edit-v2/${id}`, undefined, 'anonymous', asViewer('member'))).statusCode).toBe(200);
    expect((await update('member', 2)).statusCode).toBe(200);

    const outsider = await h.call('GET', `/wiki/spaces/SMS/pages/${id}`, undefined, 'anonymous', asViewer('outsider'));
    expect(outsider.statusCode).toBe(200);
    expect(outsider.body).not.toContain('edit-v2');
    expect(outsider.body).not.toMatch(/>Edit</);
    const editor = await h.call('GET', `/wiki/spaces/SMS/pages/edit-v2/${id}`, undefined, 'anonymous', asViewer('outsider'));
    expect(editor.statusCode).toBe(403);
    expect(editor.body).toContain('You do not have permission to edit this page.');
    expect(editor.body).not.toContain('page-editor.js');
    expect((await update('outsider', 3)).statusCode).toBe(403);
  });

  it('renders a readable HTML page with tables, status, panels, expands, escaped text and child pages', async () => {
    const doc = adf(
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Summary' }] },
      para('<script>alert(1)</script>'),
      { type: 'paragraph', content: [{ type: 'status', attrs: { text: 'Conformant', color: 'green', localId: 's1' } }, { type: 'inlineCard', attrs: { url: 'javascript:alert(1)' } }] },
      { type: 'panel', attrs: { panelType: 'warning' }, content: [para('Mind the gap')] },
      { type: 'expand', attrs: { title: 'Evidence' }, content: [para('Hidden detail')] },
      { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableHeader', content: [para('Clause')] }, { type: 'tableHeader', content: [para('Result')] }] }, { type: 'tableRow', content: [{ type: 'tableCell', content: [para('8.6.1')] }, { type: 'tableCell', content: [para('OK')] }] }] },
    );
    const page = await createPage('Rendered <report>', doc);
    await createPage('Rendered child', adf(para('c')), page.id as string);
    const res = await h.call('GET', `/wiki/spaces/SMS/pages/${page.id as string}`, undefined, 'anonymous');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const html = res.body;
    expect(html).toContain('<h1 class="page-title">Rendered &lt;report&gt;</h1>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('href="javascript:');
    expect(html).toMatch(/data-node-type="status"[^>]*>Conformant</);
    expect(html).toContain('data-panel-type="warning"');
    expect(html).toContain('<summary class="expand-title">Evidence</summary>');
    expect(html).toMatch(/<th[^>]*><p>Clause<\/p><\/th>/);
    expect(html).toContain('Version 1');
    expect(html).toContain('last updated Nov 20, 2026, 12:00 UTC'); // as Confluence words it, not the stored ISO instant
    expect(html).toMatch(/Child pages[\s\S]*Rendered child/);
    expect((await h.call('GET', '/wiki/spaces/SMS/pages/999999', undefined, 'anonymous')).statusCode).toBe(404);
  });
});
