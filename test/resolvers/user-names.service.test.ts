import { JiraClient } from '../../src/jira/jira-client';
import type { ProductApi } from '../../src/platform/product-api';
import { NAME_LOOKUP_RETRY, accountIdsOf, resolveNames } from '../../src/services/user-names.service';

/** The directory the composition root builds: a JiraClient with the name lookup's retry budget. */
const directory = (api: ProductApi): JiraClient => new JiraClient(api, NAME_LOOKUP_RETRY);
import { FakeProductApi, fetchFailed } from '../jira/fake-product-api';
import { recordingLogger } from './resolver-fakes';

const page = (values: { accountId: string; displayName: string }[]) => ({ status: 200, body: { isLast: true, values } });

describe('resolveNames', () => {
  it('makes one bulk call as the user for the distinct account ids and names each of them', async () => {
    const api = new FakeProductApi([page([{ accountId: '557058:a', displayName: 'Ann' }, { accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Bo' }])]);
    const people = await resolveNames(directory(api), ['557058:a', null, '', '5b10ac8d82e05b22cc7d4ef5', '557058:a', undefined]);
    expect(people).toEqual({ '557058:a': 'Ann', '5b10ac8d82e05b22cc7d4ef5': 'Bo' });
    expect(api.requests).toHaveLength(1);
    expect(api.requests[0]).toMatchObject({ as: 'user', pathname: '/rest/api/3/user/bulk' });
    expect(api.requests[0]?.query.getAll('accountId')).toEqual(['557058:a', '5b10ac8d82e05b22cc7d4ef5']);
  });

  it('maps an id Jira does not return (deleted, anonymous) and a typed name to themselves, asking only for ids', async () => {
    const api = new FakeProductApi([page([{ accountId: '557058:a', displayName: 'Ann' }])]);
    const people = await resolveNames(directory(api), ['557058:a', '557058:gone', 'Quality team']);
    expect(people).toEqual({ '557058:a': 'Ann', '557058:gone': '557058:gone', 'Quality team': 'Quality team' });
    expect(api.requests[0]?.query.getAll('accountId')).toEqual(['557058:a', '557058:gone']);
  });

  it('makes no call when nothing needs a name', async () => {
    const api = new FakeProductApi();
    expect(await resolveNames(directory(api), [null, '', 'Pat'])).toEqual({ Pat: 'Pat' });
    expect(api.requests).toEqual([]);
  });

  it('never throws: a refusal or a network failure is logged and every id stands for itself', async () => {
    for (const step of [{ status: 403, body: { errorMessages: ['no browse users permission'] } }, fetchFailed('ECONNREFUSED')]) {
      const { log, lines } = recordingLogger();
      const api = new FakeProductApi([step, step, step]);
      const people = await resolveNames(directory(api), ['557058:a'], log);
      expect(people).toEqual({ '557058:a': '557058:a' });
      expect(api.requests.length).toBeLessThanOrEqual(2);
      expect(lines).toEqual([expect.objectContaining({ level: 'warn', data: expect.objectContaining({ count: 1 }) })]);
    }
  });
});

describe('accountIdsOf', () => {
  it('keeps account-id shaped values once, in order', () => {
    expect(accountIdsOf(['557058:x-1', 'Pat', '557058:x-1', null, 'qm:abc:def', '5b10ac8d82e05b22cc7d4ef5', 'a b'])).toEqual([
      '557058:x-1',
      'qm:abc:def',
      '5b10ac8d82e05b22cc7d4ef5',
    ]);
  });
});
