/**
 * The two Jira calls the resolver framework needs to decide who may do what. `JiraClient`
 * (src/jira/jira-client.ts) satisfies this interface structurally; tests pass a fake.
 */
export interface PermissionGateway {
  /** GET /rest/api/3/mypermissions for the calling user (as: 'user'). Missing keys count as false. */
  getMyPermissions(projectId: string, keys: string[], opts?: { as?: 'user' | 'app' }): Promise<Record<string, boolean>>;
  /** Account ids of the users in a project role (GET /rest/api/3/project/{id}/role/{roleId}). */
  getProjectRoleActorIds(projectId: string, roleId: string, opts?: { as?: 'user' | 'app' }): Promise<string[]>;
}

export const JIRA_PERMISSIONS = {
  browse: 'BROWSE_PROJECTS',
  administer: 'ADMINISTER_PROJECTS',
} as const;
