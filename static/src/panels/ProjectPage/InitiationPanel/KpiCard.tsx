import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import ProgressBar from '@atlaskit/progress-bar';
import { token } from '@atlaskit/tokens';
import type { Kpi, KpiProgress, KpiSourceKind } from '@contract/initiation';
import type { PeopleNames } from '@contract/people';
import { useState } from 'react';
import { PickerField } from '../../../components/JiraFields';
import { Card, space } from '../../../components/kit/layout';
import { TextField } from '../../../components/kit/fields';
import { Who, formatWhen, subtleText } from '../../../components/kit/text';
import { formatNumber, parseNumber } from './initiation-ui';

/** A KPI being edited: numbers as typed text. */
export interface KpiDraft {
  id: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  baseline: string;
  target: string;
  kind: KpiSourceKind;
  jql: string;
  from: string;
  to: string;
  durationUnit: 'hours' | 'days';
}

export function toDraft(k: Omit<Kpi, 'measurements'>): KpiDraft {
  const s = k.source;
  return {
    id: k.id,
    name: k.name,
    unit: k.unit,
    direction: k.direction,
    baseline: k.baseline === null ? '' : String(k.baseline),
    target: k.target === null ? '' : String(k.target),
    kind: s.kind,
    jql: s.kind === 'manual' ? '' : s.jql,
    from: s.kind === 'jqlMedianDuration' ? s.from : 'created',
    to: s.kind === 'jqlMedianDuration' ? s.to : 'resolutiondate',
    durationUnit: s.kind === 'jqlMedianDuration' ? s.durationUnit : 'hours',
  };
}

const KIND_OPTIONS: { value: KpiSourceKind; label: string }[] = [
  { value: 'manual', label: 'Entered by hand' },
  { value: 'jqlCount', label: 'Count of a JQL query' },
  { value: 'jqlMedianDuration', label: 'Median duration (JQL)' },
];

export interface MeasurementInput {
  value: number;
  note: string;
}

