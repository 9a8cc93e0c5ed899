import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function listClauses(): Promise<ResultOf<'listClauses'>> {
  return callResolver('listClauses', {});
}
