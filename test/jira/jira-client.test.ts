import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UpstreamError,
  ValidationError,
} from '../../src/domain/errors';
import { JiraClient, type JiraIssueInput } from '../../src/jira/jira-client';
import { FakeProductApi, recordingSleep, type RecordedRequest } from './fake-product-api';

const noWait = () => ({ sleep: recordingSleep().sleep, random: () => 0 });

const issueInput = (i: number): JiraIssueInput => ({
  fields: { project: { id: '10000' }, issuetype: { id: '10001' }, summary: `Item ${i}` },
});

describe('JiraClient permissions and projects', () => {
  it('asks mypermissions for the project with the keys in the query and maps havePermission', async () => {
    const api = new FakeProductApi([
      { status: 200, body: { permissions: { BROWSE_PROJECTS: { havePermission: true }, EDIT_ISSUES: { havePermission: false } } } },
    ]);
    const perms = await new JiraClient(api, noWait()).getMyPermissions('10000', ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS']);
    expect(perms).toEqual({ BROWSE_PROJECTS: true, EDIT_ISSUES: false, ADMINISTER_PROJECTS: false });
    const [req] = api.requests;
    expect(req?.pathname).toBe('/rest/api/3/mypermissions');
    expect(req?.query.get('projectId')).toBe('10000');
    expect(req?.query.get('permissions')).toBe('BROWSE_PROJECTS,EDIT_ISSUES,ADMINISTER_PROJECTS');
    expect(req?.as).toBe('user');
  });

  it('calls as the app only when asked to', async () => {
    const api = new FakeProductApi([{ status: 200, body: { id: '10000', key: 'SMS', name: 'SMS', style: 'classic' } }]);
    const project = await new JiraClient(api, noWait()).getProject('SMS', { as: 'app' });
    expect(project).toEqual({ id: '10000', key: 'SMS', name: 'SMS', style: 'classic' });
    expect(api.requests[0]?.as).toBe('app');
  });

  it('reads role ids from the role URLs and user actors from a role', async () => {
    const api = new FakeProductApi([
      {
        status: 200,
        body: {
          Administrators: 'https://x.atlassian.net/rest/api/3/project/10000/role/10002',
          Members: 'https://x.atlassian.net/rest/api/3/project/10000/role/10003',
        },
      },
      {
        status: 200,
        body: {
          id: 10002,
          name: 'Administrators',
          actors: [
            { id: 1, displayName: 'Pat', type: 'atlassian-user-role-actor', actorUser: { accountId: '557058:pat' } },
            { id: 2, displayName: 'admins', type: 'atlassian-group-role-actor', actorGroup: { name: 'admins', groupId: 'g-1' } },
          ],
        },
      },
    ]);
    const client = new JiraClient(api, noWait());
    await expect(client.getProjectRoles('10000')).resolves.toEqual([
      { name: 'Administrators', id: '10002' },
      { name: 'Members', id: '10003' },
    ]);
    await expect(client.getProjectRoleActorIds('10000', '10002')).resolves.toEqual(['557058:pat']);
    expect(api.requests[1]?.path).toBe('/rest/api/3/project/10000/role/10002');
  });

  it('gives issue types their hierarchy level', async () => {
    const api = new FakeProductApi([
      {
        status: 200,
        body: [
          { id: '1', name: 'Epic', hierarchyLevel: 1, subtask: false },
          { id: '2', name: 'Task', hierarchyLevel: 0, subtask: false },
          { id: '3', name: 'Sub-task', subtask: true },
        ],
      },
    ]);
    const types = await new JiraClient(api, noWait()).getIssueTypesForProject('10000');
    expect(types.map((t) => [t.name, t.hierarchyLevel])).toEqual([['Epic', 1], ['Task', 0], ['Sub-task', -1]]);
    expect(api.requests[0]?.path).toBe('/rest/api/3/issuetype/project?projectId=10000');
  });

  it('pages through create metadata with startAt', async () => {
    const field = (id: string, required: boolean) => ({ fieldId: id, key: id, name: id, required, operations: [], schema: { type: 'string' } });
    const api = new FakeProductApi([
      { status: 200, body: { startAt: 0, maxResults: 2, total: 3, fields: [field('summary', true), field('labels', false)] } },
      { status: 200, body: { startAt: 2, maxResults: 2, total: 3, fields: [field('customfield_1', true)] } },
    ]);
    const fields = await new JiraClient(api, noWait()).getCreateFields('10000', '10001');
    expect(fields.filter((f) => f.required).map((f) => f.fieldId)).toEqual(['summary', 'customfield_1']);
    expect(api.requests.map((r) => r.query.get('startAt'))).toEqual(['0', '2']);
  });
});

describe('JiraClient error mapping', () => {
  const run = async (status: number, body?: unknown) => {
    const api = new FakeProductApi([], () => ({ status, body }));
    return new JiraClient(api, { ...noWait(), maxAttempts: 2 }).getIssue('SMS-1').catch((e: unknown) => e);
  };

  it('maps 400 to ValidationError with Jira messages and field errors', async () => {
    const err = await run(400, { errorMessages: ['Field is wrong'], errors: { summary: 'Summary is required.' } });
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).details).toMatchObject({
      status: 400,
      messages: ['Field is wrong', 'summary: Summary is required.'],
      fieldErrors: { summary: 'Summary is required.' },
    });
  });

  it.each([401, 403])('maps %i to ForbiddenError', async (status) => {
    expect(await run(status)).toBeInstanceOf(ForbiddenError);
  });

  it('maps 404 to NotFoundError, 409 to ConflictError and other statuses to UpstreamError', async () => {
    expect(await run(404, { errorMessages: ['Issue does not exist'] })).toBeInstanceOf(NotFoundError);
    expect(await run(409)).toBeInstanceOf(ConflictError);
    const err = await run(422, { errorMessages: ['configuration problem'] });
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).details).toMatchObject({ status: 422, messages: ['configuration problem'] });
  });

  it('rejects a 2xx body of the wrong shape with UpstreamError', async () => {
    expect(await run(200, { nothing: true })).toBeInstanceOf(UpstreamError);
  });
});

