import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who the current resolver invocation runs as. The bridge sets it around each invocation so that the
 * sandbox's ProductApi can send `asUser()` calls with that user's identity, the way Forge does.
 */
const storage = new AsyncLocalStorage<{ accountId: string | undefined }>();

export function runAsUser<T>(accountId: string | undefined, fn: () => T): T {
  return storage.run({ accountId }, fn);
}

/** Runs `fn` with no user at all (queue consumers run as the app, like Forge async events). */
export function runWithoutUser<T>(fn: () => T): T {
  return storage.exit(fn);
}

export function currentAccountId(): string | undefined {
  return storage.getStore()?.accountId;
}
