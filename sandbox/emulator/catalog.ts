import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import type { SandboxRole } from '../seed/users';

/**
 * Fixed Jira configuration of the emulated site: status categories, statuses, priorities, link types,
 * project roles and which permissions each sandbox role holds. Issue types live in the state (table
 * `issuetype`) because team-managed projects own theirs.
 */
export const SITE_URL = 'https://sandbox.atlassian.net';

export interface StatusCategoryDef {
  id: number;
  key: 'new' | 'indeterminate' | 'done';
  name: string;
  colorName: string;
}

export const STATUS_CATEGORIES: readonly StatusCategoryDef[] = [
  { id: 2, key: 'new', name: 'To Do', colorName: 'blue-gray' },
  { id: 4, key: 'indeterminate', name: 'In Progress', colorName: 'yellow' },
  { id: 3, key: 'done', name: 'Done', colorName: 'green' },
];

export interface StatusDef {
  id: string;
  name: string;
  category: StatusCategoryDef['key'];
}

export const STATUSES: readonly StatusDef[] = [
  { id: '10000', name: 'To Do', category: 'new' },
  { id: '10001', name: 'Open', category: 'new' },
  { id: '10002', name: 'Awaiting approval', category: 'new' },
  { id: '3', name: 'In Progress', category: 'indeterminate' },
  { id: '10003', name: 'Under investigation', category: 'indeterminate' },
  { id: '10004', name: 'Implementing', category: 'indeterminate' },
  { id: '10005', name: 'Waiting for customer', category: 'indeterminate' },
  { id: '10006', name: 'In review', category: 'indeterminate' },
  { id: '10007', name: 'Done', category: 'done' },
  { id: '5', name: 'Resolved', category: 'done' },
  { id: '6', name: 'Closed', category: 'done' },
  { id: '10008', name: 'Canceled', category: 'done' },
];

export const statusById = (id: string): StatusDef | undefined => STATUSES.find((s) => s.id === id);
export const categoryOf = (status: StatusDef): StatusCategoryDef =>
  STATUS_CATEGORIES.find((c) => c.key === status.category) as StatusCategoryDef;

export const PRIORITIES = [
  { id: '1', name: 'Highest' },
  { id: '2', name: 'High' },
  { id: '3', name: 'Medium' },
  { id: '4', name: 'Low' },
  { id: '5', name: 'Lowest' },
] as const;

export const LINK_TYPES = [
  { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
  { id: '10004', name: 'Problem/Incident', inward: 'is caused by', outward: 'causes' },
] as const;

/** Project roles on every project; which sandbox role sits in which project role. */
export const PROJECT_ROLES = [
  { id: 10002, name: 'Administrators', description: 'Administers the project.', members: ['project-admin'] as SandboxRole[] },
  { id: 10003, name: 'Member', description: 'Works on the project.', members: ['member'] as SandboxRole[] },
  { id: 10004, name: 'Viewer', description: 'Reads the project.', members: [] as SandboxRole[] },
] as const;

/** Project permissions the emulator knows (a subset of Jira's built-in keys) and global ones. */
export const PROJECT_PERMISSIONS = [
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'DELETE_ISSUES',
  'LINK_ISSUES',
  'TRANSITION_ISSUES',
  'ASSIGN_ISSUES',
  'ASSIGNABLE_USER',
  'SCHEDULE_ISSUES',
  'RESOLVE_ISSUES',
  'CLOSE_ISSUES',
  'ADD_COMMENTS',
  'MOVE_ISSUES',
  'MANAGE_WATCHERS',
  'VIEW_VOTERS_AND_WATCHERS',
  'CREATE_ATTACHMENTS',
  'WORK_ON_ISSUES',
  'ADMINISTER_PROJECTS',
] as const;
export const GLOBAL_PERMISSIONS = ['ADMINISTER', 'SYSTEM_ADMIN', 'USER_PICKER', 'CREATE_SHARED_OBJECTS', 'BULK_CHANGE'] as const;
export type PermissionKey = (typeof PROJECT_PERMISSIONS)[number] | (typeof GLOBAL_PERMISSIONS)[number];

const MEMBER_PERMISSIONS: readonly PermissionKey[] = [
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'LINK_ISSUES',
  'TRANSITION_ISSUES',
  'ASSIGN_ISSUES',
  'ASSIGNABLE_USER',
  'RESOLVE_ISSUES',
  'CLOSE_ISSUES',
  'ADD_COMMENTS',
  'WORK_ON_ISSUES',
  'CREATE_ATTACHMENTS',
  'VIEW_VOTERS_AND_WATCHERS',
];

/** Project permissions of a sandbox role in any project (site admins and the app hold all). */
export function projectPermissionsOf(role: SandboxRole | 'app'): ReadonlySet<PermissionKey> {
  switch (role) {
    case 'app':
    case 'site-admin':
    case 'project-admin':
      return new Set(PROJECT_PERMISSIONS);
    case 'member':
      return new Set(MEMBER_PERMISSIONS);
    case 'outsider':
      return new Set();
  }
}

export function globalPermissionsOf(role: SandboxRole | 'app'): ReadonlySet<PermissionKey> {
  if (role === 'site-admin') return new Set(GLOBAL_PERMISSIONS);
  if (role === 'outsider') return new Set<PermissionKey>();
  return new Set<PermissionKey>(['USER_PICKER', 'CREATE_SHARED_OBJECTS']);
}

export const isKnownPermission = (k: string): k is PermissionKey =>
  (PROJECT_PERMISSIONS as readonly string[]).includes(k) || (GLOBAL_PERMISSIONS as readonly string[]).includes(k);
export const isGlobalPermission = (k: string): boolean => (GLOBAL_PERMISSIONS as readonly string[]).includes(k);

export const PERMISSION_NAMES: Record<string, string> = Object.fromEntries(
  [...PROJECT_PERMISSIONS, ...GLOBAL_PERMISSIONS].map((k) => [
    k,
    k
      .toLowerCase()
      .split('_')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(' '),
  ]),
);

/** The clause-mapping entity property of the app (the seed puts it on some issues). */
export const MAPPING_PROPERTY_KEY = 'sms-navigator-mapping';

const manifestEntityPropertiesSchema = z.object({
  modules: z.object({
    'jira:entityProperty': z
      .array(
        z.object({
          entityType: z.string().optional(),
          propertyKey: z.string(),
          values: z.array(z.object({ path: z.string(), type: z.string(), searchAlias: z.string().optional() })),
        }),
      )
      .default([]),
  }),
});

/**
 * JQL search aliases of indexed issue properties, read from the app's manifest.yml as Jira does when the app is
 * installed: the manifest is the one place they are declared. Keys are lower-case aliases.
 */
export function entityPropertyAliasesFrom(manifestYaml: string): Record<string, { propertyKey: string; path: string }> {
  const manifest = manifestEntityPropertiesSchema.parse(YAML.parse(manifestYaml));
  const aliases: Record<string, { propertyKey: string; path: string }> = {};
  for (const prop of manifest.modules['jira:entityProperty']) {
    if (prop.entityType !== undefined && prop.entityType !== 'issue') continue;
    for (const v of prop.values) {
      if (v.searchAlias) aliases[v.searchAlias.toLowerCase()] = { propertyKey: prop.propertyKey, path: v.path };
    }
  }
  return aliases;
}

export const ENTITY_PROPERTY_ALIASES = entityPropertyAliasesFrom(
  readFileSync(path.resolve(__dirname, '..', '..', 'manifest.yml'), 'utf8'),
);