describe('JiraClient search', () => {
  const issue = (n: number) => ({ id: String(10000 + n), key: `SMS-${n}`, fields: { summary: `S${n}` } });

  it('follows nextPageToken until isLast', async () => {
    const api = new FakeProductApi([
      { status: 200, body: { issues: [issue(1), issue(2)], nextPageToken: 't1', isLast: false } },
      { status: 200, body: { issues: [issue(3)], nextPageToken: 't2', isLast: false } },
      { status: 200, body: { issues: [issue(4)], isLast: true } },
    ]);
    const keys: string[] = [];
    for await (const i of new JiraClient(api, noWait()).searchJqlAll('project = SMS', { fields: ['summary'], properties: ['smsnav'], pageSize: 2 })) {
      keys.push(i.key);
    }
    expect(keys).toEqual(['SMS-1', 'SMS-2', 'SMS-3', 'SMS-4']);
    expect(api.requests.map((r) => [r.method, r.path])).toEqual([
      ['POST', '/rest/api/3/search/jql'],
      ['POST', '/rest/api/3/search/jql'],
      ['POST', '/rest/api/3/search/jql'],
    ]);
    expect(api.requests.map((r) => (r.body as { nextPageToken?: string }).nextPageToken)).toEqual([undefined, 't1', 't2']);
    expect(api.requests[0]?.body).toEqual({ jql: 'project = SMS', fields: ['summary'], properties: ['smsnav'], maxResults: 2 });
  });

  it('stops when Jira repeats a token instead of looping forever', async () => {
    const api = new FakeProductApi([], () => ({ status: 200, body: { issues: [issue(1)], nextPageToken: 'same', isLast: false } }));
    const all: string[] = [];
    for await (const i of new JiraClient(api, noWait()).searchJqlAll('project = SMS')) all.push(i.key);
    expect(api.requests).toHaveLength(2);
    expect(all).toEqual(['SMS-1', 'SMS-1']);
  });

  it('fetches issues by key with an escaped JQL list, in input order', async () => {
    const api = new FakeProductApi([{ status: 200, body: { issues: [issue(2), issue(1)], isLast: true } }]);
    const found = await new JiraClient(api, noWait()).getIssuesByKeys(['SMS-1', 'SMS-2', 'SMS-9', 'SMS-1']);
    expect(found.map((i) => i.key)).toEqual(['SMS-1', 'SMS-2']);
    expect((api.requests[0]?.body as { jql: string }).jql).toBe('key in ("SMS-1", "SMS-2", "SMS-9")');
  });

  it('drops keys Jira says do not exist and searches again', async () => {
    const api = new FakeProductApi([
      { status: 400, body: { errorMessages: ["An issue with key 'SMS-9' does not exist for field 'key'."] } },
      { status: 200, body: { issues: [issue(1)], isLast: true } },
    ]);
    const found = await new JiraClient(api, noWait()).getIssuesByKeys(['SMS-1', 'SMS-9']);
    expect(found.map((i) => i.key)).toEqual(['SMS-1']);
    expect(api.requests.map((r) => (r.body as { jql: string }).jql)).toEqual(['key in ("SMS-1", "SMS-9")', 'key in ("SMS-1")']);
  });

  it('still raises a 400 that names no missing key', async () => {
    const api = new FakeProductApi([{ status: 400, body: { errorMessages: ['Error in the JQL Query'] } }]);
    await expect(new JiraClient(api, noWait()).getIssuesByKeys(['SMS-1'])).rejects.toBeInstanceOf(ValidationError);
    expect(api.requests).toHaveLength(1);
  });
});

