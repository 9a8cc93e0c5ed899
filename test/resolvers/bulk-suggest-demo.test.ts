import type { Route } from '@forge/api';
import type { PreviewBulkMappingResponse } from '../../src/contract/mapping';
import type { ProductApi, ProductRequestInit, ProductResponse } from '../../src/platform/product-api';
import { createApp } from '../../src/wiring';
import { response } from '../jira/fake-product-api';
import { MAPPING_PROPERTY_KEY } from '../../src/domain/mapping/mapping-property';
import { buildJiraSeed, SMS_PROJECT } from '../../sandbox/seed/jira-seed';
import { ADMIN, FakePermissionGateway, PROJECT, RecordingStore, forgeContext, recordingLogger, resolverInvoker } from './resolver-fakes';

// Bulk "accept best suggestion" on the demo project (the sandbox seed), whose issues say what they are about
// (JiraSeed.intended, written from each issue's meaning): only confident suggestions are marked for pre-selection,
// every one of them is right, and the wrong best suggestions are among the unsure ones.

const seed = buildJiraSeed();
const typeName = new Map(seed.issueTypes.map((t) => [t.id, t.name]));
const componentName = new Map(SMS_PROJECT.components.map((c) => [c.id, c.name]));
const smsIssues = seed.issues.filter((i) => i.projectId === SMS_PROJECT.id);
const unmapped = smsIssues.filter((i) => i.properties[MAPPING_PROPERTY_KEY] === undefined);

/** A Jira whose search (the bulk preview asks for the unmapped issues) returns the demo's unmapped SMS issues. */
function seedJira(): ProductApi {
  const requester = {
    requestJira: async (path: Route, init?: ProductRequestInit): Promise<ProductResponse> => {
      if ((init?.method ?? 'GET') === 'POST' && path.value === '/rest/api/3/search/jql') {
        return response({ status: 200, body: {
          isLast: true,
          issues: unmapped.map((i) => ({
            id: i.id,
            key: i.key,
            fields: {
              summary: i.summary,
              description: i.description,
              issuetype: { name: typeName.get(i.issueTypeId) },
              labels: i.labels,
              components: i.componentIds.map((c) => ({ name: componentName.get(c) })),
              project: { id: PROJECT.id, key: PROJECT.key },
            },
            properties: i.properties,
          })),
        } });
      }
      return response({ status: 404, body: { errorMessages: ['no fake'] } });
    },
    requestConfluence: async (): Promise<ProductResponse> => {
      throw new Error('unexpected Confluence call');
    },
  };
  return { asUser: () => requester, asApp: () => requester };
}

const under = (clauseId: string, intended: string): boolean => clauseId === intended || clauseId.startsWith(`${intended}.`);
const isRight = (key: string, clauseId: string): boolean => (seed.intended[key] ?? []).some((c) => under(clauseId, c));

describe('bulk "accept best suggestion" on the demo project', () => {
  it('marks only confident suggestions for pre-selection, all of them right; the wrong ones are left unsure', async () => {
    const gateway = new FakePermissionGateway({ [ADMIN]: ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS', 'EDIT_ISSUES'] }, {});
    const app = createApp({ api: seedJira(), store: new RecordingStore(), queue: { push: async () => 'job' }, log: recordingLogger().log, permissions: gateway });
    const res = await resolverInvoker(app, gateway)<PreviewBulkMappingResponse>('previewBulkMapping', { source: 'suggestions' }, ADMIN, forgeContext());
    if (!res.ok) throw new Error(res.error.message);
    const items = res.data.items;
    expect(items.map((i) => i.key).sort()).toEqual(unmapped.map((i) => i.key).sort());

    const confident = items.filter((i) => i.confident === true);
    const unsure = items.filter((i) => i.confident === false);
    expect(confident.length + unsure.length).toBe(items.length); // every suggestion says which it is
    // Pre-selection means something: most issues, not all of them.
    expect(confident.length).toBeGreaterThan(items.length / 2);
    expect(unsure.length).toBeGreaterThan(0);
    for (const i of confident) expect({ key: i.key, added: i.added[0], right: isRight(i.key, i.added[0] as string) }).toMatchObject({ right: true });
    const wrong = items.filter((i) => !isRight(i.key, i.added[0] as string));
    expect(wrong.length).toBeGreaterThan(0); // the demo has wrong best suggestions, and …
    for (const i of wrong) expect({ key: i.key, confident: i.confident }).toEqual({ key: i.key, confident: false }); // … none is pre-selected
  });
});
