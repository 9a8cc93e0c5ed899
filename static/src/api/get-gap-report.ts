import type { GapReportView, GetGapReportPayload } from '@contract/gap-report';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function getGapReport(payload: GetGapReportPayload = {}): Promise<ResolverResult<GapReportView>> {
  return callResolver<GapReportView>('getGapReport', payload);
}
