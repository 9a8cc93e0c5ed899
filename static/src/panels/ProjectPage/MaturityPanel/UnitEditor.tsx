/**
 * One assessment unit: for each of the 19 key elements the current level as observed (none, I, II or III:
 * an element observed at Level II shows the Level I characteristics too), the target, a note and evidence
 * issue keys, with what the element looks like at each of the three levels; and the elements to raise next.
 * A target at or below the current level counts as met. Shortcuts: set every target to one level, and copy the
 * levels of another unit (both change the draft only; Save keeps them).
 */
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { useEffect, useMemo, useState } from 'react';
import type { AssessmentView, ElementAssessment, KeyElementId, MaturityLevel, UnitView } from '@contract/assessment';
import { saveUnitAssessment } from '../../../api/save-unit-assessment';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import { Card, Section, space } from '../../../components/kit/layout';
import { ListField, TextAreaField } from '../../../components/kit/fields';
import { StatusLine } from '../../../components/kit/status';
import { ROMAN, formatWhen, nameOf, subtleText } from '../../../components/kit/text';
import { ResolverError, type ResolverErrorShape } from '../../../components/ResolverError';

type Draft = Partial<Record<KeyElementId, ElementAssessment>>;
const BLANK: ElementAssessment = { current: 0, target: 0, note: '', evidence: [] };
const isBlank = (e: ElementAssessment) => e.current === 0 && e.target === 0 && e.note.trim() === '' && e.evidence.length === 0;

interface Props {
  view: AssessmentView;
  unit: UnitView;
  focusElement: string | null;
  canEdit: boolean;
  onSaved: (view: AssessmentView) => void;
  onClose: () => void;
  onReload: () => Promise<void>;
}

