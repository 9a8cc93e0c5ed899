/** Shared bit of the Initiation resolvers: the service the composition root built. */
import type { InitiationService } from '../services/initiation.service';
import type { ResolverContext } from './define-resolver';

export const initiationServiceOf = (ctx: ResolverContext): InitiationService => ctx.deps.initiation;
