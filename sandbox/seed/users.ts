/** The sandbox's people. Their Jira permissions follow `role` (see sandbox/emulator/catalog.ts). */
export type SandboxRole = 'site-admin' | 'project-admin' | 'member' | 'outsider';

export interface SandboxUser {
  accountId: string;
  displayName: string;
  role: SandboxRole;
}

export const SANDBOX_USERS: readonly SandboxUser[] = [
  { accountId: '557058:sandbox-site-admin', displayName: 'Sam Site-Admin', role: 'site-admin' },
  { accountId: '557058:sandbox-project-admin', displayName: 'Pat Project-Admin', role: 'project-admin' },
  { accountId: '557058:sandbox-member', displayName: 'Mo Member', role: 'member' },
  { accountId: '557058:sandbox-outsider', displayName: 'Olu Outsider', role: 'outsider' },
];

export const findSandboxUser = (accountId: string): SandboxUser | undefined =>
  SANDBOX_USERS.find((u) => u.accountId === accountId);
