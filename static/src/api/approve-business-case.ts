import type { ApproveBusinessCasePayload, ApproveBusinessCaseResponse } from '@contract/initiation';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function approveBusinessCase(payload: ApproveBusinessCasePayload): Promise<ResolverResult<ApproveBusinessCaseResponse>> {
  return callResolver<ApproveBusinessCaseResponse>('approveBusinessCase', { ...payload });
}