export function UnitEditor({ view, unit, focusElement, canEdit, onSaved, onClose, onReload }: Props) {
  const [draft, setDraft] = useState<Draft>(unit.elements);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ResolverErrorShape | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    setDraft(unit.elements);
  }, [unit]);

  useEffect(() => {
    if (focusElement === null) return;
    document.getElementById(`element-${unit.unitId}-${focusElement}`)?.scrollIntoView({ block: 'center' });
  }, [focusElement, unit.unitId]);

  const dirty = useMemo(() => JSON.stringify(clean(draft)) !== JSON.stringify(clean(unit.elements)), [draft, unit.elements]);
  const label = `${unit.unitId === 'sms' ? 'SMS' : unit.unitId} ${unit.title}`;
  const levelOptions = [0, 1, 2, 3].map((l) => ({ value: String(l), label: l === 0 ? 'None' : `Level ${ROMAN[l]}` }));
  const [allTargets, setAllTargets] = useState('2');
  const others = view.units.filter((u) => u.unitId !== unit.unitId && u.version > 0);
  const [copyFrom, setCopyFrom] = useState(others[0]?.unitId ?? '');
  const unitName = (u: UnitView) => `${u.unitId === 'sms' ? 'SMS' : u.unitId} ${u.title}`;

  const setAllTargetsTo = (level: MaturityLevel) => {
    setStatus(null);
    setDraft((d) => Object.fromEntries(view.elements.map((el) => [el.id, { ...(d[el.id] ?? BLANK), target: level }])) as Draft);
  };

  const copyLevelsFrom = (source: UnitView | undefined) => {
    if (source === undefined) return;
    setStatus(null);
    setDraft((d) =>
      Object.fromEntries(
        view.elements.map((el) => {
          const from = source.elements[el.id];
          return [el.id, { ...(d[el.id] ?? BLANK), current: from?.current ?? 0, target: from?.target ?? 0 }];
        }),
      ) as Draft,
    );
  };

  const patch = (id: KeyElementId, p: Partial<ElementAssessment>) => {
    setStatus(null);
    setDraft((d) => ({ ...d, [id]: { ...(d[id] ?? BLANK), ...p } }));
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    const r = await saveUnitAssessment({ unitId: unit.unitId, version: unit.version, elements: clean(draft) });
    setSaving(false);
    if (!r.ok) return setError(r.error);
    onSaved(r.data);
    setStatus(`Saved the assessment of ${label}.`);
  };

  const name = (id: string) => view.elements.find((e) => e.id === id)?.name ?? id;
  const next = unit.summary.next.length > 0 ? unit.summary.next : unit.summary.toRaise.slice(0, 8);

  return (
    <Section
      title={`Assess ${label}`}
      description={
        unit.version === 0
          ? 'Not assessed yet. Rate each key element as it is today and where you want it.'
          : `Saved ${formatWhen(unit.updatedAt)} by ${nameOf(view.people, unit.updatedBy)} (version ${unit.version}).`
      }
      actions={<Button appearance="subtle" onClick={onClose}>Close {label}</Button>}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.m, alignItems: 'center', marginBlockEnd: space.s }}>
        <span>
          Unit level: <Lozenge appearance="inprogress">{view.levelLabels[unit.summary.currentLevel]}</Lozenge>
        </span>
        <span>
          Target: <Lozenge appearance="new">{view.levelLabels[unit.summary.targetLevel]}</Lozenge>
        </span>
        <span style={subtleText}>
          {unit.summary.assessedElements} of 19 elements assessed, {unit.summary.elementsBelowTarget} below target ({unit.summary.stepsToTarget} steps).
          {unit.summary.assessedElements < 19 && unit.summary.assessedElements > 0 && ' Elements not assessed count as “none” for the unit level.'}
        </span>
      </div>

      <Card label="Elements to raise next">
        <strong>Elements to raise next</strong>
        {next.length === 0 ? (
          <p style={subtleText}>{unit.summary.assessedElements === 0 ? 'Set targets to see which elements to work on first.' : 'Every assessed element has reached its target.'}</p>
        ) : (
          <ol aria-label={`Elements to raise next for ${label}`} style={{ paddingInlineStart: space.l, marginBlock: space.xs }}>
            {next.map((s) => (
              <li key={`${s.elementId}-${s.to}`}>
                {name(s.elementId)}: {s.from === 0 ? 'none' : `Level ${ROMAN[s.from]}`} → Level {ROMAN[s.to]}
              </li>
            ))}
          </ol>
        )}
      </Card>

      {canEdit && (
        <div role="group" aria-label="Shortcuts" style={{ display: 'flex', flexWrap: 'wrap', gap: space.l, alignItems: 'flex-end', marginBlock: space.s }}>
          <div style={{ display: 'flex', gap: space.s, alignItems: 'flex-end' }}>
            <ChoiceSelect label="Set all targets to" value={allTargets} options={levelOptions} onChange={setAllTargets} width={150} />
            <Button onClick={() => setAllTargetsTo(Number(allTargets) as MaturityLevel)}>Set all targets</Button>
          </div>
          {others.length > 0 && (
            <div style={{ display: 'flex', gap: space.s, alignItems: 'flex-end' }}>
              <ChoiceSelect label="Copy levels from unit" value={copyFrom} options={others.map((u) => ({ value: u.unitId, label: unitName(u) }))} onChange={setCopyFrom} width={280} />
              <Button onClick={() => copyLevelsFrom(others.find((u) => u.unitId === copyFrom))}>Copy levels</Button>
            </div>
          )}
        </div>
      )}
      <p style={{ ...subtleText, fontSize: '12px' }}>
        Record the level you observe today. The unit’s level is the highest level all 19 elements reach (TS 20000-5 5.2.3).
      </p>
      {view.elements.map((el) => {
        const e = draft[el.id] ?? BLANK;
        const gap = e.target > e.current;
        return (
          <div
            key={el.id}
            id={`element-${unit.unitId}-${el.id}`}
            role="group"
            aria-label={el.name}
            style={{
              display: 'grid',
              gridTemplateColumns: 'minmax(260px, 2.4fr) 130px 130px minmax(0, 1.3fr) minmax(0, 1.1fr)',
              gap: space.s,
              alignItems: 'start',
              paddingBlock: space.s,
              borderBlockEnd: `1px solid ${token('color.border', '#091E4224')}`,
              background: focusElement === el.id ? token('color.background.selected', '#E9F2FF') : 'transparent',
            }}
          >
            <div>
              <div style={{ fontWeight: 600, color: token('color.text', '#172B4D') }}>{el.name}</div>
              <ol aria-label={`Levels of ${el.name}`} style={{ listStyle: 'none', padding: 0, margin: `${space.xs} 0`, display: 'grid', gap: '2px', fontSize: '12px' }}>
                {([1, 2, 3] as const).map((l) => {
                  const reached = e.current >= l;
                  const isTarget = e.target === l && e.target > e.current;
                  return (
                    <li key={l} style={{ color: reached ? token('color.text', '#172B4D') : token('color.text.subtle', '#44546F') }}>
                      <strong>Level {ROMAN[l]}</strong>
                      {e.current === l ? ' (today)' : ''}
                      {isTarget ? ' (target)' : ''}: {el.levels[l]}
                    </li>
                  );
                })}
              </ol>
              {gap && <Lozenge appearance="moved">{`${e.target - e.current} to go`}</Lozenge>}
              {!gap && e.target > 0 && <Lozenge appearance="success">Target met</Lozenge>}
            </div>
            <ChoiceSelect label="Today" labelSuffix={`: ${el.name}`} value={String(e.current)} options={levelOptions} disabled={!canEdit} width="100%" onChange={(v) => patch(el.id, { current: Number(v) as MaturityLevel })} />
            <ChoiceSelect label="Target" labelSuffix={`: ${el.name}`} value={String(e.target)} options={levelOptions} disabled={!canEdit} width="100%" onChange={(v) => patch(el.id, { target: Number(v) as MaturityLevel })} />
            <TextAreaField label="Note" value={e.note} readOnly={!canEdit} rows={1} onChange={(v) => patch(el.id, { note: v })} />
            <ListField
              label="Evidence (issue keys)"
              value={e.evidence}
              readOnly={!canEdit}
              normalise={(s) => s.toUpperCase()}
              onChange={(v) => patch(el.id, { evidence: v })}
            />
          </div>
        );
      })}
      {canEdit && (
        <div style={{ display: 'flex', gap: space.s, alignItems: 'center', marginBlockStart: space.m }}>
          <Button appearance="primary" isDisabled={saving || !dirty} onClick={() => void save()}>
            {saving ? 'Saving…' : `Save ${label}`}
          </Button>
          {dirty && <Lozenge appearance="moved">Unsaved changes</Lozenge>}
        </div>
      )}
      {error !== null && (
        <ResolverError
          error={error}
          action={error.code === 'CONFLICT' ? <Button appearance="subtle" onClick={() => void onReload().then(() => setError(null))}>Reload this unit</Button> : undefined}
        />
      )}
      <StatusLine text={status} />
    </Section>
  );
}

function clean(d: Draft): Draft {
  const out: Draft = {};
  for (const [id, e] of Object.entries(d) as [KeyElementId, ElementAssessment | undefined][]) {
    if (e !== undefined && !isBlank(e)) out[id] = { ...e, note: e.note };
  }
  return out;
}
