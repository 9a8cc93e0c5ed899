import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import TextField from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { ClauseOption, CoverageResponse, ListClausesResponse } from '@contract/mapping';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { getCoverage } from '../../../api/get-coverage';
import { saveProjectIssueClause } from '../../../api/save-project-issue-clause';
import { getSiteUrl } from '../../../api/start-publish-report';
import { HorizontalBars } from '../../../components/charts/charts';
import { Loading } from '../../../components/Loading';
import { ResolverError, type ResolverErrorShape } from '../../../components/ResolverError';
import { mappedIssuesInWords, plural } from '../../../format/counts';
import { ClausePicker } from '../../IssuePanel/ClausePicker';
import { JqlLink } from '../../IssuePanel/JqlLink';
import { subtleText } from '../../../components/kit/text';

const cell = { padding: token('space.075', '6px'), borderBlockEnd: `1px solid ${token('color.border', '#091E4224')}`, textAlign: 'start', verticalAlign: 'top' } as const;
const num = { ...cell, textAlign: 'end' } as const;

type Unmapped = CoverageResponse['unmapped']['issues'][number];

/** Share of a group's assessable clauses with at least one mapped issue, per top-level clause 4 … 10. */
export function coverageByGroup(clauses: CoverageResponse['clauses'], catalogue: readonly ClauseOption[]): { label: string; value: number; covered: number; all: number }[] {
  const topOf = new Map(catalogue.map((c) => [c.id, c.topId]));
  const tops = catalogue.filter((c) => c.depth === 1);
  return tops
    .map((t) => {
      const rows = clauses.filter((c) => topOf.get(c.clauseId) === t.id);
      const covered = rows.filter((c) => c.total > 0).length;
      return { label: `${t.id} ${t.title}`, value: rows.length === 0 ? 0 : Math.round((covered / rows.length) * 100), covered, all: rows.length };
    })
    .filter((g) => g.all > 0);
}

/** One unmapped issue: a link to it, and (for editors) a clause picker that maps it in place. */
function UnmappedRow({ issue, siteUrl, catalogue, canEdit, onMapped }: { issue: Unmapped; siteUrl: string; catalogue: ListClausesResponse; canEdit: boolean; onMapped: (issue: Unmapped, clauseId: string) => void }) {
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverErrorShape | undefined>();
  const map = async (clauseId: string): Promise<void> => {
    setBusy(true);
    setError(undefined);
    const r = await saveProjectIssueClause({ issueId: issue.id, clauseId, kind: 'record' });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onMapped(issue, clauseId);
  };
  return (
    <tr>
      <th scope="row" style={{ ...cell, fontWeight: 400 }}>
        <a href={`${siteUrl}/browse/${encodeURIComponent(issue.key)}`} target="_blank" rel="noreferrer">
          {issue.key}
        </a>
      </th>
      <td style={cell}>{issue.summary}</td>
      <td style={cell}>
        <span style={subtleText}>{issue.status}</span>
      </td>
      {canEdit && (
        <td style={{ ...cell, minWidth: '280px' }}>
          {picking ? (
            <ClausePicker id={`map-${issue.id}`} label={`Clause for ${issue.key}`} clauses={catalogue.clauses} disabled={busy} onPick={(c) => void map(c)} autoFocus />
          ) : (
            <Button spacing="compact" aria-label={`Map ${issue.key} to a clause`} onClick={() => setPicking(true)}>
              Map to a clause
            </Button>
          )}
          {error && <ResolverError error={error} />}
        </td>
      )}
    </tr>
  );
}

/**
 * Every assessable clause with how many issues map to it by status category (uncovered clauses first: they are
 * the gaps), a chart of the covered share per clause group, and the project's unmapped issues page by page:
 * linked, filterable, and mappable in place by those who may map.
 */
