import { z } from 'zod';
import { NotFoundError } from '../../src/domain/errors';
import { defineResolver, type AnyResolverDefinition } from '../../src/resolvers/define-resolver';
import { createApp } from '../../src/wiring';
import { projectSettingsKey } from '../../src/storage/keys';
import { SettingsRepository } from '../../src/storage/settings-repository';
import { evaluateAccess } from '../../src/services/access';
import {
  ADMIN,
  EDITOR_ROLE_ID,
  FakePermissionGateway,
  MEMBER,
  OUTSIDER,
  PROJECT,
  RecordingStore,
  forbiddenProductApi,
  forgeContext,
  noQueue,
  recordingLogger,
  resolverInvoker,
} from './resolver-fakes';

/** A write resolver whose handler stores what it was given: the tests check it never runs when refused. */
function setup(extra: AnyResolverDefinition[] = []) {
  const store = new RecordingStore();
  const gateway = new FakePermissionGateway();
  const productCalls: string[] = [];
  const { log, lines } = recordingLogger();
  const handlerCalls: unknown[] = [];
  const writeThing = defineResolver({
    key: 'writeThing',
    access: 'write',
    payload: z.object({ name: z.string().min(1), count: z.number().int().positive() }),
    async handler(input, ctx) {
      handlerCalls.push({ input, accountId: ctx.accountId, project: ctx.project });
      await ctx.deps.store.set(`thing:${ctx.project.id}`, input);
      return { saved: input.name };
    },
  });
  const readThing = defineResolver({
    key: 'readThing',
    access: 'read',
    payload: z.object({}),
    async handler(_input, ctx) {
      handlerCalls.push({ read: ctx.project.key });
      return { project: ctx.project.key, issue: ctx.issue ?? null };
    },
  });
  const app = createApp(
    { api: forbiddenProductApi(productCalls), store, queue: noQueue, log, permissions: gateway },
    { resolvers: [writeThing, readThing, ...extra] },
  );
  const invoke = resolverInvoker(app, gateway);
  return { store, gateway, productCalls, lines, handlerCalls, invoke };
}

