/** Shared bits of the clause-mapping resolvers: payload schemas and the services built from the deps. */
import { z } from 'zod';
import { ValidationError } from '../domain/errors';
import { evidenceKindSchema } from '../domain/vocabulary';
import type { BulkMappingService } from '../services/bulk-mapping.service';
import type { MappingService } from '../services/mapping.service';
import type { ResolverContext } from './define-resolver';

/** A clause number as printed ("8.6.1"); whether it exists is checked against the catalogue later. */
export const clauseIdSchema = z.string().trim().min(1).max(20);
export const clauseRefSchema = z.object({ clauseId: clauseIdSchema, kind: evidenceKindSchema });

export const mappingServiceOf = (ctx: ResolverContext): MappingService => ctx.deps.mapping;
export const bulkMappingServiceOf = (ctx: ResolverContext): BulkMappingService => ctx.deps.bulkMapping;

/** The issue of an issue-panel call, from the trusted context only. */
export function contextIssue(ctx: ResolverContext): { id: string; key: string } {
  if (ctx.issue === undefined) throw new ValidationError('This works on an issue: open it from the issue panel.');
  return ctx.issue;
}
