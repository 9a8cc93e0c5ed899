import type { PreviewReportPayload, PreviewReportResponse } from '@contract/gap-report';
import type { ResolverResult } from '@contract/result';
import { callResolver } from './call-resolver';

export function previewReport(payload: PreviewReportPayload): Promise<ResolverResult<PreviewReportResponse>> {
  return callResolver<PreviewReportResponse>('previewReport', { ...payload });
}
