import { ConfluenceClient, nextCursor, type AdfDocument } from '../../src/confluence/confluence-client';
import { ConflictError, NotFoundError, UpstreamError } from '../../src/domain/errors';
import { FakeProductApi, recordingSleep } from '../jira/fake-product-api';

const noWait = () => ({ sleep: recordingSleep().sleep, random: () => 0 });

const doc: AdfDocument = {
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Service management policy' }] }],
};

const pageBody = (version: number, adf: AdfDocument = doc) => ({
  id: '42',
  title: 'SMS policy',
  spaceId: '7',
  parentId: '40',
  status: 'current',
  version: { number: version, message: '' },
  body: { atlas_doc_format: { representation: 'atlas_doc_format', value: JSON.stringify(adf) } },
  _links: { webui: '/spaces/SMS/pages/42/SMS+policy' },
});

describe('ConfluenceClient spaces and lookups', () => {
  it('finds a space by key', async () => {
    const api = new FakeProductApi([{ status: 200, body: { results: [{ id: '7', key: 'SMS', name: 'Service Management', homepageId: '40' }] } }]);
    await expect(new ConfluenceClient(api, noWait()).getSpaceByKey('SMS')).resolves.toEqual({ id: '7', key: 'SMS', name: 'Service Management', homepageId: '40' });
    expect(api.requests[0]).toMatchObject({ product: 'confluence', method: 'GET', path: '/wiki/api/v2/spaces?keys=SMS' });
  });

  it('raises NotFoundError naming the key when the space is absent', async () => {
    const api = new FakeProductApi([{ status: 200, body: { results: [] } }]);
    const err = await new ConfluenceClient(api, noWait()).getSpaceByKey('NOPE').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).message).toContain('NOPE');
    expect((err as NotFoundError).details).toEqual({ spaceKey: 'NOPE' });
  });

  it('finds a page by exact title with the title encoded in the query', async () => {
    const api = new FakeProductApi([
      { status: 200, body: { results: [{ id: '42', title: 'SMS policy & scope', spaceId: '7', status: 'current', version: { number: 3 } }] } },
      { status: 200, body: { results: [] } },
    ]);
    const client = new ConfluenceClient(api, noWait());
    await expect(client.findPageByTitle('7', 'SMS policy & scope')).resolves.toEqual({ id: '42', title: 'SMS policy & scope', spaceId: '7', status: 'current', version: 3 });
    await expect(client.findPageByTitle('7', 'Missing')).resolves.toBeUndefined();
    const req = api.requests[0];
    expect(req?.pathname).toBe('/wiki/api/v2/pages');
    expect(req?.query.get('space-id')).toBe('7');
    expect(req?.query.get('title')).toBe('SMS policy & scope');
  });
});

describe('ConfluenceClient pages', () => {
  it('returns the ADF body parsed from its JSON string', async () => {
    const api = new FakeProductApi([{ status: 200, body: pageBody(3) }]);
    const page = await new ConfluenceClient(api, noWait()).getPage('42');
    expect(page).toEqual({ id: '42', title: 'SMS policy', spaceId: '7', parentId: '40', status: 'current', version: 3, adf: doc, webui: '/spaces/SMS/pages/42/SMS+policy' });
    expect(api.requests[0]?.path).toBe('/wiki/api/v2/pages/42?body-format=atlas_doc_format');
  });

  it('rejects an ADF body that is not JSON', async () => {
    const api = new FakeProductApi([{ status: 200, body: { ...pageBody(1), body: { atlas_doc_format: { value: '<p>html</p>' } } } }]);
    await expect(new ConfluenceClient(api, noWait()).getPage('42')).rejects.toBeInstanceOf(UpstreamError);
  });

  it('creates a page with an atlas_doc_format body holding the ADF as a string', async () => {
    const api = new FakeProductApi([{ status: 200, body: { ...pageBody(1), body: {} } }]);
    const page = await new ConfluenceClient(api, noWait()).createPage({ spaceId: '7', parentId: '40', title: 'SMS policy', adf: doc });
    expect(page.version).toBe(1);
    expect(page.adf).toEqual(doc);
    const req = api.requests[0];
    expect(req).toMatchObject({ method: 'POST', path: '/wiki/api/v2/pages' });
    expect(req?.body).toEqual({
      spaceId: '7',
      status: 'current',
      title: 'SMS policy',
      parentId: '40',
      body: { representation: 'atlas_doc_format', value: JSON.stringify(doc) },
    });
  });

  it('updates a page with the next version number and the message', async () => {
    const api = new FakeProductApi([{ status: 200, body: pageBody(4) }]);
    const page = await new ConfluenceClient(api, noWait()).updatePage({ id: '42', title: 'SMS policy', adf: doc, currentVersion: 3, message: 'Synced from Jira' });
    expect(page.version).toBe(4);
    expect(api.requests[0]).toMatchObject({ method: 'PUT', path: '/wiki/api/v2/pages/42' });
    expect(api.requests[0]?.body).toMatchObject({ id: '42', status: 'current', version: { number: 4, message: 'Synced from Jira' } });
  });

  it('maps a 409 on update to ConflictError without retrying', async () => {
    const api = new FakeProductApi([
      { status: 409, body: { errors: [{ status: 409, code: 'CONFLICT', title: 'Version mismatch', detail: 'expected 5' }] } },
    ]);
    const err = await new ConfluenceClient(api, noWait())
      .updatePage({ id: '42', title: 'SMS policy', adf: doc, currentVersion: 3 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).details).toMatchObject({ status: 409, messages: ['Version mismatch: expected 5'] });
    expect(api.requests).toHaveLength(1);
  });
});

