import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { PlanChecklistState, TargetKind, TargetObjective, TargetState } from '@contract/initiation';
import { useState } from 'react';
import { saveTargetState } from '../../../api/save-target-state';
import { PickerField } from '../../../components/JiraFields';
import { Card, Section, space } from '../../../components/kit/layout';
import { CheckboxGroup, ListField, TextAreaField, TextField } from '../../../components/kit/fields';
import { subtleText } from '../../../components/kit/text';
import type { SectionProps } from './InitiationPanel';
import { SectionFooter } from './SectionFooter';
import { openAppLink, uniqueId } from './initiation-ui';
import { useSectionSave } from './use-section-save';
import { useUnsavedChanges } from '../../../components/unsaved-changes';

const linkButton = {
  background: 'none',
  border: 'none',
  padding: 0,
  font: 'inherit',
  color: token('color.link', '#0C66E4'),
  textDecoration: 'underline',
  cursor: 'pointer',
} as const;

export function TargetStateSection({ view, canEdit, onSaved, reload }: SectionProps) {
  const { catalog } = view;
  const [target, setTarget] = useState<TargetState>(view.initiation.targetState);
  const [checklist, setChecklist] = useState<PlanChecklistState>(view.initiation.planChecklist);
  const { busy, status, error, submit } = useSectionSave();

  const dirty =
    JSON.stringify(target) !== JSON.stringify(view.initiation.targetState) || JSON.stringify(checklist) !== JSON.stringify(view.initiation.planChecklist);
  useUnsavedChanges('initiation:target-state', 'Target state and checklist', dirty);
  const readOnly = !canEdit;

  const setObjective = (i: number, patch: Partial<TargetObjective>) =>
    setTarget((t) => ({ ...t, objectives: t.objectives.map((o, j) => (j === i ? { ...o, ...patch } : o)) }));

  const save = () =>
    submit(
      () => saveTargetState({ version: view.version, targetState: target, planChecklist: checklist }),
      (data) => {
        onSaved(data);
        setTarget(data.initiation.targetState);
        setChecklist(data.initiation.planChecklist);
        return `Target state and plan checklist saved (version ${data.version}).`;
      },
    );

  const check = view.phaseCheck;
  return (
    <Section title="Target state" description="Where the implementation should take you (TS 20000-5 5.3.3), the objectives with their critical success factors and KPIs, and the phases that serve them.">
      <div id="initiation-target-state" />
      <Card label="Target">
        <PickerField<TargetKind | ''>
          label="Target"
          value={target.kind ?? ''}
          disabled={readOnly}
          options={[{ value: '', label: 'Not chosen yet' }, ...catalog.targetKinds.map((k) => ({ value: k.value, label: k.label }))]}
          onChange={(v) => setTarget((t) => ({ ...t, kind: v === '' ? null : v }))}
        />
        {target.kind !== null && <p style={subtleText}>{catalog.targetKinds.find((k) => k.value === target.kind)?.hint}</p>}
        <TextAreaField label="Target state description" value={target.description} readOnly={readOnly} onChange={(v) => setTarget((t) => ({ ...t, description: v }))} />
      </Card>
      {target.objectives.map((o, i) => (
        <Card key={o.id} label={`Objective ${i + 1}`}>
          <TextField label={`Objective ${i + 1}`} value={o.text} readOnly={readOnly} onChange={(v) => setObjective(i, { text: v })} />
          <ListField label={`Critical success factors of objective ${i + 1}`} value={o.csfs} readOnly={readOnly} hint="Separate with commas." onChange={(v) => setObjective(i, { csfs: v })} />
          {view.initiation.kpis.length > 0 && (
            <CheckboxGroup
              legend={`KPIs of objective ${i + 1}`}
              options={view.initiation.kpis.map((k) => ({ value: k.id, label: k.name }))}
              selected={o.kpiIds}
              disabled={readOnly}
              onChange={(v) => setObjective(i, { kpiIds: v })}
            />
          )}
          {view.planPhases.length > 0 ? (
            <CheckboxGroup
              legend={`Phases serving objective ${i + 1}`}
              options={view.planPhases.map((p) => ({ value: p.id, label: p.name }))}
              selected={o.phaseIds}
              disabled={readOnly}
              onChange={(v) => setObjective(i, { phaseIds: v })}
            />
          ) : (
            <p style={subtleText}>No phases planned yet: link them here once the Phases tab has a plan.</p>
          )}
          {canEdit && (
            <Button appearance="subtle" onClick={() => setTarget((t) => ({ ...t, objectives: t.objectives.filter((_, j) => j !== i) }))}>
              Remove objective {i + 1}
            </Button>
          )}
        </Card>
      ))}
      {canEdit && (
        <div style={{ marginBlockEnd: space.m }}>
          <Button
            onClick={() =>
              setTarget((t) => ({
                ...t,
                objectives: [...t.objectives, { id: uniqueId(`objective-${t.objectives.length + 1}`, t.objectives.map((o) => o.id)), text: '', csfs: [], kpiIds: [], phaseIds: [] }],
              }))
            }
          >
            Add objective
          </Button>
        </div>
      )}
      <Card label="Phase check">
        <strong>Does every phase serve an objective? </strong>
        {view.planPhases.length === 0 ? (
          <span style={subtleText}>There is no phase plan yet.</span>
        ) : check.ok ? (
          <Lozenge appearance="success">Yes</Lozenge>
        ) : (
          <Lozenge appearance="moved">Not yet</Lozenge>
        )}
        {check.phases.length > 0 && (
          <ul style={{ marginBlock: space.s }}>
            {check.phases.map((p) => (
              <li key={p.phaseId}>
                {p.phaseName}: {p.serves ? `serves ${p.objectiveIds.join(', ')}` : 'serves no objective'}
              </li>
            ))}
          </ul>
        )}
        {check.objectivesWithoutPhase.length > 0 && view.planPhases.length > 0 && (
          <p style={subtleText}>Objectives no phase works towards: {check.objectivesWithoutPhase.join(', ')}.</p>
        )}
      </Card>

      <div id="initiation-plan-checklist" />
      <Section title="Plan checklist" level="h3" description="What the implementation plan should settle at least (TS 20000-5 5.4 a–i), and where each item lives in the app.">
        <Card label="Plan checklist">
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {catalog.planChecklist.map((item) => {
              const st = checklist[item.id] ?? { done: false, note: '' };
              return (
                <li key={item.id} style={{ marginBlockEnd: space.s }}>
                  <label style={{ display: 'flex', gap: space.s, alignItems: 'flex-start' }}>
                    <input
                      type="checkbox"
                      checked={st.done}
                      disabled={readOnly}
                      style={{ accentColor: token('color.background.selected.bold', '#0C66E4'), marginBlockStart: '3px' }}
                      onChange={(e) => setChecklist((c) => ({ ...c, [item.id]: { ...st, done: e.target.checked } }))}
                    />
                    <span>
                      {item.letter}) {item.text}
                    </span>
                  </label>
                  <div style={{ marginInlineStart: space.l, fontSize: '13px', display: 'flex', gap: space.s, flexWrap: 'wrap' }}>
                    <span style={subtleText}>See:</span>
                    {item.links.map((l) => (
                      <button key={l.label} type="button" style={linkButton} onClick={() => openAppLink(l)}>
                        {l.label}
                      </button>
                    ))}
                  </div>
                </li>
              );
            })}
          </ul>
        </Card>
      </Section>
      {canEdit && (
        <Button appearance="primary" isDisabled={!dirty || busy} onClick={() => void save()}>
          Save target state and checklist
        </Button>
      )}
      <SectionFooter status={status} error={error} reload={reload} />
    </Section>
  );
}
