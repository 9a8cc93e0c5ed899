import type { AppContextResponse } from '@contract/app-context';
import { Notice } from './Notice';

/**
 * The one line shown wherever the app would publish to Confluence while the site has not connected it
 * (Confluence is an optional app of this Jira app). The text comes from the server (getAppContext).
 */
export function ConfluenceNotConnected({ confluence }: { confluence: AppContextResponse['confluence'] }) {
  if (confluence.connected) return null;
  return <Notice appearance="warning" title={confluence.message ?? "Confluence isn't connected to this Jira site."}>{null}</Notice>;
}
