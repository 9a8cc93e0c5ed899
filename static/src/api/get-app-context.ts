import type { GetAppContextPayload } from '@contract/app-context';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function getAppContext(payload: GetAppContextPayload = {}): Promise<ResultOf<'getAppContext'>> {
  return callResolver('getAppContext', payload);
}
