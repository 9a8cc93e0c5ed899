import type { AppContextPermissions } from '../contract/app-context';
import type { SettingsRepository } from '../storage/settings-repository';
import { JIRA_PERMISSIONS, type PermissionGateway } from '../platform/permission-gateway';

/**
 * What a resolver needs from the caller:
 * - read:  BROWSE_PROJECTS on the project;
 * - write: read, and ADMINISTER_PROJECTS or membership of the editor role set in the project settings;
 * - admin: read, and ADMINISTER_PROJECTS (changing the settings, which decide who may write);
 * - map-issue: read, and ADMINISTER_PROJECTS or the editor role, or the project setting that opens clause mapping
 *   to everyone who can edit the issue (EDIT_ISSUES itself is declared by the resolver in `requires`);
 * - signed-in: a signed-in user, no project (the macro's configuration, before it names one): such a resolver
 *   (defineUserResolver) only makes calls as the user, so Jira itself limits the answer to what the user may see.
 * Which resolver needs which: the authorization table, src/resolvers/authorization.ts.
 */
export type AccessLevel = 'read' | 'write' | 'admin' | 'map-issue' | 'signed-in';

/**
 * Works out the caller's rights on a project. `getMyPermissions` runs as the user, so Jira decides; the
 * editor-role lookup runs as the app because reading role members needs admin rights, and it only happens
 * after Jira has confirmed the user may browse the project.
 */
export async function evaluateAccess(
  gateway: PermissionGateway,
  settings: SettingsRepository,
  accountId: string,
  projectId: string,
  needed: AccessLevel,
): Promise<AppContextPermissions> {
  return (await evaluateAccessWith(gateway, settings, accountId, projectId, needed, [])).access;
}

/**
 * evaluateAccess, also asking Jira for `extra` project permissions in the SAME `mypermissions` call (one
 * product call per resolver invocation, whatever the resolver needs). `granted` holds every key asked.
 */
export async function evaluateAccessWith(
  gateway: PermissionGateway,
  settings: SettingsRepository,
  accountId: string,
  projectId: string,
  needed: AccessLevel,
  extra: readonly string[],
): Promise<{ access: AppContextPermissions; granted: Readonly<Record<string, boolean>> }> {
  const keys = [...new Set([JIRA_PERMISSIONS.browse, JIRA_PERMISSIONS.administer, ...extra])];
  const granted = await gateway.getMyPermissions(projectId, keys, { as: 'user' });
  const canRead = granted[JIRA_PERMISSIONS.browse] === true;
  const isProjectAdmin = canRead && granted[JIRA_PERMISSIONS.administer] === true;
  const access = !canRead
    ? { canRead: false, canEdit: false, isProjectAdmin: false }
    : isProjectAdmin
      ? { canRead, canEdit: true, isProjectAdmin }
      : needed === 'read' || needed === 'admin'
        ? { canRead, canEdit: false, isProjectAdmin }
        : needed === 'map-issue'
          ? { canRead, canEdit: await mayMapIssueClauses(gateway, settings, accountId, projectId, false), isProjectAdmin }
          : { canRead, canEdit: await isEditorRoleMember(gateway, settings, accountId, projectId), isProjectAdmin };
  return { access, granted };
}

/**
 * Whether the user may change the clause mapping of the project's issues (EDIT_ISSUES aside): project
 * administrators, the editor role, or everyone when the project setting `issueMappingOpen` is on.
 * Call only after Jira has confirmed the user may browse the project.
 */
export async function mayMapIssueClauses(
  gateway: PermissionGateway,
  settings: SettingsRepository,
  accountId: string,
  projectId: string,
  isProjectAdmin: boolean,
): Promise<boolean> {
  if (isProjectAdmin) return true;
  if ((await settings.get(projectId))?.issueMappingOpen === true) return true;
  return isEditorRoleMember(gateway, settings, accountId, projectId);
}

/**
 * Whether the user is in the editor role chosen in the project settings (false when none is chosen).
 * Runs as the app: call it only after Jira has confirmed the user may browse the project.
 */
export async function isEditorRoleMember(
  gateway: PermissionGateway,
  settings: SettingsRepository,
  accountId: string,
  projectId: string,
): Promise<boolean> {
  const editorRoleId = (await settings.get(projectId))?.editorRoleId ?? null;
  if (editorRoleId === null) return false;
  const members = await gateway.getProjectRoleActorIds(projectId, editorRoleId, { as: 'app' });
  return members.includes(accountId);
}

/** For 'write' and 'map-issue' calls, `canEdit` is the right the call asked about (see evaluateAccessWith). */
export const hasAccess = (p: AppContextPermissions, needed: AccessLevel): boolean =>
  needed === 'read' ? p.canRead : needed === 'admin' ? p.isProjectAdmin : p.canRead && p.canEdit;
