/**
 * The Gap report view, in the order a reader needs it: the actions (preview / publish to Confluence) at the top,
 * then the summary (readiness with its formula and a chart per clause group), then the filters (result, clause
 * group, text, only with warnings) and every clause 4 to 10 with result, evidence, open audit findings (the label
 * convention shown above the table) and warnings. Results are edited on demand, one row at a time.
 */
import Button from '@atlaskit/button/new';
import type { ClauseGapView, GapReportView } from '@contract/gap-report';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useResolver } from '../../../api/use-resolver';
import { setClauseResult } from '../../../api/set-clause-result';
import { getSiteUrl } from '../../../api/start-publish-report';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import { Section, space } from '../../../components/kit/layout';
import { TextField } from '../../../components/kit/fields';
import { StatusLine } from '../../../components/kit/status';
import { subtleText } from '../../../components/kit/text';
import { ResolverError, type ResolverErrorShape } from '../../../components/ResolverError';
import { ClauseTable } from './ClauseTable';
import { FindingConvention } from './FindingConvention';
import type { ConformityResult } from '@domain/vocabulary';
import { RESULT_OPTIONS } from '../../../components/vocabulary';
import type { ProjectViewProps } from '../ProjectPage';
import { PublishSection } from './PublishSection';
import { ExportSection } from './ExportSection';
import { plural } from '../../../format/counts';
import { ReadinessSummary } from './ReadinessSummary';

/** 'all' or a clause group id (4 to 10); the groups and their titles come from the view. */
type GroupFilter = string;
const groupOptions = (view: GapReportView): readonly { value: GroupFilter; label: string }[] => [
  { value: 'all', label: 'All clauses (4 to 10)' },
  ...view.readiness.byGroup.map((g) => ({ value: g.groupId, label: `${g.groupId} ${g.title}` })),
];

type ResultFilter = 'all' | ConformityResult;
const RESULT_FILTER_OPTIONS: readonly { value: ResultFilter; label: string }[] = [{ value: 'all', label: 'Any result' }, ...RESULT_OPTIONS];

/** Whether a clause matches the text filter: its number, title, evidence keys and summaries, findings, warnings. */
export function matchesText(c: ClauseGapView, text: string): boolean {
  const q = text.trim().toLowerCase();
  if (q === '') return true;
  const hay = [c.clauseId, c.title, ...c.evidence.flatMap((e) => [e.issueKey, e.summary]), ...c.findings.flatMap((f) => [f.issueKey, f.summary, f.gradeTitle]), ...c.warnings.map((w) => w.message)];
  return hay.some((h) => h.toLowerCase().includes(q));
}

export default function GapReportPanel({ canEdit, confluence }: ProjectViewProps) {
  const report = useResolver('getGapReport', {});
  const [group, setGroup] = useState<GroupFilter>('all');
  const [onlyWarnings, setOnlyWarnings] = useState(false);
  const [resultFilter, setResultFilter] = useState<ResultFilter>('all');
  const [text, setText] = useState('');
  const [saving, setSaving] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<ResolverErrorShape | undefined>();
  const [siteUrl, setSiteUrl] = useState('');

  const load = report.reload;
  const reload = useCallback(() => void load(), [load]);

  useEffect(() => {
    void getSiteUrl().then(setSiteUrl);
  }, []);

  const view = report.data;
  const clauses = useMemo(
    () =>
      (view?.clauses ?? []).filter(
        (c) => (group === 'all' || c.groupId === group) && (resultFilter === 'all' || c.result === resultFilter) && (!onlyWarnings || c.warnings.length > 0) && matchesText(c, text),
      ),
    [view, group, onlyWarnings, resultFilter, text],
  );

  if (report.error !== undefined) return <ResolverError error={report.error} action={<Button onClick={() => void load()}>Try again</Button>} />;
  if (view === undefined) return <Loading label="Analysing the gaps" />;
  const data = view;
  const editable = canEdit && data.canEdit;

  const onSet = async (clause: ClauseGapView, value: ConformityResult | null): Promise<void> => {
    setSaving(clause.clauseId);
    setSaveError(undefined);
    const r = await setClauseResult({ clauseId: clause.clauseId, result: value, expectedVersion: clause.version, ...(clause.note !== null ? { note: clause.note } : {}) });
    if (!r.ok) setSaveError(r.error);
    else setStatus(`Saved the result of clause ${clause.clauseId}.`);
    await load();
    setSaving(null);
  };

  return (
    <div>
      <PublishSection view={data} canEdit={editable} confluence={confluence} siteUrl={siteUrl} onPublished={reload} />
      <ExportSection />
      {data.evidenceTruncated && (
        <Notice appearance="information" title="Part of the evidence is shown">
          This project has many mapped issues: the page shows the first ones read within the time allowed. The published report reads them all.
        </Notice>
      )}
      <ReadinessSummary view={data} />
      <Section title="Clause by clause" description={`Evidence older than ${plural(data.maxEvidenceAgeDays, 'day')} is flagged as stale. Results marked “proposed” come from the evidence; an editor can set them.`}>
        <div role="search" aria-label="Filter the clauses" style={{ display: 'flex', flexWrap: 'wrap', gap: space.m, alignItems: 'flex-end', marginBlockEnd: space.s }}>
          {/* The same bottom margin as the text field's, so the three controls line up (the selects sat 8 px lower). */}
          <div style={{ marginBlockEnd: space.s }}>
            <ChoiceSelect label="Result" value={resultFilter} options={RESULT_FILTER_OPTIONS} onChange={setResultFilter} width={200} />
          </div>
          <div style={{ marginBlockEnd: space.s }}>
            <ChoiceSelect label="Clause group" value={group} options={groupOptions(data)} onChange={setGroup} width={260} />
          </div>
          <div style={{ width: '240px' }}>
            <TextField label="Find in clauses" value={text} placeholder="Number, title, issue key or words" onChange={setText} />
          </div>
          <label style={{ display: 'inline-flex', gap: space.xs, alignItems: 'center', minHeight: '32px', marginBlockEnd: space.s }}>
            <input type="checkbox" checked={onlyWarnings} onChange={(e) => setOnlyWarnings(e.target.checked)} />
            Only clauses with warnings
          </label>
          <span role="status" style={{ ...subtleText, marginBlockEnd: space.s }}>
            {clauses.length} of {data.clauses.length} clauses
          </span>
        </div>
        <FindingConvention view={data} />
        <StatusLine text={status} />
        {saveError !== undefined && <ResolverError error={saveError} />}
        <ClauseTable clauses={clauses} people={data.people} canEdit={editable} savingClause={saving} siteUrl={siteUrl} onSet={(c, r) => void onSet(c, r)} />
      </Section>
    </div>
  );
}
