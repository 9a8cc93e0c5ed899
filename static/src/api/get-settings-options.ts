import type { ResultOf } from '@contract/resolvers';
import type { GetSettingsOptionsPayload } from '@contract/settings';
import { callResolver } from './call-resolver';

export function getSettingsOptions(payload: GetSettingsOptionsPayload): Promise<ResultOf<'getSettingsOptions'>> {
  return callResolver('getSettingsOptions', payload);
}
