/** Shared bit of the Initiation resolvers: the service built from the deps. */
import { InitiationService } from '../services/initiation.service';
import { nameLookup } from '../services/user-names.service';
import type { ResolverContext } from './define-resolver';

export const initiationServiceOf = (ctx: ResolverContext): InitiationService =>
  new InitiationService(ctx.deps.store, ctx.deps.now, nameLookup(ctx.deps));
