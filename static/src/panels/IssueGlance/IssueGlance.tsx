/**
 * The jira:issueContext glance: how many clauses the issue is mapped to and, when the issue is an audit finding,
 * its grade; "Open the clause view" shows the full clause panel in place (its chunk loads only then).
 */
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { Suspense, lazy, useState } from 'react';
import { useResolver } from '../../api/use-resolver';
import { Loading } from '../../components/Loading';
import { ResolverError } from '../../components/ResolverError';
import { plural } from '../../format/counts';
import { FindingTag } from '../IssuePanel/FindingTag';
import { subtleText } from '../../components/kit/text';

const IssuePanel = lazy(() => import('../IssuePanel/IssuePanel'));

export default function IssueGlance({ issueKey }: { issueKey: string }) {
  const clauses = useResolver('getIssueClauses', {});
  const [open, setOpen] = useState(false);

  if (open) {
    return (
      <Suspense fallback={<Loading label="Loading the clause view" />}>
        <IssuePanel issueKey={issueKey} />
      </Suspense>
    );
  }
  if (clauses.error !== undefined) return <ResolverError error={clauses.error} />;
  if (clauses.data === undefined) return <Loading label="Loading the clauses" />;
  const data = clauses.data;
  return (
    <section aria-label={`ISO 20000 clauses of ${data.issue.key || issueKey}`} style={{ display: 'grid', gap: token('space.100', '8px'), padding: token('space.050', '4px') }}>
      <p style={{ margin: 0 }}>
        <strong>{plural(data.mapped.length, 'clause')}</strong>
        {data.mapped.length > 0 && <span style={subtleText}>: {data.mapped.map((m) => m.clauseId).join(', ')}</span>}
      </p>
      {data.finding !== null && (
        <p style={{ margin: 0 }}>
          <FindingTag finding={data.finding} />
        </p>
      )}
      {/* Not primary: the issue page has one primary action, the panel's best suggestion. */}
      <div>
        <Button onClick={() => setOpen(true)}>
          Open the clause view
        </Button>
      </div>
    </section>
  );
}
