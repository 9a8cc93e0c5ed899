import type { ResolverResult } from '@contract/result';
import type { SaveProjectSettingsPayload, SaveProjectSettingsResponse } from '@contract/settings';
import { callResolver } from './call-resolver';

export function saveProjectSettings(payload: SaveProjectSettingsPayload): Promise<ResolverResult<SaveProjectSettingsResponse>> {
  return callResolver<SaveProjectSettingsResponse>('saveProjectSettings', { ...payload });
}
