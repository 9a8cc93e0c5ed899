/** Every save of a scope is a new, immutable version carrying who saved it, when and why. */
import { z } from 'zod';
import { parseValid } from '../errors';
import { type Scope, strictScopeSchema } from './scope';

export const scopeVersionSchema = z.object({
  version: z.number().int().min(1),
  /** Atlassian accountId of the person who saved this version. */
  author: z.string().min(1).max(128),
  at: z.iso.datetime({ offset: true }),
  comment: z.string().max(500),
  scope: strictScopeSchema,
});
export type ScopeVersion = z.infer<typeof scopeVersionSchema>;

/** Metadata of a version without the scope itself, for history lists. */
export type ScopeVersionInfo = Omit<ScopeVersion, 'scope'>;

export function versionInfo(v: ScopeVersion): ScopeVersionInfo {
  return { version: v.version, author: v.author, at: v.at, comment: v.comment };
}

/**
 * The version that follows `previous` (1 when there is none). The scope is validated here, so an invalid
 * scope never becomes a version.
 */
export function createScopeVersion(
  previous: Pick<ScopeVersion, 'version'> | null,
  input: { scope: Scope; author: string; at: string; comment?: string },
): ScopeVersion {
  return parseValid(
    scopeVersionSchema,
    { version: (previous?.version ?? 0) + 1, author: input.author, at: input.at, comment: (input.comment ?? '').trim(), scope: input.scope },
    'The scope cannot be saved as it is.',
  );
}
