/** Maturity snapshots: take "baseline" then one per phase, compare any two, and follow each unit's trend. */
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { CompareSnapshotsResponse, SnapshotsView } from '@contract/assessment';
import { compareSnapshots } from '../../../api/compare-snapshots';
import { takeSnapshot } from '../../../api/take-snapshot';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import { Trend } from '../../../components/charts/charts';
import { Section, space } from '../../../components/kit/layout';
import { TextField } from '../../../components/kit/fields';
import { StatusLine } from '../../../components/kit/status';
import { ROMAN, Who, formatWhen, subtleText } from '../../../components/kit/text';
import { ResolverError, type ResolverErrorShape } from '../../../components/ResolverError';

const cell = { padding: `${space.xs} ${space.s}`, borderBlockEnd: `1px solid ${token('color.border', '#091E4224')}`, textAlign: 'left' as const };

export function Snapshots({ data, canEdit, onChange, unitTitle }: { data: SnapshotsView; canEdit: boolean; onChange: (d: SnapshotsView) => void; unitTitle: (id: string) => string }) {
  const { snapshots, trends } = data;
  const [label, setLabel] = useState(snapshots.length === 0 ? 'baseline' : `Phase ${snapshots.length}`);
  const [error, setError] = useState<ResolverErrorShape | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [from, setFrom] = useState(snapshots[0]?.id ?? '');
  const [to, setTo] = useState(snapshots[snapshots.length - 1]?.id ?? '');
  const [comparison, setComparison] = useState<CompareSnapshotsResponse | null>(null);

  const take = async () => {
    setError(null);
    const r = await takeSnapshot({ label });
    if (!r.ok) return setError(r.error);
    onChange(r.data);
    const last = r.data.snapshots[r.data.snapshots.length - 1];
    setStatus(`Snapshot “${last?.label ?? label}” taken.`);
    setLabel(`Phase ${r.data.snapshots.length}`);
    if (last) setTo(last.id);
    if (from === '' && r.data.snapshots[0]) setFrom(r.data.snapshots[0].id);
  };

  const compare = async () => {
    setError(null);
    const r = await compareSnapshots({ fromId: from, toId: to });
    if (!r.ok) return setError(r.error);
    setComparison(r.data);
  };

  const choices = snapshots.map((s) => ({ value: s.id, label: `${s.label} (${formatWhen(s.at)})` }));

  return (
    <Section
      title="Snapshots"
      description="Freeze the levels as a baseline before the first phase, then once at the end of each phase, to see progress."
    >
      {snapshots.length === 0 ? (
        <p style={subtleText}>No snapshots yet. {canEdit ? 'Assess the units you start with, then take the baseline.' : ''}</p>
      ) : (
        <ul aria-label="Snapshots taken" style={{ paddingInlineStart: space.m }}>
          {snapshots.map((s) => (
            <li key={s.id}>
              <strong>{s.label}</strong> <span style={subtleText}>— {formatWhen(s.at)} by <Who accountId={s.takenBy} people={data.people} />, {Object.keys(s.levels).length} units</span>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.s, alignItems: 'flex-end' }}>
          <TextField label="Snapshot label" value={label} onChange={setLabel} hint="“baseline” first, then the phase the snapshot closes." />
          <div style={{ marginBlockEnd: space.l }}>
            <Button onClick={() => void take()}>Take snapshot</Button>
          </div>
        </div>
      )}
      <StatusLine text={status} />
      {error !== null && <ResolverError error={error} />}

      {snapshots.length >= 2 && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.m, alignItems: 'flex-end' }}>
          <ChoiceSelect label="Compare snapshot" value={from} options={choices} onChange={setFrom} width={260} />
          <ChoiceSelect label="with snapshot" value={to} options={choices} onChange={setTo} width={260} />
          <div style={{ marginBlockEnd: space.s }}>
            <Button onClick={() => void compare()}>Compare</Button>
          </div>
        </div>
      )}
      {comparison !== null && (
        <table aria-label={`Comparison of ${comparison.from.label} with ${comparison.to.label}`} style={{ borderCollapse: 'collapse', marginBlockStart: space.s }}>
          <thead>
            <tr>
              <th style={cell}>Unit</th>
              <th style={cell}>{comparison.from.label}</th>
              <th style={cell}>{comparison.to.label}</th>
              <th style={cell}>Change</th>
              <th style={cell}>Elements that moved</th>
            </tr>
          </thead>
          <tbody>
            {comparison.units.map((u) => (
              <tr key={u.unitId}>
                <th scope="row" style={{ ...cell, fontWeight: 'normal' }}>{unitTitle(u.unitId)}</th>
                <td style={cell}>{ROMAN[u.from]}</td>
                <td style={cell}>{ROMAN[u.to]}</td>
                <td style={cell}>
                  <Lozenge appearance={u.delta > 0 ? 'success' : u.delta < 0 ? 'removed' : 'default'}>{u.delta > 0 ? `+${u.delta}` : u.delta < 0 ? `${u.delta}` : 'same'}</Lozenge>
                </td>
                <td style={cell}>{u.elements.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {trends.length > 0 && (
        <>
          <h4 style={{ marginBlockStart: space.m }}>Trend per unit</h4>
          {snapshots.length >= 2 && (
            <Trend
              title="Maturity level per unit, snapshot by snapshot"
              labels={snapshots.map((s) => s.label)}
              series={trends.map((t) => ({ name: unitTitle(t.unitId), values: snapshots.map((s) => { const p = t.points.find((x) => x.id === s.id); return p?.assessed ? p.level : null; }) }))}
              yTicks={[0, 1, 2, 3].map((l) => ({ value: l, label: l === 0 ? 'none' : (ROMAN[l] ?? '') }))}
            />
          )}
          <table aria-label="Trend per unit" style={{ borderCollapse: 'collapse' }}>
            <thead>
              <tr>
                <th style={cell}>Unit</th>
                {snapshots.map((s) => (
                  <th key={s.id} style={cell}>
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {trends.map((t) => (
                <tr key={t.unitId}>
                  <th scope="row" style={{ ...cell, fontWeight: 'normal' }}>{unitTitle(t.unitId)}</th>
                  {t.points.map((p) => (
                    <td key={p.id} style={cell}>
                      {p.assessed ? ROMAN[p.level] : <span style={subtleText}>not assessed</span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Section>
  );
}