describe('JiraClient.createIssuesBulk', () => {
  it('sends 120 items in 3 calls and maps failedElementNumber to the input index', async () => {
    let seq = 0;
    const created = (req: RecordedRequest, failed: number[]) => {
      const updates = (req.body as { issueUpdates: unknown[] }).issueUpdates;
      const issues = updates.flatMap((_, i) => (failed.includes(i) ? [] : [{ id: String(20000 + seq), key: `SMS-${++seq}` }]));
      return {
        status: 201,
        body: {
          issues,
          errors: failed.map((n) => ({ failedElementNumber: n, status: 400, elementErrors: { errorMessages: [], errors: { summary: `bad ${n}` } } })),
        },
      };
    };
    const api = new FakeProductApi([(r) => created(r, []), (r) => created(r, [3, 7]), (r) => created(r, [19])]);
    const items = Array.from({ length: 120 }, (_, i) => issueInput(i));
    const results = await new JiraClient(api, noWait()).createIssuesBulk(items);

    expect(api.requests.map((r) => (r.body as { issueUpdates: unknown[] }).issueUpdates.length)).toEqual([50, 50, 20]);
    expect(results).toHaveLength(120);
    const failedAt = results.flatMap((r, i) => (r.ok ? [] : [i]));
    expect(failedAt).toEqual([53, 57, 119]);
    expect(results[53]).toEqual({ ok: false, status: 400, messages: ['summary: bad 3'], fieldErrors: { summary: 'bad 3' } });
    // successes keep request order: item 52 got the 53rd key, item 54 the next one (53 failed)
    expect(results[52]).toMatchObject({ ok: true, key: 'SMS-53' });
    expect(results[54]).toMatchObject({ ok: true, key: 'SMS-54' });
    expect(results[118]).toMatchObject({ ok: true, key: 'SMS-117' });
  });

  it('reads a 400 with per-item errors as all items failing', async () => {
    const api = new FakeProductApi([
      {
        status: 400,
        body: {
          issues: [],
          errors: [
            { failedElementNumber: 0, status: 400, elementErrors: { errorMessages: ['no summary'] } },
            { failedElementNumber: 1, status: 403, elementErrors: { errorMessages: ['no permission'] } },
          ],
        },
      },
    ]);
    const results = await new JiraClient(api, noWait()).createIssuesBulk([issueInput(0), issueInput(1)]);
    expect(results).toEqual([
      { ok: false, status: 400, messages: ['no summary'], fieldErrors: {} },
      { ok: false, status: 403, messages: ['no permission'], fieldErrors: {} },
    ]);
  });

  it('marks a chunk failed on a plain 400 and stops sending after a 403', async () => {
    const api = new FakeProductApi([
      { status: 400, body: { errorMessages: ['Request body is invalid'] } },
      { status: 403, body: { errorMessages: ['You cannot create issues'] } },
    ]);
    const items = Array.from({ length: 130 }, (_, i) => issueInput(i));
    const results = await new JiraClient(api, noWait()).createIssuesBulk(items);
    expect(api.requests).toHaveLength(2);
    expect(results[0]).toEqual({ ok: false, status: 400, messages: ['Request body is invalid'], fieldErrors: {} });
    expect(results[50]).toEqual({ ok: false, status: 403, messages: ['You cannot create issues'], fieldErrors: {} });
    expect(results[129]).toEqual({ ok: false, status: 403, messages: ['You cannot create issues'], fieldErrors: {} });
  });
});

