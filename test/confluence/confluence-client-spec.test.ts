import { ConfluenceClient, type AdfDocument } from '../../src/confluence/confluence-client';
import { loadSpec } from '../../sandbox/specs';
import { FakeProductApi, recordingSleep, type FakeReply, type RecordedRequest } from '../jira/fake-product-api';
import { specProblems } from '../jira/spec-paths';

const doc: AdfDocument = { type: 'doc', version: 1, content: [] };
const page = { id: '42', title: 'T', spaceId: '7', version: { number: 2 }, body: { atlas_doc_format: { value: JSON.stringify(doc) } } };

function confluenceFake(req: RecordedRequest): FakeReply {
  const p = req.pathname;
  if (p === '/wiki/api/v2/spaces') return { status: 200, body: { results: [{ id: '7', key: 'SMS', name: 'SMS' }] } };
  if (p === '/wiki/api/v2/pages') return req.method === 'GET' ? { status: 200, body: { results: [page] } } : { status: 200, body: page };
  if (/\/pages\/\d+\/children$/.test(p)) {
    return req.query.has('cursor')
      ? { status: 200, body: { results: [{ id: '43', title: 'C2' }] } }
      : { status: 200, body: { results: [{ id: '44', title: 'C1' }] }, headers: { link: `<${p}?cursor=next1&limit=250>; rel="next"` } };
  }
  if (/\/pages\/\d+\/properties$/.test(p)) {
    if (req.method === 'POST') return { status: 200, body: { id: '900', key: 'k', value: 1, version: { number: 1 } } };
    return req.query.get('key') === 'existing'
      ? { status: 200, body: { results: [{ id: '901', key: 'existing', value: 1, version: { number: 1 } }] } }
      : { status: 200, body: { results: [] } };
  }
  if (/\/pages\/\d+\/properties\/\d+$/.test(p)) return { status: 200, body: { id: '901', key: 'existing', value: 2, version: { number: 2 } } };
  if (/\/pages\/\d+$/.test(p)) return { status: 200, body: page };
  return { status: 599, body: `unrouted ${req.method} ${p}` };
}

describe('ConfluenceClient against the official Confluence v2 spec', () => {
  it('sends only /wiki/api/v2 paths, methods, query parameters and body properties the spec declares', async () => {
    const api = new FakeProductApi([], confluenceFake);
    const c = new ConfluenceClient(api, { sleep: recordingSleep().sleep });
    await c.getSpaceByKey('SMS');
    await c.findPageByTitle('7', 'T');
    await c.getPage('42');
    await c.createPage({ spaceId: '7', parentId: '40', title: 'T', adf: doc });
    await c.updatePage({ id: '42', title: 'T', adf: doc, currentVersion: 2, message: 'm' });
    await c.getChildPages('42');
    await c.getPageProperty('42', 'k');
    await c.setPageProperty('42', 'k', 1);
    await c.setPageProperty('42', 'existing', 2);

    expect(api.requests.every((r) => r.product === 'confluence')).toBe(true);
    expect(api.requests.some((r) => r.query.get('cursor') === 'next1')).toBe(true);
    expect(specProblems(loadSpec('confluence'), api.requests, '/wiki/api/v2')).toEqual([]);
  });
});
