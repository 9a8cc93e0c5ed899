import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { CoverageResponse } from '@contract/mapping';
import { useCallback, useEffect, useState } from 'react';
import { getCoverage } from '../../../api/get-coverage';
import { Loading } from '../../../components/Loading';
import { ResolverError, type ResolverErrorShape } from '../../../components/ResolverError';
import { JqlLink } from '../../IssuePanel/JqlLink';

const subtle = { color: token('color.text.subtle', '#44546F') } as const;
const cell = { padding: token('space.075', '6px'), borderBlockEnd: `1px solid ${token('color.border', '#091E4224')}`, textAlign: 'start' } as const;
const num = { ...cell, textAlign: 'end' } as const;

/** Per clause, how many issues map to it by status category; and the project's unmapped issues, page by page. */
export function Coverage({ version }: { version: number }) {
  const [data, setData] = useState<CoverageResponse | undefined>();
  const [error, setError] = useState<ResolverErrorShape | undefined>();
  const [unmapped, setUnmapped] = useState<CoverageResponse['unmapped']['issues']>([]);
  const [cursor, setCursor] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await getCoverage();
    if (!r.ok) return setError(r.error);
    setData(r.data);
    setUnmapped(r.data.unmapped.issues);
    setCursor(r.data.unmapped.nextCursor);
  }, []);

  useEffect(() => {
    void load();
  }, [load, version]);

  const more = async (): Promise<void> => {
    if (cursor === null) return;
    const r = await getCoverage({ unmappedCursor: cursor });
    if (!r.ok) return setError(r.error);
    setUnmapped((u) => [...u, ...r.data.unmapped.issues]);
    setCursor(r.data.unmapped.nextCursor);
  };

  if (error) return <ResolverError error={error} />;
  if (!data) return <Loading label="Loading the coverage" />;

  return (
    <section aria-labelledby="sms-coverage-heading" style={{ display: 'grid', gap: token('space.150', '12px') }}>
      <Heading size="small" as="h3" id="sms-coverage-heading">
        Coverage
      </Heading>
      <p style={{ ...subtle, margin: 0 }}>
        {data.mappedIssues} issues are mapped to {data.clauses.length} clauses.{data.partial && ' Only the first 5,000 mapped issues are counted.'}
      </p>
      {data.clauses.length > 0 && (
        <table aria-label="Issues per clause" style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>
              <th style={cell}>Clause</th>
              <th style={num}>Issues</th>
              <th style={num}>To do</th>
              <th style={num}>In progress</th>
              <th style={num}>Done</th>
            </tr>
          </thead>
          <tbody>
            {data.clauses.map((c) => (
              <tr key={c.clauseId}>
                <td style={cell}>
                  <JqlLink jql={c.jql} label={`Issues mapped to ${c.clauseId}`}>
                    <strong>{c.clauseId}</strong> {c.title}
                  </JqlLink>
                </td>
                <td style={num}>{c.total}</td>
                <td style={num}>{c.byCategory.new}</td>
                <td style={num}>{c.byCategory.indeterminate}</td>
                <td style={num}>{c.byCategory.done}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Heading size="xsmall" as="h4">
        Unmapped issues
      </Heading>
      {unmapped.length === 0 ? (
        <p style={subtle}>Every issue of the project is mapped to at least one clause.</p>
      ) : (
        <ul aria-label="Unmapped issues" style={{ margin: 0, paddingInlineStart: token('space.250', '20px') }}>
          {unmapped.map((i) => (
            <li key={i.key}>
              <strong>{i.key}</strong> {i.summary} <span style={subtle}>({i.status})</span>
            </li>
          ))}
        </ul>
      )}
      <div style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'center' }}>
        {cursor !== null && <Button onClick={() => void more()}>Show more unmapped issues</Button>}
        <JqlLink jql={data.unmapped.jql}>Open the unmapped issues in the issue search</JqlLink>
      </div>
    </section>
  );
}