describe('JiraClient issue properties', () => {
  it('returns undefined for a property that is not set', async () => {
    const api = new FakeProductApi([{ status: 404, body: { errorMessages: ['not found'] } }, { status: 200, body: { key: 'k', value: { a: 1 } } }]);
    const client = new JiraClient(api, noWait());
    await expect(client.getIssueProperty('SMS-1', 'smsnav.link')).resolves.toBeUndefined();
    await expect(client.getIssueProperty('SMS-1', 'smsnav.link')).resolves.toEqual({ a: 1 });
    expect(api.requests[0]?.path).toBe('/rest/api/3/issue/SMS-1/properties/smsnav.link');
  });

  it('puts the raw JSON value and reports a 403 as ForbiddenError', async () => {
    const api = new FakeProductApi([{ status: 201 }, { status: 403, body: { errorMessages: ['no edit'] } }]);
    const client = new JiraClient(api, noWait());
    await client.setIssueProperty('SMS-1', 'smsnav.link', { clause: '8.6.1' });
    expect(api.requests[0]).toMatchObject({ method: 'PUT', body: { clause: '8.6.1' } });
    await expect(client.setIssueProperty('SMS-1', 'smsnav.link', 1)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('sets properties on 230 issues in chunks of 100 and follows the async task', async () => {
    const api = new FakeProductApi([
      { status: 303, headers: { Location: 'https://x.atlassian.net/rest/api/3/task/501' } },
      { status: 200, body: { id: '501', status: 'RUNNING', progress: 50 } },
      { status: 200, body: { id: '501', status: 'COMPLETE', progress: 100 } },
      { status: 303, headers: { Location: '/rest/api/3/task/502' } },
      { status: 200, body: { id: '502', status: 'COMPLETE' } },
      { status: 200, body: { id: '503', status: 'COMPLETE', self: 'x' } },
    ]);
    const { sleep, waits } = recordingSleep();
    const entries = Array.from({ length: 230 }, (_, i) => ({ issueId: String(10000 + i), properties: { 'smsnav.clause': { n: i } } }));
    const outcomes = await new JiraClient(api, { sleep, taskPollIntervalMs: 250 }).setIssuePropertiesMulti(entries);

    const posts = api.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.path)).toEqual(Array(3).fill('/rest/api/3/issue/properties/multi'));
    expect(posts.map((r) => (r.body as { issues: unknown[] }).issues.length)).toEqual([100, 100, 30]);
    expect((posts[0]?.body as { issues: unknown[] }).issues[0]).toEqual({ issueID: 10000, properties: { 'smsnav.clause': { n: 0 } } });
    expect(api.requests.filter((r) => r.method === 'GET').map((r) => r.path)).toEqual([
      '/rest/api/3/task/501',
      '/rest/api/3/task/501',
      '/rest/api/3/task/502',
    ]);
    expect(waits).toEqual([250]);
    expect(outcomes.map((o) => o.taskId)).toEqual(['501', '502', '503']);
  });

  it('raises UpstreamError when the property task fails', async () => {
    const api = new FakeProductApi([
      { status: 303, headers: { location: '/rest/api/3/task/9' } },
      { status: 200, body: { id: '9', status: 'FAILED', message: 'boom' } },
    ]);
    const err = await new JiraClient(api, noWait())
      .setIssuePropertiesMulti([{ issueId: 1, properties: { a: 1 } }])
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UpstreamError);
    expect((err as UpstreamError).details).toMatchObject({ taskId: '9', taskStatus: 'FAILED', messages: ['boom'] });
  });

  it('refuses issue keys where Jira wants numeric ids, before calling', async () => {
    const api = new FakeProductApi();
    await expect(new JiraClient(api, noWait()).setIssuePropertiesMulti([{ issueId: 'SMS-1', properties: { a: 1 } }])).rejects.toBeInstanceOf(ValidationError);
    expect(api.requests).toHaveLength(0);
  });

  it('sets the same properties on a list of issues with entitiesIds', async () => {
    const api = new FakeProductApi([{ status: 303, headers: { location: '/rest/api/3/task/7' } }, { status: 200, body: { id: '7', status: 'COMPLETE' } }]);
    await new JiraClient(api, noWait()).bulkSetIssuePropertyByList(['10001', 10002, '10001'], { 'smsnav.v': 2 });
    expect(api.requests[0]).toMatchObject({
      method: 'POST',
      path: '/rest/api/3/issue/properties',
      body: { entitiesIds: [10001, 10002], properties: { 'smsnav.v': 2 } },
    });
  });
});

