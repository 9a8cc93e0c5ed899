import { ConfluenceClient } from '../../src/confluence/confluence-client';
import { loadSpec } from '../../sandbox/specs';
import { FakeProductApi, recordingSleep, type FakeReply, type RecordedRequest } from '../jira/fake-product-api';
import { specProblems } from '../jira/spec-paths';

/** A space with `total` pages served `limit` at a time, the cursor being the offset. */
function pagedSpace(total: number) {
  return (req: RecordedRequest): FakeReply => {
    if (req.pathname !== '/wiki/api/v2/spaces/7/pages') return { status: 404, body: { errors: [{ title: 'Space not found' }] } };
    const offset = Number(req.query.get('cursor') ?? '0');
    const limit = Number(req.query.get('limit'));
    const results = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({
      id: String(1000 + offset + i),
      title: `Page ${offset + i}`,
      spaceId: '7',
      parentId: '1000',
      status: 'current',
    }));
    const next = offset + limit < total ? `/wiki/api/v2/spaces/7/pages?cursor=${offset + limit}&limit=${limit}` : undefined;
    return { status: 200, body: { results, _links: next ? { next } : {} }, ...(next ? { headers: { link: `<${next}>; rel="next"` } } : {}) };
  };
}

describe('ConfluenceClient.listSpacePages', () => {
  it('follows the cursor until every current page is listed, sorted by title, as the user', async () => {
    const api = new FakeProductApi([], pagedSpace(300));
    const result = await new ConfluenceClient(api, { sleep: recordingSleep().sleep }).listSpacePages('7');
    expect(result.truncated).toBe(false);
    expect(result.pages).toHaveLength(300);
    expect(result.pages[299]).toEqual({ id: '1299', title: 'Page 299', spaceId: '7', parentId: '1000', status: 'current' });
    expect(api.requests.map((r) => [r.as, r.query.get('status'), r.query.get('sort'), r.query.get('limit'), r.query.get('cursor')])).toEqual([
      ['user', 'current', 'title', '250', null],
      ['user', 'current', 'title', '250', '250'],
    ]);
    expect(specProblems(loadSpec('confluence'), api.requests, '/wiki/api/v2')).toEqual([]);
  });

  it('stops at `max` pages and says the list is truncated', async () => {
    const api = new FakeProductApi([], pagedSpace(30));
    const result = await new ConfluenceClient(api).listSpacePages('7', { max: 12 });
    expect(result.pages.map((p) => p.id)).toEqual(Array.from({ length: 12 }, (_, i) => String(1000 + i)));
    expect(result.truncated).toBe(true);
    expect(api.requests).toHaveLength(1);
  });

  it('turns a missing space into NOT_FOUND', async () => {
    const api = new FakeProductApi([], pagedSpace(1));
    await expect(new ConfluenceClient(api).listSpacePages('8')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
