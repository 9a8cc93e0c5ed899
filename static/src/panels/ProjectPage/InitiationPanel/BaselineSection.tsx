import Button from '@atlaskit/button/new';
import type { BaselineFindings, KpiDefinition, KpiSource } from '@contract/initiation';
import { useState } from 'react';
import { computeKpi } from '../../../api/compute-kpi';
import { recordKpiMeasurement } from '../../../api/record-kpi-measurement';
import { saveKpis } from '../../../api/save-kpis';
import { PickerField } from '../../../components/JiraFields';
import { Card, Section, space } from '../../../components/kit/layout';
import { TextAreaField } from '../../../components/kit/fields';
import { ROMAN, formatWhen, subtleText } from '../../../components/kit/text';
import type { SectionProps } from './InitiationPanel';
import { SectionFooter } from './SectionFooter';
import { KpiCard, type KpiDraft, type MeasurementInput, toDraft } from './KpiCard';
import { formatNumber, parseNumber, uniqueId } from './initiation-ui';
import { useSectionSave } from './use-section-save';
import { useUnsavedChanges } from '../../../components/unsaved-changes';

function toDefinition(d: KpiDraft): KpiDefinition | string {
  const baseline = parseNumber(d.baseline);
  const target = parseNumber(d.target);
  if (d.name.trim() === '') return 'Every KPI needs a name.';
  if (baseline === undefined || target === undefined) return `Baseline and target of “${d.name}” must be numbers.`;
  const source: KpiSource =
    d.kind === 'manual'
      ? { kind: 'manual' }
      : d.kind === 'jqlCount'
        ? { kind: 'jqlCount', jql: d.jql }
        : { kind: 'jqlMedianDuration', jql: d.jql, from: d.from as 'created', to: d.to as 'resolutiondate', durationUnit: d.durationUnit };
  return { id: d.id, name: d.name.trim(), unit: d.unit.trim(), direction: d.direction, baseline, target, source };
}

