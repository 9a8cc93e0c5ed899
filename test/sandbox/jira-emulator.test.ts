import { APP_ACCOUNT_ID } from '../../sandbox/emulator';
import { startHarness, type Harness } from './emulator-harness';

type Json = Record<string, unknown>;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const searchAll = async (jql: string, as: 'member' | 'app' = 'member', extra: Json = {}): Promise<Json[]> => {
  const out: Json[] = [];
  let token: string | undefined;
  do {
    const res = await h.call('POST', '/rest/api/3/search/jql', { jql, maxResults: 40, fields: ['summary'], ...extra, ...(token ? { nextPageToken: token } : {}) }, as);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { issues: Json[]; nextPageToken?: string; isLast: boolean };
    out.push(...body.issues);
    expect(body.isLast).toBe(body.nextPageToken === undefined);
    token = body.nextPageToken;
  } while (token);
  return out;
};

describe('emulated Jira: seed and identity', () => {
  it('seeds about 200 SMS issues with varied types and status categories, about 40 of them mapped', async () => {
    const all = await searchAll('project = SMS', 'member', { fields: ['issuetype', 'status'], properties: ['sms-navigator-mapping'] });
    expect(all.length).toBeGreaterThanOrEqual(190);
    const types = new Set(all.map((i) => ((i.fields as Json).issuetype as Json).name));
    expect([...types]).toEqual(expect.arrayContaining(['Epic', 'Incident', 'Problem', 'Change', 'Service Request', 'Policy', 'Audit', 'Improvement', 'Sub-task']));
    const cats = new Set(all.map((i) => (((i.fields as Json).status as Json).statusCategory as Json).key));
    expect(cats).toEqual(new Set(['new', 'indeterminate', 'done']));
    const mapped = all.filter((i) => (i.properties as Json | undefined)?.['sms-navigator-mapping'] !== undefined);
    expect(mapped.length).toBeGreaterThanOrEqual(35);
    expect(mapped.length).toBeLessThanOrEqual(45);
    const exact = await searchAll('smsClause = "8.6.1"');
    expect(exact.length).toBeGreaterThanOrEqual(20);
  });

  it('answers 401 without identity or for an unknown account', async () => {
    expect((await h.call('GET', '/rest/api/3/myself', undefined, 'anonymous')).statusCode).toBe(401);
    const res = await h.call('GET', '/rest/api/3/myself', undefined, 'anonymous', { 'x-sandbox-account-id': 'nobody' });
    expect(res.statusCode).toBe(401);
    const me = await h.call('GET', '/rest/api/3/myself', undefined, 'projectAdmin');
    expect(me.json()).toMatchObject({ accountId: '557058:sandbox-project-admin', displayName: 'Pat Project-Admin' });
  });

  it('names users in bulk by account id, the app included, leaving unknown ids out', async () => {
    const ids = ['557058:sandbox-member', APP_ACCOUNT_ID, '557058:deleted-long-ago', '557058:sandbox-project-admin'];
    const res = await h.call('GET', `/rest/api/3/user/bulk?maxResults=10&${ids.map((id) => `accountId=${encodeURIComponent(id)}`).join('&')}`);
    expect(res.statusCode).toBe(200);
    const page = res.json() as { isLast: boolean; total: number; values: { accountId: string; displayName: string; active: boolean }[] };
    expect(page.values.map((u) => [u.accountId, u.displayName, u.active])).toEqual([
      ['557058:sandbox-member', 'Mo Member', true],
      [APP_ACCOUNT_ID, 'SMS Navigator (app)', true],
      ['557058:sandbox-project-admin', 'Pat Project-Admin', true],
    ]);
    expect(page).toMatchObject({ isLast: true, total: 3 });
    const paged = (await h.call('GET', `/rest/api/3/user/bulk?maxResults=1&startAt=1&${ids.map((id) => `accountId=${encodeURIComponent(id)}`).join('&')}`)).json() as typeof page;
    expect(paged.values.map((u) => u.accountId)).toEqual([APP_ACCOUNT_ID]);
    expect(paged.isLast).toBe(false);
    expect((await h.call('GET', '/rest/api/3/user/bulk')).statusCode).toBe(400);
  });

  it('finds users by the start of a name word, and gives an outsider without Browse users an empty list', async () => {
    const res = await h.call('GET', '/rest/api/3/user/search?query=pat');
    expect(res.statusCode).toBe(200);
    expect((res.json() as { accountId: string; displayName: string }[]).map((u) => u.displayName)).toEqual(['Pat Project-Admin']);
    expect((await h.call('GET', '/rest/api/3/user/search?query=admin')).json()).toHaveLength(2);
    expect((await h.call('GET', '/rest/api/3/user/search?query=pat', undefined, 'outsider')).json()).toEqual([]);
    expect((await h.call('GET', '/rest/api/3/user/search')).statusCode).toBe(400);
  });

  it('lists the workflow transitions of an issue and moves it to the chosen status', async () => {
    const before = (await h.call('GET', '/rest/api/3/issue/SMS-2?fields=status,resolutiondate')).json() as { fields: { status: { id: string } } };
    const list = (await h.call('GET', '/rest/api/3/issue/SMS-2/transitions')).json() as { transitions: { id: string; to: { id: string; name: string; statusCategory: { key: string } } }[] };
    expect(list.transitions.some((t) => t.to.id === before.fields.status.id)).toBe(false);
    const cancel = list.transitions.find((t) => t.to.name === 'Canceled');
    expect(cancel?.to.statusCategory.key).toBe('done');
    expect((await h.call('POST', '/rest/api/3/issue/SMS-2/transitions', { transition: { id: cancel?.id } })).statusCode).toBe(204);
    const after = (await h.call('GET', '/rest/api/3/issue/SMS-2?fields=status,resolutiondate')).json() as { fields: { status: { name: string }; resolutiondate: string | null } };
    expect(after.fields.status.name).toBe('Canceled');
    expect(after.fields.resolutiondate).not.toBeNull();
    expect((await h.call('POST', '/rest/api/3/issue/SMS-2/transitions', { transition: { id: cancel?.id } })).statusCode).toBe(400);
    expect((await h.call('POST', '/rest/api/3/issue/SMS-2/transitions', { transition: { id: 'x' } }, 'outsider')).statusCode).toBe(404);
  });

  it('hides projects and issues from an outsider like Jira (404)', async () => {
    expect((await h.call('GET', '/rest/api/3/project/SMS', undefined, 'outsider')).statusCode).toBe(404);
    const res = await h.call('GET', '/rest/api/3/issue/SMS-1', undefined, 'outsider');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
    const search = await h.call('POST', '/rest/api/3/search/jql', { jql: 'project = SMS' }, 'outsider');
    expect(search.statusCode).toBe(400);
  });

  it('answers 404 for a path the Jira API does not have and 410 for the removed search', async () => {
    expect((await h.call('GET', '/rest/api/3/no/such/thing')).statusCode).toBe(404);
    expect((await h.call('POST', '/rest/api/3/search', { jql: 'project = SMS' })).statusCode).toBe(410);
  });
});

