/**
 * The Gap report view: readiness with its formula, every clause 4 to 10 with result, evidence, open audit
 * findings (the label convention shown above the table) and warnings
 * (filter by group, only warnings), results set by editors, and preview / publish to Confluence.
 */
import Button from '@atlaskit/button/new';
import type { ClauseGapView, GapReportView } from '@contract/gap-report';
import type { ResolverResult } from '@contract/result';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { getGapReport } from '../../../api/get-gap-report';
import { setClauseResult } from '../../../api/set-clause-result';
import { getSiteUrl } from '../../../api/start-publish-report';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { Section, SelectField, StatusLine, space, subtleText } from '../../../components/PanelKit';
import { ResolverError, type ResolverErrorShape } from '../../../components/ResolverError';
import { ClauseTable } from './ClauseTable';
import { FindingConvention } from './FindingConvention';
import { GROUP_TITLES, type ConformityResult } from './labels';
import type { ProjectViewProps } from '../ProjectPage';
import { PublishSection } from './PublishSection';
import { ExportSection } from './ExportSection';
import { ReadinessSummary } from './ReadinessSummary';

type GroupFilter = 'all' | '4' | '5' | '6' | '7' | '8' | '9' | '10';
const GROUP_OPTIONS: readonly { value: GroupFilter; label: string }[] = [
  { value: 'all', label: 'All clauses (4 to 10)' },
  ...(['4', '5', '6', '7', '8', '9', '10'] as const).map((g) => ({ value: g, label: `${g} ${GROUP_TITLES[g] ?? ''}` })),
];

export default function GapReportPanel({ canEdit, confluence }: ProjectViewProps) {
  const [result, setResult] = useState<ResolverResult<GapReportView> | undefined>();
  const [group, setGroup] = useState<GroupFilter>('all');
  const [onlyWarnings, setOnlyWarnings] = useState(false);
  const [saving, setSaving] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<ResolverErrorShape | undefined>();
  const [siteUrl, setSiteUrl] = useState('');

  const load = useCallback(async () => {
    setResult(await getGapReport());
  }, []);

  const reload = useCallback(() => void load(), [load]);

  useEffect(() => {
    void load();
    void getSiteUrl().then(setSiteUrl);
  }, [load]);

  const view = result?.ok ? result.data : undefined;
  const clauses = useMemo(
    () => (view?.clauses ?? []).filter((c) => (group === 'all' || c.groupId === group) && (!onlyWarnings || c.warnings.length > 0)),
    [view, group, onlyWarnings],
  );

  if (result === undefined) return <Loading label="Analysing the gaps" />;
  if (!result.ok) return <ResolverError error={result.error} action={<Button onClick={() => void load()}>Try again</Button>} />;
  const data = result.data;
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
      {data.evidenceTruncated && (
        <Notice appearance="information" title="Part of the evidence is shown">
          This project has many mapped issues: the page shows the first ones read within the time allowed. The published report reads them all.
        </Notice>
      )}
      <ReadinessSummary view={data} />
      <Section title="Clause by clause" description={`Evidence older than ${data.maxEvidenceAgeDays} days is flagged as stale. Results marked “proposed” come from the evidence; an editor can set them.`}>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.m, alignItems: 'flex-end', marginBlockEnd: space.s }}>
          <div style={{ minWidth: '260px' }}>
            <SelectField label="Clause group" value={group} options={GROUP_OPTIONS} onChange={setGroup} />
          </div>
          <label style={{ display: 'inline-flex', gap: space.xs, alignItems: 'center' }}>
            <input type="checkbox" checked={onlyWarnings} onChange={(e) => setOnlyWarnings(e.target.checked)} />
            Only clauses with warnings
          </label>
          <span style={subtleText}>
            {clauses.length} of {data.clauses.length} clauses
          </span>
        </div>
        <FindingConvention view={data} />
        <StatusLine text={status} />
        {saveError !== undefined && <ResolverError error={saveError} />}
        <ClauseTable clauses={clauses} people={data.people} canEdit={editable} savingClause={saving} siteUrl={siteUrl} onSet={(c, r) => void onSet(c, r)} />
      </Section>
      <ExportSection />
      <PublishSection view={data} canEdit={editable} confluence={confluence} siteUrl={siteUrl} onPublished={reload} />
    </div>
  );
}
