import type { ResultOf } from '@contract/resolvers';
import type { GetProjectSettingsPayload } from '@contract/settings';
import { callResolver } from './call-resolver';

export function getProjectSettings(payload: GetProjectSettingsPayload = {}): Promise<ResultOf<'getProjectSettings'>> {
  return callResolver('getProjectSettings', payload);
}
