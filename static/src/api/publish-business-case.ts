import type { PublishBusinessCasePayload, PublishBusinessCaseResponse } from '@contract/initiation';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function publishBusinessCase(payload: PublishBusinessCasePayload = {}): Promise<ResolverResult<PublishBusinessCaseResponse>> {
  return callResolver<PublishBusinessCaseResponse>('publishBusinessCase', { ...payload });
}
