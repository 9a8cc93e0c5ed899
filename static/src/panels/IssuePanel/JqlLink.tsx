import { router } from '@forge/bridge';
import type { ReactNode } from 'react';
import { inTextLink } from '../../components/kit/text';

/** The issue navigator URL of a JQL query (relative to the Jira site). */
export const issueSearchUrl = (jql: string): string => `/issues/?jql=${encodeURIComponent(jql)}`;

/** A link to a JQL search in Jira's issue navigator; opened through the bridge so it leaves the app's frame. Underlined: it often sits in a sentence. */
export function JqlLink({ jql, children, label }: { jql: string; children: ReactNode; label?: string }) {
  const url = issueSearchUrl(jql);
  return (
    <a
      href={url}
      aria-label={label}
      title={jql}
      style={inTextLink}
      onClick={(e) => {
        e.preventDefault();
        void router.navigate(url);
      }}
    >
      {children}
    </a>
  );
}
