import type { ResultOf } from '@contract/resolvers';
import type { SaveProjectSettingsPayload } from '@contract/settings';
import { callResolver } from './call-resolver';

export function saveProjectSettings(payload: SaveProjectSettingsPayload): Promise<ResultOf<'saveProjectSettings'>> {
  return callResolver('saveProjectSettings', payload);
}
