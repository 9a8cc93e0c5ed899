import type { ApproveBusinessCasePayload } from '@contract/initiation';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function approveBusinessCase(payload: ApproveBusinessCasePayload): Promise<ResultOf<'approveBusinessCase'>> {
  return callResolver('approveBusinessCase', payload);
}
