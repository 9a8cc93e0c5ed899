import type { ResolverResult } from '@contract/result';
import type { GetSettingsOptionsPayload, GetSettingsOptionsResponse } from '@contract/settings';
import { callResolver } from './call-resolver';

export function getSettingsOptions(payload: GetSettingsOptionsPayload): Promise<ResolverResult<GetSettingsOptionsResponse>> {
  return callResolver<GetSettingsOptionsResponse>('getSettingsOptions', { ...payload });
}
