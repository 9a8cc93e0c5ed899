import type { SaveBusinessCasePayload, SaveBusinessCaseResponse } from '@contract/initiation';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function saveBusinessCase(payload: SaveBusinessCasePayload): Promise<ResolverResult<SaveBusinessCaseResponse>> {
  return callResolver<SaveBusinessCaseResponse>('saveBusinessCase', { ...payload });
}
