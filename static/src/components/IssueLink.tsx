import { router } from '@forge/bridge';
import { inTextLink } from './kit/text';

/** An issue key that opens the issue in Jira; underlined, as it often sits inside a sentence. The one issue link of the views. */
export function IssueLink({ issueKey, title }: { issueKey: string; title?: string }) {
  return (
    <a
      href={`/browse/${encodeURIComponent(issueKey)}`}
      title={title}
      style={inTextLink}
      onClick={(ev) => {
        ev.preventDefault();
        void router.navigate({ target: 'issue', issueKey });
      }}
    >
      {issueKey}
    </a>
  );
}
