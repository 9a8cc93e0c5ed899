import { router } from '@forge/bridge';
import type { ReactNode } from 'react';

/** The issue navigator URL of a JQL query (relative to the Jira site). */
export const issueSearchUrl = (jql: string): string => `/issues/?jql=${encodeURIComponent(jql)}`;

/** A link to a JQL search in Jira's issue navigator; opened through the bridge so it leaves the app's frame. */
export function JqlLink({ jql, children, label }: { jql: string; children: ReactNode; label?: string }) {
  const url = issueSearchUrl(jql);
  return (
    <a
      href={url}
      aria-label={label}
      title={jql}
      onClick={(e) => {
        e.preventDefault();
        void router.navigate(url);
      }}
    >
      {children}
    </a>
  );
}