describe('defineResolver', () => {
  it('returns ok with the handler data for a permitted, valid call', async () => {
    const t = setup();
    const result = await t.invoke('writeThing', { name: 'policy', count: 2 }, ADMIN);
    expect(result).toEqual({ ok: true, data: { saved: 'policy' } });
    expect(t.handlerCalls).toEqual([
      { input: { name: 'policy', count: 2 }, accountId: ADMIN, project: { id: PROJECT.id, key: PROJECT.key, type: 'software' } },
    ]);
    expect(await t.store.get(`thing:${PROJECT.id}`)).toEqual({ name: 'policy', count: 2 });
  });

  it('rejects a payload naming another project key with PROJECT_MISMATCH and writes nothing', async () => {
    const t = setup();
    const before = await t.store.dump();
    const result = await t.invoke('writeThing', { name: 'x', count: 1, projectKey: 'OPS' }, ADMIN);
    expect(result).toMatchObject({ ok: false, error: { code: 'PROJECT_MISMATCH', details: { contextProject: 'SMS', payloadProject: 'OPS' } } });
    expect(t.handlerCalls).toEqual([]);
    expect(t.store.writes).toEqual([]);
    expect(await t.store.dump()).toEqual(before);
    expect(t.gateway.calls).toEqual([]);
  });

  it('rejects a payload naming another project id with PROJECT_MISMATCH', async () => {
    const t = setup();
    const result = await t.invoke('readThing', { projectId: '10001' }, ADMIN);
    expect(result).toMatchObject({ ok: false, error: { code: 'PROJECT_MISMATCH' } });
    expect(t.handlerCalls).toEqual([]);
  });

  it('accepts a payload that repeats the context project (key compared without case)', async () => {
    const t = setup();
    const result = await t.invoke('readThing', { projectKey: 'sms', projectId: PROJECT.id }, MEMBER);
    expect(result).toEqual({ ok: true, data: { project: 'SMS', issue: null } });
  });

  it('rejects a user without BROWSE_PROJECTS with FORBIDDEN before the handler runs and writes nothing', async () => {
    const t = setup();
    const before = await t.store.dump();
    const result = await t.invoke('readThing', {}, OUTSIDER);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(t.handlerCalls).toEqual([]);
    expect(t.store.writes).toEqual([]);
    expect(await t.store.dump()).toEqual(before);
    expect(t.productCalls).toEqual([]);
  });

  it('rejects a browse-only member on a write call with FORBIDDEN and writes nothing', async () => {
    const t = setup();
    const result = await t.invoke('writeThing', { name: 'x', count: 1 }, MEMBER);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { needed: 'write', projectKey: 'SMS' } } });
    expect(t.handlerCalls).toEqual([]);
    expect(t.store.writes).toEqual([]);
    // No editor role is configured, so no role lookup (as app) happened.
    expect(t.gateway.calls.some((c) => c.startsWith('getProjectRoleActorIds'))).toBe(false);
  });

  it('rejects a malformed payload with VALIDATION_FAILED naming the bad fields, and writes nothing', async () => {
    const t = setup();
    const before = await t.store.dump();
    const result = await t.invoke('writeThing', { name: '', count: 'three' }, ADMIN);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (result.ok) throw new Error('expected VALIDATION_FAILED');
    const issues = result.error.details?.issues as { path: string }[];
    expect(issues.map((i) => i.path).sort()).toEqual(['count', 'name']);
    expect(t.handlerCalls).toEqual([]);
    expect(t.store.writes).toEqual([]);
    expect(await t.store.dump()).toEqual(before);
  });

  it('checks permission before validating the payload (an outsider learns nothing about the schema)', async () => {
    const t = setup();
    const result = await t.invoke('writeThing', { name: '' }, OUTSIDER);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers UNAUTHENTICATED when the trusted context has no user, ignoring an accountId in the payload or UI context', async () => {
    const t = setup();
    const context = { ...forgeContext(), accountId: ADMIN };
    const result = await t.invoke('writeThing', { name: 'x', count: 1, accountId: ADMIN }, undefined, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(t.gateway.calls).toEqual([]);
    expect(t.store.writes).toEqual([]);
  });

  it('takes the user from the principal, not from the payload', async () => {
    const t = setup();
    const result = await t.invoke('writeThing', { name: 'x', count: 1, accountId: ADMIN }, OUTSIDER);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('answers VALIDATION_FAILED when the context carries no project', async () => {
    const t = setup();
    const result = await t.invoke('readThing', {}, ADMIN, { moduleKey: 'x', extension: { type: 'jira:issuePanel' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('takes a Confluence macro project from its configuration, validated: a malformed or partial config names no project', async () => {
    const t = setup();
    const macro = (config: unknown) => ({ moduleKey: 'sms-readiness', extension: { type: 'macro', content: { id: '1', type: 'page' }, config } });
    const named = await t.invoke('readThing', {}, ADMIN, macro({ projectId: PROJECT.id, projectKey: PROJECT.key }));
    expect(named).toEqual({ ok: true, data: { project: PROJECT.key, issue: null } });
    for (const bad of [{}, { projectKey: PROJECT.key }, { projectId: { id: PROJECT.id }, projectKey: PROJECT.key }, { projectId: PROJECT.id, projectKey: '' }, 'SMS', null]) {
      expect(await t.invoke('readThing', {}, ADMIN, macro(bad))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    expect(t.handlerCalls).toEqual([{ read: PROJECT.key }]);
  });

  it('grants write access to a member of the editor role configured in the project settings', async () => {
    const t = setup();
    await t.invoke('writeThing', { name: 'seed', count: 1 }, ADMIN);
    // The admin configures the editor role.
    await t.store.set(projectSettingsKey(PROJECT.id), {
      schemaVersion: 1,
      projectId: PROJECT.id,
      confluenceSpaceKey: 'SMS',
      confluenceParentPageId: null,
      epicIssueTypeId: null,
      editorRoleId: EDITOR_ROLE_ID,
      version: 1,
      updatedAt: '2026-01-01T00:00:00.000Z',
      updatedBy: ADMIN,
    });
    t.gateway.calls.length = 0;
    const result = await t.invoke('writeThing', { name: 'by-member', count: 3 }, MEMBER);
    expect(result).toEqual({ ok: true, data: { saved: 'by-member' } });
    // The user's own permissions are asked first (as the user), the role members after (as the app).
    expect(t.gateway.calls).toEqual([
      `getMyPermissions ${PROJECT.id} BROWSE_PROJECTS,ADMINISTER_PROJECTS as user`,
      `getProjectRoleActorIds ${PROJECT.id} ${EDITOR_ROLE_ID} as app`,
    ]);
  });

  it('does not grant write access through the role to a user who cannot browse the project', async () => {
    const gateway = new FakePermissionGateway(undefined, { [EDITOR_ROLE_ID]: [OUTSIDER] });
    const store = new RecordingStore();
    await store.set(projectSettingsKey(PROJECT.id), {
      schemaVersion: 1, projectId: PROJECT.id, confluenceSpaceKey: 'SMS', confluenceParentPageId: null,
      epicIssueTypeId: null, editorRoleId: EDITOR_ROLE_ID, version: 1, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: ADMIN,
    });
    gateway.currentAccountId = OUTSIDER;
    const access = await evaluateAccess(gateway, new SettingsRepository(store), OUTSIDER, PROJECT.id, 'write');
    expect(access).toEqual({ canRead: false, canEdit: false, isProjectAdmin: false });
    // The as-app role lookup never happens for someone Jira does not let browse the project.
    expect(gateway.calls.some((c) => c.startsWith('getProjectRoleActorIds'))).toBe(false);
  });

  it('asks for the permissions a resolver requires in the same single Jira call, and refuses with its message when one is missing', async () => {
    const handled: string[] = [];
    const createThings = defineResolver({
      key: 'createThings',
      access: 'write',
      requires: { CREATE_ISSUES: (projectKey) => `No issue creation in ${projectKey}.` },
      payload: z.object({}),
      async handler(_input, ctx) {
        handled.push(ctx.accountId);
        return { granted: ctx.granted };
      },
    });
    const t = setup([createThings]);
    const refused = await t.invoke('createThings', {}, ADMIN);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'No issue creation in SMS.', details: { needed: 'CREATE_ISSUES', projectKey: 'SMS' } },
    });
    expect(handled).toEqual([]);
    expect(t.gateway.calls).toEqual([`getMyPermissions ${PROJECT.id} BROWSE_PROJECTS,ADMINISTER_PROJECTS,CREATE_ISSUES as user`]);

    const granting = new FakePermissionGateway({ [ADMIN]: ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS', 'CREATE_ISSUES'] });
    const app = createApp(
      { api: forbiddenProductApi([]), store: new RecordingStore(), queue: noQueue, log: recordingLogger().log, permissions: granting },
      { resolvers: [createThings] },
    );
    const ok = await resolverInvoker(app, granting)('createThings', {}, ADMIN);
    expect(ok).toEqual({ ok: true, data: { granted: { BROWSE_PROJECTS: true, ADMINISTER_PROJECTS: true, CREATE_ISSUES: true } } });
    expect(granting.calls).toHaveLength(1);
  });

  it('maps an AppError thrown by the handler to its code, message and details', async () => {
    const failing = defineResolver({
      key: 'findThing',
      access: 'read',
      payload: z.object({}),
      async handler(): Promise<never> {
        throw new NotFoundError('Clause 99 does not exist.', { clauseId: '99' });
      },
    });
    const t = setup([failing]);
    const result = await t.invoke('findThing', {}, MEMBER);
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Clause 99 does not exist.', details: { clauseId: '99' } } });
  });

  it('turns a plain Error from the handler into INTERNAL without leaking its message, and logs it', async () => {
    const crashing = defineResolver({
      key: 'crash',
      access: 'read',
      payload: z.object({}),
      async handler(): Promise<never> {
        throw new Error('secret stack detail');
      },
    });
    const t = setup([crashing]);
    const result = (await t.invoke('crash', {}, MEMBER)) as { ok: false; error: { code: string; message: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('INTERNAL');
    expect(result.error.message).toMatch(/^Unexpected error/);
    expect(JSON.stringify(result)).not.toContain('secret stack detail');
    expect(t.lines).toEqual([
      expect.objectContaining({ level: 'error', msg: 'resolver crash failed unexpectedly', data: expect.objectContaining({ error: 'secret stack detail' }) }),
    ]);
    // The user gets the reference the log line carries, to quote to an administrator.
    const ref = (t.lines[0]?.data as { ref?: string } | undefined)?.ref;
    expect(ref).toMatch(/^[0-9a-f]{8}$/);
    expect(result.error.message).toContain(`reference ${ref as string}`);
    expect((result.error as { details?: unknown }).details).toEqual({ ref });
  });

  it('passes the issue from an issue-panel context to the handler', async () => {
    const t = setup();
    const context = forgeContext('jira:issuePanel', { issue: { id: '10042', key: 'SMS-42', type: 'Task' } });
    const result = await t.invoke('readThing', {}, MEMBER, context);
    expect(result).toEqual({ ok: true, data: { project: 'SMS', issue: { id: '10042', key: 'SMS-42' } } });
  });
});
