import type { PreviewReportPayload } from '@contract/gap-report';
import type { ResultOf } from '@contract/resolvers';
import { callResolver } from './call-resolver';

export function previewReport(payload: PreviewReportPayload): Promise<ResultOf<'previewReport'>> {
  return callResolver('previewReport', payload);
}
