/** Shared bits of the clause-mapping resolvers: payload schemas and the issue of an issue-panel call. */
import { z } from 'zod';
import { ValidationError } from '../domain/errors';
import { evidenceKindSchema } from '../domain/vocabulary-schemas';
import type { ResolverContext } from './define-resolver';

/** A clause number as printed ("8.6.1"); whether it exists is checked against the catalogue later. */
export const clauseIdSchema = z.string().trim().min(1).max(20);
export const clauseRefSchema = z.object({ clauseId: clauseIdSchema, kind: evidenceKindSchema });


/** The issue of an issue-panel call, from the trusted context only. */
export function contextIssue(ctx: ResolverContext): { id: string; key: string } {
  if (ctx.issue === undefined) throw new ValidationError('This works on an issue: open it from the issue panel.');
  return ctx.issue;
}
