import { route } from '@forge/api';
import { runAsUser, currentAccountId } from '../../sandbox/bridge/user-context';
import { ACCOUNT_HEADER, AS_APP_HEADER, createHttpProductApi } from '../../sandbox/http-product-api';

interface Sent {
  url: string;
  method: string | undefined;
  headers: Record<string, string>;
  body: unknown;
}

function fakeFetch(status = 200, body = '{"id":"10000"}', headers: Record<string, string> = { 'retry-after': '3' }) {
  const sent: Sent[] = [];
  const doFetch = (async (input: URL | RequestInfo, init?: RequestInit) => {
    sent.push({ url: String(input), method: init?.method, headers: init?.headers as Record<string, string>, body: init?.body });
    return new Response(status === 204 ? null : body, { status, headers });
  }) as typeof fetch;
  return { sent, doFetch };
}

describe('createHttpProductApi', () => {
  it('sends asUser calls to the base URL with the current user of the invocation', async () => {
    const { sent, doFetch } = fakeFetch();
    const api = createHttpProductApi('http://127.0.0.1:9999', currentAccountId, doFetch);
    const key = 'SMS';
    await runAsUser('557058:sandbox-member', () => api.asUser().requestJira(route`/rest/api/3/project/${key}?expand=lead`));
    expect(sent[0]?.url).toBe('http://127.0.0.1:9999/rest/api/3/project/SMS?expand=lead');
    expect(sent[0]?.method).toBe('GET');
    expect(sent[0]?.headers[ACCOUNT_HEADER]).toBe('557058:sandbox-member');
    expect(sent[0]?.headers[AS_APP_HEADER]).toBeUndefined();
  });

  it('sends asUser calls without identity when there is no user (anonymous)', async () => {
    const { sent, doFetch } = fakeFetch();
    const api = createHttpProductApi('http://h', currentAccountId, doFetch);
    await api.asUser().requestConfluence(route`/wiki/api/v2/spaces`);
    expect(Object.keys(sent[0]?.headers ?? {})).not.toContain(ACCOUNT_HEADER);
  });

  it('marks asApp calls as the app, whoever the user is, and sets a JSON content type for bodies', async () => {
    const { sent, doFetch } = fakeFetch();
    const api = createHttpProductApi('http://h', () => '557058:sandbox-member', doFetch);
    await api.asApp().requestJira(route`/rest/api/3/issue`, { method: 'POST', body: '{"fields":{}}' });
    expect(sent[0]?.headers[AS_APP_HEADER]).toBe('true');
    expect(sent[0]?.headers[ACCOUNT_HEADER]).toBeUndefined();
    expect(sent[0]?.headers['content-type']).toBe('application/json');
    expect(sent[0]?.body).toBe('{"fields":{}}');
  });

  it('does not let a caller override the identity headers', async () => {
    const { sent, doFetch } = fakeFetch();
    const api = createHttpProductApi('http://h', () => '557058:sandbox-member', doFetch);
    await api.asUser().requestJira(route`/rest/api/3/myself`, { headers: { [ACCOUNT_HEADER]: '557058:sandbox-site-admin' } });
    expect(sent[0]?.headers[ACCOUNT_HEADER]).toBe('557058:sandbox-member');
  });

  it('adapts the answer to a ProductResponse whose body can be read as JSON or text', async () => {
    const { doFetch } = fakeFetch(429, '{"errorMessages":["slow down"]}');
    const api = createHttpProductApi('http://h', () => undefined, doFetch);
    const res = await api.asApp().requestJira(route`/rest/api/3/search/jql`);
    expect(res.ok).toBe(false);
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('3');
    await expect(res.json()).resolves.toEqual({ errorMessages: ['slow down'] });
    await expect(res.text()).resolves.toBe('{"errorMessages":["slow down"]}');
  });
});
