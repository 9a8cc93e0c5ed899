import { SANDBOX_USERS, type SandboxUser } from '../seed/users';

export const USER_COOKIE = 'sandbox-user';
export const THEME_COOKIE = 'sandbox-theme';
/** Who a fresh browser is: the project administrator, so every page works out of the box. */
export const DEFAULT_ACCOUNT_ID = '557058:sandbox-project-admin';

export type ColorMode = 'light' | 'dark';

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The user a host page shows: the cookie's user if it is a sandbox user, else the default. */
export function hostUser(cookieHeader: string | undefined): SandboxUser {
  const id = readCookie(cookieHeader, USER_COOKIE);
  return SANDBOX_USERS.find((u) => u.accountId === id) ?? (SANDBOX_USERS.find((u) => u.accountId === DEFAULT_ACCOUNT_ID) as SandboxUser);
}

export function colorModeOf(cookieHeader: string | undefined): ColorMode {
  return readCookie(cookieHeader, THEME_COOKIE) === 'dark' ? 'dark' : 'light';
}

export function cookieValue(name: string, value: string): string {
  return `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
