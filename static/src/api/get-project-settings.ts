import type { ResolverResult } from '@contract/result';
import type { GetProjectSettingsPayload, GetProjectSettingsResponse } from '@contract/settings';
import { callResolver } from './call-resolver';

export function getProjectSettings(payload: GetProjectSettingsPayload = {}): Promise<ResolverResult<GetProjectSettingsResponse>> {
  return callResolver<GetProjectSettingsResponse>('getProjectSettings', payload);
}