export function KpiCard({
  draft,
  saved,
  progress,
  people,
  dateFields,
  canEdit,
  busy,
  onChange,
  onRemove,
  onRecord,
  onCompute,
}: {
  draft: KpiDraft;
  /** The stored KPI (undefined while it is new and unsaved). */
  saved: Kpi | undefined;
  progress: KpiProgress | undefined;
  /** Display names of who recorded the measurements. */
  people: PeopleNames;
  dateFields: { value: string; label: string }[];
  canEdit: boolean;
  busy: boolean;
  onChange: (d: KpiDraft) => void;
  onRemove: () => void;
  onRecord: (m: MeasurementInput) => Promise<boolean>;
  onCompute: () => Promise<void>;
}) {
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const set = (patch: Partial<KpiDraft>) => onChange({ ...draft, ...patch });
  const readOnly = !canEdit;
  const parsedValue = parseNumber(value);
  const title = draft.name.trim() === '' ? 'New KPI' : draft.name;
  const measurements = [...(saved?.measurements ?? [])].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));

  return (
    <Card label={`KPI ${title}`}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(170px, 1fr))', gap: `0 ${space.m}` }}>
        <TextField label="KPI name" value={draft.name} readOnly={readOnly} onChange={(v) => set({ name: v })} />
        <TextField label="Unit" value={draft.unit} readOnly={readOnly} onChange={(v) => set({ unit: v })} placeholder="e.g. hours, %" />
        <PickerField
          width="100%"
          label="Better when"
          value={draft.direction}
          disabled={readOnly}
          options={[
            { value: 'higher', label: 'Higher is better' },
            { value: 'lower', label: 'Lower is better' },
          ]}
          onChange={(v) => set({ direction: v })}
        />
        <TextField label="Baseline" value={draft.baseline} readOnly={readOnly} invalid={parseNumber(draft.baseline) === undefined} onChange={(v) => set({ baseline: v })} />
        <TextField label="Target" value={draft.target} readOnly={readOnly} invalid={parseNumber(draft.target) === undefined} onChange={(v) => set({ target: v })} />
        <PickerField width="100%" label="Source" value={draft.kind} disabled={readOnly} options={KIND_OPTIONS} onChange={(v) => set({ kind: v })} />
      </div>
      {draft.kind !== 'manual' && (
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(240px, 3fr) repeat(3, minmax(120px, 1fr))', gap: `0 ${space.m}` }}>
          <TextField
            label="JQL"
            value={draft.jql}
            readOnly={readOnly}
            onChange={(v) => set({ jql: v })}
            placeholder="issuetype = Incident"
            hint="Always limited to this project."
          />
          {draft.kind === 'jqlMedianDuration' && (
            <>
              <PickerField width="100%" label="From date" value={draft.from} disabled={readOnly} options={dateFields} onChange={(v) => set({ from: v })} />
              <PickerField width="100%" label="To date" value={draft.to} disabled={readOnly} options={dateFields} onChange={(v) => set({ to: v })} />
              <PickerField
                width="100%"
                label="Duration in"
                value={draft.durationUnit}
                disabled={readOnly}
                options={[
                  { value: 'hours', label: 'Hours' },
                  { value: 'days', label: 'Days' },
                ]}
                onChange={(v) => set({ durationUnit: v })}
              />
            </>
          )}
        </div>
      )}
      {saved === undefined ? (
        <p style={subtleText}>Save the KPIs to start recording measurements.</p>
      ) : (
        <div style={{ borderBlockStart: `1px solid ${token('color.border', '#091E4224')}`, paddingBlockStart: space.s, marginBlockStart: space.s }}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.s, alignItems: 'center', marginBlockEnd: space.s }}>
            <strong>Latest:</strong>
            <span>{progress?.latest ? `${formatNumber(progress.latest.value)} ${saved.unit}` : 'no measurement yet'}</span>
            {progress?.targetMet && <Lozenge appearance="success">Target met</Lozenge>}
            {progress?.worseThanStart && <Lozenge appearance="removed">Worse than the start</Lozenge>}
            {progress?.progress !== null && progress?.progress !== undefined && (
              <span style={{ minWidth: '160px', flex: '0 1 200px' }}>
                <ProgressBar appearance={progress.targetMet ? 'success' : 'default'} value={progress.progress} ariaLabel={`${saved.name}: ${Math.round(progress.progress * 100)}% of the way to the target`} />
              </span>
            )}
            {progress?.progress !== null && progress?.progress !== undefined && <span style={subtleText}>{Math.round(progress.progress * 100)}% of the way</span>}
            {progress?.latest && progress.progress === null && saved.baseline === null && <span style={subtleText}>No baseline entered: the first measurement is the starting value.</span>}
          </div>
          {measurements.length > 0 && (
            <table aria-label={`Measurements of ${saved.name}`} style={{ borderCollapse: 'collapse', width: 'auto', marginBlockEnd: space.s, fontSize: '13px' }}>
              <thead>
                <tr>
                  {['When', 'Value', 'Note', 'By'].map((h) => (
                    <th key={h} style={{ textAlign: 'start', paddingInlineEnd: space.m, ...subtleText }}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {measurements.slice(0, 10).map((m, i) => (
                  <tr key={`${m.at}-${i}`}>
                    <td style={{ paddingInlineEnd: space.m }}>{formatWhen(m.at)}</td>
                    <td style={{ paddingInlineEnd: space.m }}>{formatNumber(m.value)}</td>
                    <td style={{ paddingInlineEnd: space.m }}>{m.note}</td>
                    <td>
                      <Who accountId={m.by ?? null} people={people} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {canEdit && (
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.s, alignItems: 'flex-end' }}>
              <TextField label={`Measured value of ${saved.name}`} value={value} width={140} invalid={value !== '' && typeof parsedValue !== 'number'} onChange={setValue} />
              <TextField label={`Note on the measurement of ${saved.name}`} value={note} width={260} onChange={setNote} />
              <div style={{ marginBlockEnd: space.s, display: 'flex', gap: space.s }}>
                <Button
                  isDisabled={busy || typeof parsedValue !== 'number'}
                  onClick={() =>
                    void (async () => {
                      if (typeof parsedValue !== 'number') return;
                      if (await onRecord({ value: parsedValue, note })) {
                        setValue('');
                        setNote('');
                      }
                    })()
                  }
                >
                  Record measurement
                </Button>
                {saved.source.kind !== 'manual' && (
                  <Button appearance="primary" isDisabled={busy} onClick={() => void onCompute()}>
                    Compute from Jira
                  </Button>
                )}
              </div>
            </div>
          )}
        </div>
      )}
      {canEdit && (
        <div style={{ marginBlockStart: space.s }}>
          <Button appearance="subtle" onClick={onRemove}>
            Remove KPI {title}
          </Button>
        </div>
      )}
    </Card>
  );
}
