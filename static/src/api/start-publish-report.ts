import type { StartPublishReportPayload } from '@contract/gap-report';
import type { ResultOf } from '@contract/resolvers';
import { getViewContext } from './forge-context';
import { callResolver } from './call-resolver';

export function startPublishReport(payload: StartPublishReportPayload): Promise<ResultOf<'startPublishReport'>> {
  return callResolver('startPublishReport', payload);
}

/** The Jira site address from the view context (used only for issue links in the report). */
export async function getSiteUrl(): Promise<string> {
  return (await getViewContext()).siteUrl ?? window.location.origin;
}