describe('ConfluenceClient.getChildPages', () => {
  it('follows the cursor of the Link header with limit 250', async () => {
    const child = (n: number) => ({ id: String(100 + n), title: `Child ${n}`, status: 'current', childPosition: n });
    const api = new FakeProductApi([
      {
        status: 200,
        body: { results: [child(1), child(2)] },
        headers: { Link: '</wiki/api/v2/pages/42/children?limit=250&cursor=abc%3D%3D>; rel="next", <https://x.atlassian.net/wiki>; rel="base"' },
      },
      { status: 200, body: { results: [child(3)] }, headers: { link: '<https://x.atlassian.net/wiki>; rel="base"' } },
    ]);
    const children = await new ConfluenceClient(api, noWait()).getChildPages('42');
    expect(children.map((c) => c.id)).toEqual(['101', '102', '103']);
    expect(api.requests.map((r) => r.pathname)).toEqual(['/wiki/api/v2/pages/42/children', '/wiki/api/v2/pages/42/children']);
    expect(api.requests.map((r) => r.query.get('limit'))).toEqual(['250', '250']);
    expect(api.requests.map((r) => r.query.get('cursor'))).toEqual([null, 'abc==']);
  });

  it('reads the next cursor from _links.next when there is no Link header', () => {
    expect(nextCursor(null, '/wiki/api/v2/pages/42/children?cursor=zz')).toBe('zz');
    expect(nextCursor('<https://x.atlassian.net/wiki>; rel="base"')).toBeUndefined();
  });
});

describe('ConfluenceClient page properties', () => {
  it('returns undefined for a missing property and creates it with POST', async () => {
    const api = new FakeProductApi([
      { status: 200, body: { results: [] } },
      { status: 200, body: { results: [] } },
      { status: 200, body: { id: '900', key: 'smsnav', value: { clause: '5.2' }, version: { number: 1 } } },
    ]);
    const client = new ConfluenceClient(api, noWait());
    await expect(client.getPageProperty('42', 'smsnav')).resolves.toBeUndefined();
    const prop = await client.setPageProperty('42', 'smsnav', { clause: '5.2' });
    expect(prop).toEqual({ id: '900', key: 'smsnav', value: { clause: '5.2' }, version: 1 });
    expect(api.requests[0]?.path).toBe('/wiki/api/v2/pages/42/properties?key=smsnav');
    expect(api.requests[2]).toMatchObject({ method: 'POST', path: '/wiki/api/v2/pages/42/properties', body: { key: 'smsnav', value: { clause: '5.2' } } });
  });

  it('updates an existing property with version + 1', async () => {
    const api = new FakeProductApi([
      { status: 200, body: { results: [{ id: '900', key: 'smsnav', value: 1, version: { number: 4 } }] } },
      { status: 200, body: { id: '900', key: 'smsnav', value: 2, version: { number: 5 } } },
    ]);
    const prop = await new ConfluenceClient(api, noWait()).setPageProperty('42', 'smsnav', 2);
    expect(prop.version).toBe(5);
    expect(api.requests[1]).toMatchObject({ method: 'PUT', path: '/wiki/api/v2/pages/42/properties/900', body: { key: 'smsnav', value: 2, version: { number: 5 } } });
  });

  it('refuses a write when the expected version is stale', async () => {
    const api = new FakeProductApi([{ status: 200, body: { results: [{ id: '900', key: 'smsnav', value: 1, version: { number: 4 } }] } }]);
    await expect(new ConfluenceClient(api, noWait()).setPageProperty('42', 'smsnav', 2, { expectedVersion: 3 })).rejects.toBeInstanceOf(ConflictError);
    expect(api.requests).toHaveLength(1);
  });
});
