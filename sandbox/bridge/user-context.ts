import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Who the current resolver invocation runs as. The bridge sets it around each invocation so that the
 * sandbox's ProductApi can send `asUser()` calls with that user's identity, the way Forge does.
 */
const storage = new AsyncLocalStorage<{ accountId: string | undefined; deadline?: number }>();

/** Runs `fn` as `accountId`; given `budgetMs`, as an invocation that Forge would stop after that long. */
export function runAsUser<T>(accountId: string | undefined, fn: () => T, budgetMs?: number): T {
  return storage.run({ accountId, ...(budgetMs !== undefined ? { deadline: Date.now() + budgetMs } : {}) }, fn);
}

/** Runs `fn` with no user at all (queue consumers run as the app, like Forge async events). */
export function runWithoutUser<T>(fn: () => T): T {
  return storage.exit(fn);
}

export function currentAccountId(): string | undefined {
  return storage.getStore()?.accountId;
}

/** Milliseconds the current invocation may still run, when it was started with a budget. */
export function remainingInvocationMs(): number | undefined {
  const deadline = storage.getStore()?.deadline;
  return deadline === undefined ? undefined : deadline - Date.now();
}
