import type { SeedTables } from '../emulator/emulator-state';
import { buildConfluenceSeed } from './confluence-seed';
import { buildJiraSeed } from './jira-seed';

export { SANDBOX_USERS, findSandboxUser, type SandboxUser, type SandboxRole } from './users';
export { SEED_BASE_DATE, SMS_PROJECT, OPS_PROJECT, GLOBAL_ISSUE_TYPES } from './jira-seed';
export { SMS_SPACE_ID, SMS_HOME_PAGE_ID } from './confluence-seed';
export { seedLargeProject, type LargeProjectInfo } from './large-project';

const byId = <T extends { id: string }>(rows: readonly T[]): Record<string, T> => Object.fromEntries(rows.map((r) => [r.id, r]));

/** Every table of the demo site, ready for EmulatorState.replaceAll. */
export function buildSeedTables(): SeedTables {
  const jira = buildJiraSeed();
  const conf = buildConfluenceSeed();
  return {
    project: byId(jira.projects),
    issuetype: byId(jira.issueTypes),
    issue: byId(jira.issues),
    link: byId(jira.links),
    space: byId(conf.spaces),
    page: byId(conf.pages),
  };
}