export function Coverage({ version, catalogue, canEdit, onChanged }: { version: number; catalogue: ListClausesResponse; canEdit: boolean; onChanged: () => void }) {
  const [data, setData] = useState<CoverageResponse | undefined>();
  const [error, setError] = useState<ResolverErrorShape | undefined>();
  const [unmapped, setUnmapped] = useState<Unmapped[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [siteUrl, setSiteUrl] = useState('');
  const [status, setStatus] = useState('');

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

  useEffect(() => {
    void getSiteUrl().then(setSiteUrl);
  }, []);

  const more = async (): Promise<void> => {
    if (cursor === null) return;
    const r = await getCoverage({ unmappedCursor: cursor });
    if (!r.ok) return setError(r.error);
    setUnmapped((u) => [...u, ...r.data.unmapped.issues]);
    setCursor(r.data.unmapped.nextCursor);
  };

  const shownUnmapped = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return q === '' ? unmapped : unmapped.filter((i) => [i.key, i.summary, i.status].some((t) => t.toLowerCase().includes(q)));
  }, [unmapped, filter]);

  if (error) return <ResolverError error={error} />;
  if (!data) return <Loading label="Loading the coverage" />;

  const assessable = data.clauses.filter((c) => c.assessable);
  const uncovered = assessable.filter((c) => c.total === 0).length;
  const groups = coverageByGroup(data.clauses, catalogue.clauses);

  return (
    <section aria-labelledby="sms-coverage-heading" style={{ display: 'grid', gap: token('space.150', '12px') }}>
      <Heading size="small" as="h3" id="sms-coverage-heading">
        Coverage
      </Heading>
      <p style={{ ...subtleText, margin: 0 }}>
        {assessable.length - uncovered} of {plural(assessable.length, 'assessable clause')} have at least one mapped issue; {uncovered} without any are listed first. The project has{' '}
        {mappedIssuesInWords(data.issues)}.
        {data.partial && ' Only the first 5,000 mapped issues are counted.'}
      </p>
      <HorizontalBars title="Clauses with a mapped issue, per clause group (%)" unit=" %" max={100} labelWidth={220} data={groups.map((g) => ({ label: g.label, value: g.value, tone: g.value >= 80 ? 'good' : g.value >= 40 ? 'warn' : 'bad' }))} />
      <details>
        <summary>Issues per clause, every assessable clause ({assessable.length})</summary>
        <table aria-label="Issues per clause" style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>
              <th scope="col" style={cell}>Clause</th>
              <th scope="col" style={num}>Issues</th>
              <th scope="col" style={num}>To do</th>
              <th scope="col" style={num}>In progress</th>
              <th scope="col" style={num}>Done</th>
            </tr>
          </thead>
          <tbody>
            {data.clauses.map((c) => (
              <tr key={c.clauseId}>
                <th scope="row" style={{ ...cell, fontWeight: 400 }}>
                  {c.total === 0 ? (
                    <>
                      <strong>{c.clauseId}</strong> {c.title} <Lozenge appearance="removed">Not covered</Lozenge>
                    </>
                  ) : (
                    <JqlLink jql={c.jql} label={`Issues mapped to ${c.clauseId} ${c.title}`}>
                      <strong>{c.clauseId}</strong> {c.title}
                    </JqlLink>
                  )}
                </th>
                <td style={num}>{c.total}</td>
                <td style={num}>{c.byCategory.new}</td>
                <td style={num}>{c.byCategory.indeterminate}</td>
                <td style={num}>{c.byCategory.done}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <Heading size="xsmall" as="h4">
        Unmapped issues
      </Heading>
      {unmapped.length === 0 ? (
        <p style={subtleText}>Every issue of the project is mapped to at least one clause.</p>
      ) : (
        <>
          <div style={{ maxWidth: '360px' }}>
            <label htmlFor="sms-unmapped-filter" style={{ ...subtleText, fontSize: '12px', fontWeight: 600 }}>
              Filter the unmapped issues
            </label>
            <TextField id="sms-unmapped-filter" isCompact value={filter} placeholder="Key, summary or status" onChange={(e) => setFilter((e.target as HTMLInputElement).value)} />
          </div>
          <table aria-label="Unmapped issues" style={{ borderCollapse: 'collapse', width: '100%' }}>
            <thead>
              <tr>
                <th scope="col" style={cell}>Issue</th>
                <th scope="col" style={cell}>Summary</th>
                <th scope="col" style={cell}>Status</th>
                {canEdit && <th scope="col" style={cell}>Map</th>}
              </tr>
            </thead>
            <tbody>
              {shownUnmapped.map((i) => (
                <UnmappedRow
                  key={i.id}
                  issue={i}
                  siteUrl={siteUrl}
                  catalogue={catalogue}
                  canEdit={canEdit}
                  onMapped={(issue, clauseId) => {
                    setUnmapped((u) => u.filter((x) => x.id !== issue.id));
                    setStatus(`${issue.key} mapped to ${clauseId}.`);
                    onChanged();
                  }}
                />
              ))}
            </tbody>
          </table>
          {shownUnmapped.length === 0 && <p style={subtleText}>No unmapped issue loaded so far matches “{filter}”.</p>}
        </>
      )}
      <p role="status" aria-live="polite" style={{ color: token('color.text.success', '#216E4E'), margin: 0, minHeight: '1.5em' }}>
        {status}
      </p>
      <div style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'center' }}>
        {cursor !== null && <Button onClick={() => void more()}>Show more unmapped issues</Button>}
        <JqlLink jql={data.unmapped.jql}>Open the unmapped issues in the issue search</JqlLink>
      </div>
    </section>
  );
}