describe('JiraClient issues', () => {
  it('creates an issue and returns its id and key', async () => {
    const api = new FakeProductApi([{ status: 201, body: { id: '10100', key: 'SMS-100', self: 'x' } }]);
    await expect(new JiraClient(api, noWait()).createIssue(issueInput(1))).resolves.toEqual({ id: '10100', key: 'SMS-100' });
    expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/rest/api/3/issue', body: issueInput(1) });
  });

  it('gets an issue with the asked fields and properties in the query', async () => {
    const api = new FakeProductApi([{ status: 200, body: { id: '1', key: 'SMS-1', fields: { summary: 'x' }, properties: { p: 1 } } }]);
    const issue = await new JiraClient(api, noWait()).getIssue('SMS-1', { fields: ['summary', 'parent'], properties: ['p'] });
    expect(issue).toEqual({ id: '1', key: 'SMS-1', fields: { summary: 'x' }, properties: { p: 1 } });
    expect(api.requests[0]?.query.get('fields')).toBe('summary,parent');
    expect(api.requests[0]?.query.get('properties')).toBe('p');
  });

  it('edits an issue and links two issues', async () => {
    const api = new FakeProductApi([{ status: 204 }, { status: 201 }]);
    const client = new JiraClient(api, noWait());
    await client.editIssue('SMS-1', { fields: { summary: 'new' } });
    await client.createIssueLink({ type: { name: 'Relates' }, inwardIssue: { key: 'SMS-1' }, outwardIssue: { key: 'SMS-2' } });
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['PUT /rest/api/3/issue/SMS-1', 'POST /rest/api/3/issueLink']);
  });
});
