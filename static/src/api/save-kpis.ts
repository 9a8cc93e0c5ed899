import type { SaveKpisPayload, SaveKpisResponse } from '@contract/initiation';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function saveKpis(payload: SaveKpisPayload): Promise<ResolverResult<SaveKpisResponse>> {
  return callResolver<SaveKpisResponse>('saveKpis', { ...payload });
}