export function BaselineSection({ view, canEdit, onSaved, reload }: SectionProps) {
  const { catalog } = view;
  const [findings, setFindings] = useState<BaselineFindings>(view.initiation.baselineFindings);
  const [drafts, setDrafts] = useState<KpiDraft[]>(view.initiation.kpis.map(toDraft));
  const [suggestion, setSuggestion] = useState('');
  const { busy, status, error, setError, run, submit } = useSectionSave();

  const savedDrafts = view.initiation.kpis.map(toDraft);
  const dirty =
    JSON.stringify(drafts) !== JSON.stringify(savedDrafts) ||
    catalog.baselineFactors.some((f) => (findings[f.id] ?? '') !== (view.initiation.baselineFindings[f.id] ?? ''));
  useUnsavedChanges('initiation:baseline', 'Baseline and KPIs', dirty);

  const save = () =>
    run(async () => {
      const defs = drafts.map(toDefinition);
      const problem = defs.find((d): d is string => typeof d === 'string');
      if (problem !== undefined) {
        setError({ code: 'VALIDATION_FAILED', message: problem });
        return null;
      }
      const r = await saveKpis({ version: view.version, kpis: defs as KpiDefinition[], baselineFindings: findings });
      if (!r.ok) {
        setError(r.error);
        return null;
      }
      onSaved(r.data);
      setDrafts(r.data.initiation.kpis.map(toDraft));
      return `Baseline and KPIs saved (version ${r.data.version}).`;
    });

  const record = async (kpiId: string, m: MeasurementInput): Promise<boolean> => {
    let okay = false;
    await submit(
      () => recordKpiMeasurement({ version: view.version, kpiId, value: m.value, note: m.note }),
      (data) => {
        onSaved(data);
        okay = true;
        return 'Measurement recorded.';
      },
    );
    return okay;
  };

  const compute = (kpiId: string) =>
    submit(
      () => computeKpi({ version: view.version, kpiId }),
      (data) => {
        onSaved(data.view);
        const c = data.computation;
        return `Computed from Jira: ${formatNumber(c.value)} (${c.issueCount} issues found by ${c.jql}).`;
      },
    );

  const addSuggestion = (id: string) => {
    const s = catalog.kpiSuggestions.find((x) => x.id === id);
    if (s === undefined) return;
    const newId = uniqueId(s.id, drafts.map((d) => d.id));
    setDrafts((ds) => [...ds, toDraft({ id: newId, name: s.name, unit: s.unit, direction: s.direction, baseline: null, target: null, source: s.source })]);
    setSuggestion('');
  };

  const addBlank = () => {
    const newId = uniqueId(`kpi-${drafts.length + 1}`, drafts.map((d) => d.id));
    setDrafts((ds) => [...ds, toDraft({ id: newId, name: '', unit: '', direction: 'higher', baseline: null, target: null, source: { kind: 'manual' } })]);
  };

  const bm = view.baselineMaturity;

  return (
    <Section title="Baseline assessment" description="Where service management stands today (TS 20000-5 5.3.2): a finding per factor, the maturity baseline and the KPIs to compare against later.">
      <div id="initiation-baseline" />
      <Card label="Baseline findings">
        <div style={{ ...subtleText, marginBlockEnd: space.s }}>
          Findings recorded for {view.baselineCoverage.recorded} of {view.baselineCoverage.total} factors.
        </div>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: `0 ${space.m}` }}>
          {catalog.baselineFactors.map((f) => (
            <TextAreaField
              key={f.id}
              label={`${f.letter}) ${f.label}`}
              hint={f.hint}
              value={findings[f.id] ?? ''}
              readOnly={!canEdit}
              rows={1}
              onChange={(v) => setFindings((x) => ({ ...x, [f.id]: v }))}
            />
          ))}
        </div>
      </Card>
      <Card label="Maturity at the baseline">
        <strong>Maturity at the baseline: </strong>
        {bm === null ? (
          <span style={subtleText}>No snapshot labelled “baseline” yet. Take one on the Maturity tab once the first assessment is done.</span>
        ) : (
          <span>
            snapshot of {formatWhen(bm.at)}:{' '}
            {bm.units.length === 0 ? 'no unit assessed' : bm.units.map((u) => `${u.unitName} ${u.level === 0 ? '–' : ROMAN[u.level] ?? u.level}`).join(' · ')}
          </span>
        )}
      </Card>
      <div id="initiation-kpis" />
      <Section
        title="Key performance indicators"
        level="h3"
        description="Benchmarks to show later what the implementation achieved. Enter values by hand, or let the app count issues or measure times in this project."
        actions={
          canEdit ? (
            <>
              <PickerField
                label="Add a suggested KPI"
                hideLabel
                value={suggestion === '' ? null : suggestion}
                placeholder="Add a suggested KPI…"
                options={catalog.kpiSuggestions.map((s) => ({ value: s.id, label: s.name }))}
                onChange={addSuggestion}
              />
              <Button onClick={addBlank}>Add KPI</Button>
            </>
          ) : undefined
        }
      >
        {drafts.length === 0 && <p style={subtleText}>No KPIs yet. Start from a suggestion: time to market, satisfaction, breaches, on-time delivery, down time or failure costs.</p>}
        {drafts.map((d, i) => (
          <KpiCard
            key={d.id}
            draft={d}
            saved={view.initiation.kpis.find((k) => k.id === d.id)}
            progress={view.kpiProgress.find((p) => p.kpiId === d.id)}
            people={view.people}
            dateFields={catalog.kpiDateFields}
            canEdit={canEdit}
            busy={busy || dirty}
            onChange={(next) => setDrafts((ds) => ds.map((x, j) => (j === i ? next : x)))}
            onRemove={() => setDrafts((ds) => ds.filter((_, j) => j !== i))}
            onRecord={(m) => record(d.id, m)}
            onCompute={() => compute(d.id)}
          />
        ))}
      </Section>
      {canEdit && (
        <div style={{ display: 'flex', gap: space.s, alignItems: 'center' }}>
          <Button appearance="primary" isDisabled={!dirty || busy} onClick={() => void save()}>
            Save baseline and KPIs
          </Button>
          {dirty && <span style={subtleText}>Unsaved changes: save before recording measurements.</span>}
        </div>
      )}
      <SectionFooter status={status} error={error} reload={reload} />
    </Section>
  );
}