describe('emulated Jira: projects, types and permissions', () => {
  it('gives the epic hierarchy level 1 and sub-tasks -1, with team-managed types scoped to OPS', async () => {
    const sms = (await h.call('GET', '/rest/api/3/issuetype/project?projectId=10000')).json() as Json[];
    expect(sms.find((t) => t.name === 'Epic')).toMatchObject({ id: '10000', hierarchyLevel: 1 });
    expect(sms.find((t) => t.name === 'Sub-task')).toMatchObject({ hierarchyLevel: -1, subtask: true });
    expect(sms.find((t) => t.name === 'Incident')).toMatchObject({ hierarchyLevel: 0 });
    const ops = (await h.call('GET', '/rest/api/3/issuetype/project?projectId=10001')).json() as Json[];
    expect(ops.find((t) => t.name === 'Epic')).toMatchObject({ id: '10100', hierarchyLevel: 1, scope: { type: 'PROJECT', project: { id: '10001' } } });
    const project = (await h.call('GET', '/rest/api/3/project/OPS')).json() as Json;
    expect(project).toMatchObject({ id: '10001', style: 'next-gen', simplified: true });
  });

  it('lists create fields with required flags per project style', async () => {
    const fields = ((await h.call('GET', '/rest/api/3/issue/createmeta/SMS/issuetypes/10002')).json() as { fields: Json[] }).fields;
    const req = fields.filter((f) => f.required).map((f) => f.fieldId).sort();
    expect(req).toEqual(['issuetype', 'parent', 'project', 'summary']);
    const ops = ((await h.call('GET', '/rest/api/3/issue/createmeta/OPS/issuetypes/10101')).json() as { fields: Json[] }).fields;
    expect(ops.map((f) => f.fieldId)).not.toContain('components');
  });

  it('grants permissions by role', async () => {
    const perms = async (as: 'siteAdmin' | 'projectAdmin' | 'member' | 'outsider'): Promise<Record<string, boolean>> => {
      const res = await h.call('GET', '/rest/api/3/mypermissions?projectId=10000&permissions=BROWSE_PROJECTS,EDIT_ISSUES,ADMINISTER_PROJECTS,ADMINISTER', undefined, as);
      const p = (res.json() as { permissions: Record<string, { havePermission: boolean }> }).permissions;
      return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v.havePermission]));
    };
    expect(await perms('siteAdmin')).toEqual({ BROWSE_PROJECTS: true, EDIT_ISSUES: true, ADMINISTER_PROJECTS: true, ADMINISTER: true });
    expect(await perms('projectAdmin')).toEqual({ BROWSE_PROJECTS: true, EDIT_ISSUES: true, ADMINISTER_PROJECTS: true, ADMINISTER: false });
    expect(await perms('member')).toEqual({ BROWSE_PROJECTS: true, EDIT_ISSUES: true, ADMINISTER_PROJECTS: false, ADMINISTER: false });
    expect(await perms('outsider')).toEqual({ BROWSE_PROJECTS: false, EDIT_ISSUES: false, ADMINISTER_PROJECTS: false, ADMINISTER: false });
    expect((await h.call('GET', '/rest/api/3/mypermissions?projectId=10000')).statusCode).toBe(400);
  });

  it('checks permissions in bulk and lists role actors to admins only', async () => {
    const res = await h.call('POST', '/rest/api/3/permissions/check', { accountId: '557058:sandbox-outsider', projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: [10000] }] }, 'app');
    expect(res.json()).toEqual({ globalPermissions: [], projectPermissions: [{ permission: 'BROWSE_PROJECTS', projects: [], issues: [] }] });
    const role = await h.call('GET', '/rest/api/3/project/10000/role/10002', undefined, 'app');
    expect((role.json() as { actors: { actorUser: { accountId: string } }[] }).actors.map((a) => a.actorUser.accountId)).toEqual(['557058:sandbox-project-admin']);
    expect((await h.call('GET', '/rest/api/3/project/10000/role', undefined, 'member')).statusCode).toBe(403);
  });
});

