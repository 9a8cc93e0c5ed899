import { route, type Route } from '@forge/api';
import { ForgeJobQueue, QUEUE_LIMITS, type QueueLike } from '../../src/platform/forge-job-queue';
import { connectedFromContexts, ForgeProductApi, type ForgeApiLike } from '../../src/platform/forge-product-api';
import type { ProductResponse } from '../../src/platform/product-api';

jest.mock('@forge/events', () => ({ Queue: jest.fn() }));

describe('ForgeJobQueue', () => {
  function fakeQueue() {
    const pushed: unknown[] = [];
    const queue: QueueLike = {
      push: async (events) => {
        pushed.push(events);
        return { jobId: 'job-42' };
      },
    };
    return { queue, pushed };
  }

  it('pushes the event bodies and resolves to the job id', async () => {
    const { queue, pushed } = fakeQueue();
    const jobId = await new ForgeJobQueue(queue).push([{ body: { type: 'a' } }, { body: { type: 'b' } }]);
    expect(jobId).toBe('job-42');
    expect(pushed).toEqual([[{ body: { type: 'a' } }, { body: { type: 'b' } }]]);
  });

  it(`refuses more than ${QUEUE_LIMITS.maxEventsPerPush} events or more than 200 KB in one push`, async () => {
    const { queue, pushed } = fakeQueue();
    const q = new ForgeJobQueue(queue);
    const many = Array.from({ length: QUEUE_LIMITS.maxEventsPerPush + 1 }, () => ({ body: { type: 'a' } }));
    await expect(q.push(many)).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
    await expect(q.push([{ body: { type: 'a', blob: 'x'.repeat(QUEUE_LIMITS.maxPushBytes) } }])).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
    await expect(q.push([])).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(pushed).toEqual([]);
  });
});

describe('ForgeProductApi', () => {
  it('forwards routes to asUser() or asApp() of the Forge API unchanged', async () => {
    const seen: string[] = [];
    const response = { ok: true, status: 200 } as ProductResponse;
    const methods = (who: string) => ({
      requestJira: async (path: Route) => {
        seen.push(`${who} jira ${path.value}`);
        return response;
      },
      requestConfluence: async (path: Route) => {
        seen.push(`${who} confluence ${path.value}`);
        return response;
      },
    });
    const forge: ForgeApiLike = { asUser: () => methods('user'), asApp: () => methods('app') };
    const api = new ForgeProductApi(forge);
    await api.asUser().requestJira(route`/rest/api/3/myself`);
    await api.asApp().requestConfluence(route`/wiki/api/v2/spaces?keys=${'SMS'}`);
    expect(seen).toEqual(['user jira /rest/api/3/myself', 'app confluence /wiki/api/v2/spaces?keys=SMS']);
  });
});

describe('ForgeProductApi.isConnected', () => {
  const JIRA = 'ari:cloud:jira::site/5a9d2f6e-0000-4000-8000-5a9db0c5e000';
  const CONFLUENCE = 'ari:cloud:confluence::site/5a9d2f6e-0000-4000-8000-5a9db0c5e000';
  const noApi = {} as ForgeApiLike;

  it("reads the installation's context ARIs: Confluence is connected only when a Confluence site is among them", async () => {
    await expect(new ForgeProductApi(noApi, () => [JIRA]).isConnected('confluence')).resolves.toBe(false);
    await expect(new ForgeProductApi(noApi, () => [JIRA, CONFLUENCE]).isConnected('confluence')).resolves.toBe(true);
    await expect(new ForgeProductApi(noApi, () => [JIRA]).isConnected('jira')).resolves.toBe(true);
  });

  it('takes unknown contexts (a runtime that does not give them) as connected, leaving Forge to refuse the call', () => {
    expect(connectedFromContexts(undefined, 'confluence')).toBe(true);
    expect(connectedFromContexts([], 'confluence')).toBe(false);
  });
});
