/**
 * Size guard for stored records. Forge key-value storage refuses values over 240 KiB (and keys over 500
 * characters); the domain checks before anything is written so the user gets a clear LIMIT_EXCEEDED error.
 * Sizes are the UTF-8 byte length of the JSON text, which is what the store counts.
 */
import { LimitExceededError } from '../errors';

export const MAX_VALUE_BYTES = 240 * 1024;
export const MAX_KEY_LENGTH = 500;

const encoder = new TextEncoder();

export function jsonSizeBytes(value: unknown): number {
  const text = JSON.stringify(value);
  return text === undefined ? 0 : encoder.encode(text).length;
}

/** Throws LimitExceededError when `value` would not fit in one stored value; returns its size otherwise. */
export function assertFitsValueLimit(value: unknown, what: string, limitBytes: number = MAX_VALUE_BYTES): number {
  const size = jsonSizeBytes(value);
  if (size > limitBytes) {
    const kib = (n: number): string => (n / 1024).toFixed(1);
    throw new LimitExceededError(
      `${what} is too large to save (${kib(size)} KiB; the limit is ${kib(limitBytes)} KiB). Shorten notes or split it up.`,
      { what, sizeBytes: size, limitBytes },
    );
  }
  return size;
}

export function assertKeyLength(key: string): void {
  if (key.length > MAX_KEY_LENGTH) {
    throw new LimitExceededError(`Storage key is ${key.length} characters; the limit is ${MAX_KEY_LENGTH}.`, {
      keyLength: key.length,
      limit: MAX_KEY_LENGTH,
    });
  }
}
