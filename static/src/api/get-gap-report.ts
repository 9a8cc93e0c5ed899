import type { GetGapReportPayload } from '@contract/gap-report';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function getGapReport(payload: GetGapReportPayload = {}): Promise<ResultOf<'getGapReport'>> {
  return callResolver('getGapReport', payload);
}
