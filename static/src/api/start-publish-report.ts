import type { StartPublishReportPayload, StartPublishReportResponse } from '@contract/gap-report';
import type { ResolverResult } from '@contract/result';
import { view } from '@forge/bridge';
import { callResolver } from './call-resolver';

export function startPublishReport(payload: StartPublishReportPayload): Promise<ResolverResult<StartPublishReportResponse>> {
  return callResolver<StartPublishReportResponse>('startPublishReport', { ...payload });
}

/** The Jira site address from the view context (used only for issue links in the report). */
export async function getSiteUrl(): Promise<string> {
  const ctx = (await view.getContext()) as unknown as { siteUrl?: unknown } | undefined;
  return typeof ctx?.siteUrl === 'string' && ctx.siteUrl !== '' ? ctx.siteUrl : window.location.origin;
}
