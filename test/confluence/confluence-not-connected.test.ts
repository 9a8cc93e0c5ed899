import { RequestProductNotAllowedError } from '@forge/api';
import { ConfluenceClient } from '../../src/confluence/confluence-client';
import { CONFLUENCE_NOT_CONNECTED_MESSAGE, ConfluenceNotConnectedError } from '../../src/domain/errors';
import type { AtlassianApp } from '../../src/platform/product-api';
import { FakeProductApi } from '../jira/fake-product-api';

/** A FakeProductApi whose installation is, or is not, connected to Confluence. */
class InstallationApi extends FakeProductApi {
  constructor(
    private readonly confluenceConnected: boolean,
    script: ConstructorParameters<typeof FakeProductApi>[0] = [],
  ) {
    super(script);
  }

  isConnected(app: AtlassianApp): Promise<boolean> {
    return Promise.resolve(app === 'jira' || this.confluenceConnected);
  }
}

const noWait = { sleep: () => Promise.resolve(), random: () => 0 };

describe('ConfluenceClient when the installation is not connected to Confluence', () => {
  it('fails every call with CONFLUENCE_NOT_CONNECTED and sends nothing', async () => {
    const api = new InstallationApi(false);
    const client = new ConfluenceClient(api, noWait);
    const calls = [
      () => client.getSpaceByKey('SMS'),
      () => client.getPage('42', { as: 'app' }),
      () => client.createPage({ spaceId: '7', title: 'Gap report', adf: { type: 'doc', version: 1, content: [] } }),
      () => client.listSpacePages('7'),
      () => client.setPageProperty('42', 'k', { a: 1 }),
    ];
    for (const call of calls) {
      const err = await call().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfluenceNotConnectedError);
      expect(err).toMatchObject({ code: 'CONFLUENCE_NOT_CONNECTED', message: CONFLUENCE_NOT_CONNECTED_MESSAGE });
    }
    expect(api.requests).toEqual([]);
    await expect(client.isConnected()).resolves.toBe(false);
    await expect(client.requireConnected()).rejects.toMatchObject({ code: 'CONFLUENCE_NOT_CONNECTED' });
  });

  it('turns the refusal @forge/api throws for a product the installation cannot reach into the same typed error, without retrying', async () => {
    const refusal = new RequestProductNotAllowedError('confluence', 'jira');
    const api = new InstallationApi(true, [refusal, refusal, refusal]);
    const err = await new ConfluenceClient(api, noWait).getSpaceByKey('SMS').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'CONFLUENCE_NOT_CONNECTED', details: { product: 'confluence', forgeError: refusal.message } });
    expect(api.requests).toHaveLength(1);
  });

  it('calls Confluence as before when connected', async () => {
    const api = new InstallationApi(true, [{ status: 200, body: { results: [{ id: '7', key: 'SMS', name: 'SMS' }] } }]);
    await expect(new ConfluenceClient(api, noWait).getSpaceByKey('SMS')).resolves.toMatchObject({ id: '7' });
    expect(api.requests).toHaveLength(1);
  });
});