describe('emulated Jira: issues', () => {
  it('creates an epic and a child and returns parent and status on read', async () => {
    const epic = await h.call('POST', '/rest/api/3/issue', { fields: { project: { key: 'SMS' }, issuetype: { id: '10000' }, summary: 'Clause 8.6.1 incident management' } });
    expect(epic.statusCode).toBe(201);
    const epicKey = (epic.json() as { key: string }).key;
    const child = await h.call('POST', '/rest/api/3/issue', {
      fields: { project: { id: '10000' }, issuetype: { name: 'Task' }, summary: 'Write the procedure', parent: { key: epicKey }, labels: ['iso20000'] },
      properties: [{ key: 'sms-navigator-mapping', value: { clauses: ['8.6.1'], kinds: ['procedure'], phases: [] } }],
    });
    expect(child.statusCode).toBe(201);
    const key = (child.json() as { key: string }).key;
    const got = (await h.call('GET', `/rest/api/3/issue/${key}?properties=sms-navigator-mapping`)).json() as { fields: Json; properties: Json };
    expect((got.fields.parent as Json).key).toBe(epicKey);
    expect(got.fields.status).toMatchObject({ name: 'To Do', statusCategory: { key: 'new' } });
    expect(got.properties['sms-navigator-mapping']).toEqual({ clauses: ['8.6.1'], kinds: ['procedure'], phases: [] });
    const children = await searchAll(`parent = ${epicKey}`);
    expect(children.map((i) => i.key)).toEqual([key]);
  });

  it('rejects a parent at the wrong hierarchy level and unknown fields', async () => {
    const res = await h.call('POST', '/rest/api/3/issue', { fields: { project: { key: 'SMS' }, issuetype: { name: 'Task' }, summary: 'x', parent: { key: 'SMS-10' }, colour: 'red' } });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { errors: Record<string, string> };
    expect(Object.keys(body.errors).sort()).toEqual(['colour', 'parent']);
  });

  it('bulk-creates with per-item errors: 201 on partial success, 400 when all fail, at most 50', async () => {
    const ok = { fields: { project: { key: 'SMS' }, issuetype: { name: 'Improvement' }, summary: 'Bulk one' }, properties: [{ key: 'p', value: { n: 1 } }] };
    const bad = { fields: { project: { key: 'SMS' }, issuetype: { name: 'Improvement' } } };
    const partial = await h.call('POST', '/rest/api/3/issue/bulk', { issueUpdates: [ok, bad, ok] });
    expect(partial.statusCode).toBe(201);
    const pb = partial.json() as { issues: { key: string }[]; errors: { failedElementNumber: number; status: number }[] };
    expect(pb.issues).toHaveLength(2);
    expect(pb.errors).toEqual([expect.objectContaining({ failedElementNumber: 1, status: 400 })]);
    const prop = await h.call('GET', `/rest/api/3/issue/${pb.issues[0]?.key as string}/properties/p`);
    expect(prop.json()).toEqual({ key: 'p', value: { n: 1 } });
    const allBad = await h.call('POST', '/rest/api/3/issue/bulk', { issueUpdates: [bad, bad] });
    expect(allBad.statusCode).toBe(400);
    expect((allBad.json() as { errors: unknown[] }).errors).toHaveLength(2);
    const tooMany = await h.call('POST', '/rest/api/3/issue/bulk', { issueUpdates: Array.from({ length: 51 }, () => ok) });
    expect(tooMany.statusCode).toBe(400);
  });

  it('edits fields including parent and label operations; members can, outsiders cannot', async () => {
    const created = (await h.call('POST', '/rest/api/3/issue', { fields: { project: { key: 'SMS' }, issuetype: { name: 'Task' }, summary: 'Move me', labels: ['a'] } })).json() as { key: string };
    const edit = await h.call('PUT', `/rest/api/3/issue/${created.key}`, { fields: { parent: { key: 'SMS-1' }, summary: 'Moved' }, update: { labels: [{ add: 'b' }, { remove: 'a' }] } });
    expect(edit.statusCode).toBe(204);
    const got = (await h.call('GET', `/rest/api/3/issue/${created.key}?fields=parent,summary,labels`)).json() as { fields: Json };
    expect(got.fields).toMatchObject({ summary: 'Moved', labels: ['b'], parent: { key: 'SMS-1' } });
    expect((await h.call('PUT', `/rest/api/3/issue/${created.key}`, { fields: { summary: 'x' } }, 'outsider')).statusCode).toBe(404);
  });

  it('keeps issue properties: single, list, multi (303 + task) and bulk by list', async () => {
    const key = 'SMS-5';
    expect((await h.call('PUT', `/rest/api/3/issue/${key}/properties/demo`, { v: 1 })).statusCode).toBe(201);
    expect((await h.call('PUT', `/rest/api/3/issue/${key}/properties/demo`, { v: 2 })).statusCode).toBe(200);
    const keys = (await h.call('GET', `/rest/api/3/issue/${key}/properties`)).json() as { keys: { key: string }[] };
    expect(keys.keys.map((k) => k.key)).toContain('demo');
    expect((await h.call('DELETE', `/rest/api/3/issue/${key}/properties/demo`)).statusCode).toBe(204);
    expect((await h.call('GET', `/rest/api/3/issue/${key}/properties/demo`)).statusCode).toBe(404);

    const multi = await h.call('POST', '/rest/api/3/issue/properties/multi', { issues: [{ issueID: 10005, properties: { m: { ok: true } } }] }, 'app');
    expect(multi.statusCode).toBe(303);
    const task = await h.call('GET', multi.headers.location as string, undefined, 'app');
    expect(task.json()).toMatchObject({ status: 'COMPLETE', progress: 100 });
    expect((await h.call('GET', '/rest/api/3/issue/10005/properties/m')).json()).toEqual({ key: 'm', value: { ok: true } });

    const list = await h.call('POST', '/rest/api/3/issue/properties', { entitiesIds: [10006, 10007], properties: { l: 'x' } }, 'app');
    expect(list.statusCode).toBe(303);
    expect((await h.call('GET', '/rest/api/3/issue/10007/properties/l')).json()).toEqual({ key: 'l', value: 'x' });
  });

  it('links issues and lists link types', async () => {
    const types = (await h.call('GET', '/rest/api/3/issueLinkType')).json() as { issueLinkTypes: { name: string }[] };
    expect(types.issueLinkTypes.map((t) => t.name)).toContain('Relates');
    const res = await h.call('POST', '/rest/api/3/issueLink', { type: { name: 'Relates' }, inwardIssue: { key: 'SMS-2' }, outwardIssue: { key: 'SMS-3' } });
    expect(res.statusCode).toBe(201);
    const got = (await h.call('GET', '/rest/api/3/issue/SMS-2?fields=issuelinks')).json() as { fields: { issuelinks: Json[] } };
    expect(got.fields.issuelinks.some((l) => (l.outwardIssue as Json | undefined)?.key === 'SMS-3')).toBe(true);
  });
});

