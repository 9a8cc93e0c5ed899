import { z } from 'zod';
import type { ProjectSettingsView } from '../contract/settings';
import { VersionConflictError, AppError, issueDetails } from '../domain/errors';
import type { JsonValue, KeyValueStore } from './kv-store';
import { projectSettingsKey } from './keys';

/** The stored form of one project's settings. Bump `SETTINGS_SCHEMA_VERSION` and add a migration when it changes. */
export const SETTINGS_SCHEMA_VERSION = 1;

const idString = z.string().regex(/^\d{1,18}$/, 'must be a numeric id');

export const confluenceSpaceKeySchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(255)
  .regex(/^~?[A-Za-z0-9_]+$/, 'must be a Confluence space key (letters, digits, underscore)');

export const projectSettingsRecordSchema = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  projectId: idString,
  /** Null until a space is chosen (settings saved while Confluence was not connected keep the Jira fields only). */
  confluenceSpaceKey: confluenceSpaceKeySchema.nullable(),
  confluenceParentPageId: idString.nullable(),
  epicIssueTypeId: idString.nullable(),
  editorRoleId: idString.nullable(),
  /** Everyone who can edit an issue may map its clauses (default: only administrators and the editor role). */
  issueMappingOpen: z.boolean().default(false),
  version: z.number().int().positive(),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string().min(1),
});

export type ProjectSettingsRecord = z.infer<typeof projectSettingsRecordSchema>;

/** The fields a user edits (everything but bookkeeping). */
export interface ProjectSettingsInput {
  confluenceSpaceKey: string | null;
  confluenceParentPageId: string | null;
  epicIssueTypeId: string | null;
  editorRoleId: string | null;
  /** Default false. */
  issueMappingOpen?: boolean;
}

export const toSettingsView = (projectId: string, record: ProjectSettingsRecord | undefined): ProjectSettingsView =>
  record === undefined
    ? {
        projectId,
        configured: false,
        confluenceSpaceKey: null,
        confluenceParentPageId: null,
        epicIssueTypeId: null,
        editorRoleId: null,
        issueMappingOpen: false,
        version: 0,
        updatedAt: null,
        updatedBy: null,
      }
    : {
        projectId,
        // Configured for publishing: a space is chosen.
        configured: record.confluenceSpaceKey !== null,
        confluenceSpaceKey: record.confluenceSpaceKey,
        confluenceParentPageId: record.confluenceParentPageId,
        epicIssueTypeId: record.epicIssueTypeId,
        editorRoleId: record.editorRoleId,
        issueMappingOpen: record.issueMappingOpen,
        version: record.version,
        updatedAt: record.updatedAt,
        updatedBy: record.updatedBy,
      };

/**
 * Project settings over the key-value store, with optimistic concurrency: a save names the version it was
 * based on, and is refused with CONFLICT when someone saved in between.
 * (Plain KVS keys have no conditional write, so two saves landing in the same few milliseconds can still
 * both pass the check; the version check catches every save made from a stale page.)
 */
export class SettingsRepository {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The stored record, or undefined when the project has never been configured. Corrupt data -> INTERNAL-class AppError. */
  async get(projectId: string): Promise<ProjectSettingsRecord | undefined> {
    const raw = await this.store.get(projectSettingsKey(projectId));
    if (raw === undefined) return undefined;
    const parsed = projectSettingsRecordSchema.safeParse(raw);
    if (!parsed.success) {
      throw new AppError('INTERNAL', `The stored settings of project ${projectId} are unreadable.`, {
        issues: issueDetails(parsed.error),
      });
    }
    if (parsed.data.projectId !== projectId) {
      throw new AppError('INTERNAL', `The settings stored for project ${projectId} name project ${parsed.data.projectId}.`);
    }
    return parsed.data;
  }

  async getView(projectId: string): Promise<ProjectSettingsView> {
    return toSettingsView(projectId, await this.get(projectId));
  }

  /**
   * Saves `input` if `expectedVersion` is the current version (0 when nothing is stored yet).
   * Returns the new record (version + 1). Throws ConflictError otherwise (who saved last is in its details).
   */
  async save(
    projectId: string,
    input: ProjectSettingsInput,
    expectedVersion: number,
    accountId: string,
  ): Promise<ProjectSettingsRecord> {
    const current = await this.get(projectId);
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== expectedVersion) {
      throw new VersionConflictError({
        what: 'These settings',
        expectedVersion,
        currentVersion,
        updatedBy: current?.updatedBy ?? null,
        updatedAt: current?.updatedAt ?? null,
      });
    }
    const record: ProjectSettingsRecord = projectSettingsRecordSchema.parse({
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      projectId,
      confluenceSpaceKey: input.confluenceSpaceKey,
      confluenceParentPageId: input.confluenceParentPageId,
      epicIssueTypeId: input.epicIssueTypeId,
      editorRoleId: input.editorRoleId,
      issueMappingOpen: input.issueMappingOpen ?? false,
      version: currentVersion + 1,
      updatedAt: this.now().toISOString(),
      updatedBy: accountId,
    } satisfies ProjectSettingsRecord);
    await this.store.set(projectSettingsKey(projectId), record satisfies JsonValue);
    return record;
  }
}
