import type { GetInitiationPayload, GetInitiationResponse } from '@contract/initiation';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function getInitiation(payload: GetInitiationPayload = {}): Promise<ResolverResult<GetInitiationResponse>> {
  return callResolver<GetInitiationResponse>('getInitiation', { ...payload });
}