describe('emulated Jira: search/jql', () => {
  it('pages with nextPageToken until isLast, without duplicates', async () => {
    const all = await searchAll('project = SMS ORDER BY key');
    const keys = all.map((i) => i.key as string);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.slice(0, 3)).toEqual(['SMS-1', 'SMS-2', 'SMS-3']);
  });

  it('returns only ids by default, honours GET with query parameters', async () => {
    const res = await h.call('POST', '/rest/api/3/search/jql', { jql: 'key in (SMS-1, SMS-2) ORDER BY key', maxResults: 5 });
    expect((res.json() as { issues: Json[] }).issues).toEqual([{ id: '10000' }, { id: '10001' }]);
    const get = await h.call('GET', '/rest/api/3/search/jql?jql=key%20%3D%20SMS-1&fields=summary,status');
    expect(get.json()).toMatchObject({ isLast: true, issues: [{ key: 'SMS-1', fields: { summary: 'Certification readiness' } }] });
  });

  it('answers 400 in Jira shape for unknown fields, wrong types and unbounded queries', async () => {
    const bad = await h.call('POST', '/rest/api/3/search/jql', { jql: 'colour = red' });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { errorMessages: string[] }).errorMessages[0]).toMatch(/colour/);
    expect((await h.call('POST', '/rest/api/3/search/jql', { jql: 'project = SMS', maxResults: 'ten' })).statusCode).toBe(400);
    expect((await h.call('POST', '/rest/api/3/search/jql', { jql: 'ORDER BY key' })).statusCode).toBe(400);
    expect((await h.call('POST', '/rest/api/3/search/jql', { jql: 'project = SMS', nextPageToken: 'garbage' })).statusCode).toBe(400);
  });
});
