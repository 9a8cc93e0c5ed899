import { AppError, ConflictError } from '../../src/domain/errors';
import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { KEY_PREFIXES, projectSettingsKey } from '../../src/storage/keys';
import { SETTINGS_SCHEMA_VERSION, SettingsRepository } from '../../src/storage/settings-repository';

const input = { confluenceSpaceKey: 'SMS', confluenceParentPageId: null, epicIssueTypeId: '10000', editorRoleId: null };

function setup() {
  const store = new InMemoryKvStore();
  let t = Date.parse('2026-02-01T10:00:00.000Z');
  const repo = new SettingsRepository(store, () => new Date((t += 60_000)));
  return { store, repo };
}

describe('SettingsRepository', () => {
  it('stores one record per project under the settings prefix, carrying schemaVersion and bookkeeping', async () => {
    const { store, repo } = setup();
    await repo.save('10000', input, 0, 'acc-1');
    expect(projectSettingsKey('10000')).toBe(`${KEY_PREFIXES.projectSettings}10000`);
    expect(await store.get('settings:project:10000')).toEqual({
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      projectId: '10000',
      ...input,
      issueMappingOpen: false,
      version: 1,
      updatedAt: '2026-02-01T10:01:00.000Z',
      updatedBy: 'acc-1',
    });
    expect(await repo.get('10001')).toBeUndefined();
  });

  it('gives an unconfigured view at version 0 for a project never saved', async () => {
    const { repo } = setup();
    expect(await repo.getView('10001')).toMatchObject({ projectId: '10001', configured: false, version: 0, confluenceSpaceKey: null });
  });

  it('increments the version on each save based on the current version', async () => {
    const { repo } = setup();
    await repo.save('10000', input, 0, 'acc-1');
    const second = await repo.save('10000', { ...input, editorRoleId: '10101' }, 1, 'acc-2');
    expect(second).toMatchObject({ version: 2, editorRoleId: '10101', updatedBy: 'acc-2', updatedAt: '2026-02-01T10:02:00.000Z' });
  });

  it('throws CONFLICT with the last saver in the details when the expected version is stale, and leaves the record alone', async () => {
    const { repo } = setup();
    await repo.save('10000', input, 0, 'acc-1');
    await repo.save('10000', input, 1, 'acc-2');
    const attempt = repo.save('10000', { ...input, confluenceSpaceKey: 'LOST' }, 1, 'acc-3');
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(repo.save('10000', input, 1, 'acc-3')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Someone saved these settings at 2026-02-01 10:02 UTC (version 2; you had version 1)'),
      details: { expectedVersion: 1, currentVersion: 2, updatedBy: 'acc-2', updatedAt: '2026-02-01T10:02:00.000Z' },
    });
    expect(await repo.get('10000')).toMatchObject({ version: 2, confluenceSpaceKey: 'SMS' });
  });

  it('treats a first save that claims a version as a conflict', async () => {
    const { repo } = setup();
    await expect(repo.save('10000', input, 3, 'acc-1')).rejects.toMatchObject({ code: 'CONFLICT', details: { currentVersion: 0 } });
  });

  it('refuses to return a stored record that fails its schema (wrong schemaVersion or shape)', async () => {
    const { store, repo } = setup();
    await store.set(projectSettingsKey('10000'), { schemaVersion: 99, projectId: '10000' });
    const read = repo.get('10000');
    await expect(read).rejects.toBeInstanceOf(AppError);
    await expect(repo.get('10000')).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('refuses a record stored under one project that names another', async () => {
    const { store, repo } = setup();
    await repo.save('10000', input, 0, 'acc-1');
    await store.set(projectSettingsKey('10001'), (await store.get(projectSettingsKey('10000')))!);
    await expect(repo.get('10001')).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
