import type { AppContextResponse, GetAppContextPayload } from '@contract/app-context';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function getAppContext(payload: GetAppContextPayload = {}): Promise<ResolverResult<AppContextResponse>> {
  return callResolver<AppContextResponse>('getAppContext', payload);
}
