/** One phase of the plan: name, level, dates, owner, objectives, boundary (processes + elements) and interfaces. */
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { CrossPhaseInteraction, Phase, Plan, PlanIssue, PlanOptions } from '@contract/plan';
import { Card, CheckboxGroup, ROMAN, SelectField, TextAreaField, TextField, space, subtleText } from '../../../components/PanelKit';
import { addProcess, moveProcess, removeProcess, setInterface, updatePhase } from './plan-draft';

interface Props {
  plan: Plan;
  phase: Phase;
  index: number;
  options: PlanOptions;
  crossings: CrossPhaseInteraction[];
  issues: PlanIssue[];
  readOnly: boolean;
  onChange: (plan: Plan) => void;
  onRemove: () => void;
}

export function PhaseEditor({ plan, phase, index, options, crossings, issues, readOnly, onChange, onRemove }: Props) {
  const order = options.processes.map((p) => p.id);
  const title = (id: string) => options.processes.find((p) => p.id === id)?.title ?? id;
  const others = plan.phases.filter((p) => p.id !== phase.id);
  const notHere = options.processes.filter((p) => !phase.boundary.processes.includes(p.id as never));
  const [moveTarget, setMoveTarget] = useState<Record<string, string>>({});
  const [toAdd, setToAdd] = useState(notHere[0]?.id ?? '');
  const patch = (change: (p: Phase) => Phase) => onChange(updatePhase(plan, phase.id, change));
  const label = `Phase ${index + 1}: ${phase.name}`;
  const mine = crossings.filter((c) => c.requiredInPhaseId === phase.id);
  const rule1 = issues.filter((i) => i.phaseId === phase.id && i.rule === 'rule-1');
  const addChoice = notHere.some((p) => p.id === toAdd) ? toAdd : (notHere[0]?.id ?? '');

  return (
    <Card label={label} tone={rule1.length > 0 || mine.some((c) => c.flagged) ? 'warning' : 'default'}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: space.s }}>
        <h3 style={{ margin: 0, fontSize: '16px', color: token('color.text', '#172B4D') }}>{label}</h3>
        <div style={{ display: 'flex', gap: space.s, alignItems: 'center' }}>
          {phase.targetLevel !== null && phase.targetLevel > 0 && <Lozenge appearance="new">{`Level ${ROMAN[phase.targetLevel]}`}</Lozenge>}
          {!readOnly && (
            <Button appearance="subtle" onClick={onRemove} aria-label={`Remove ${label}`}>
              Remove phase
            </Button>
          )}
        </div>
      </div>
      {rule1.map((i) => (
        <p key={i.code} style={{ color: token('color.text.warning', '#A54800'), fontSize: '13px', marginBlock: space.xs }}>
          Rule 1: {i.message}
        </p>
      ))}
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) repeat(3, minmax(0, 1fr)) minmax(0, 1.4fr)', gap: space.s, marginBlockStart: space.s }}>
        <TextField label="Phase name" value={phase.name} readOnly={readOnly} onChange={(v) => patch((p) => ({ ...p, name: v }))} />
        {plan.approach === 'subsets' ? (
          <div />
        ) : (
          <SelectField
            label="Target level"
            value={String(phase.targetLevel ?? 0)}
            disabled={readOnly}
            options={[0, 1, 2, 3].map((l) => ({ value: String(l), label: l === 0 ? 'None' : `Level ${ROMAN[l]}` }))}
            onChange={(v) => patch((p) => ({ ...p, targetLevel: Number(v) === 0 ? null : (Number(v) as 1 | 2 | 3) }))}
          />
        )}
        <TextField label="Start" type="date" value={phase.start ?? ''} readOnly={readOnly} onChange={(v) => patch((p) => ({ ...p, start: v === '' ? null : v }))} />
        <TextField label="End" type="date" value={phase.end ?? ''} readOnly={readOnly} onChange={(v) => patch((p) => ({ ...p, end: v === '' ? null : v }))} />
        <TextField label="Owner" value={phase.owner ?? ''} readOnly={readOnly} placeholder="Account ID" onChange={(v) => patch((p) => ({ ...p, owner: v.trim() === '' ? null : v }))} />
      </div>
      <TextAreaField
        label="Objectives (one per line)"
        value={phase.objectives.join('\n')}
        readOnly={readOnly}
        rows={Math.max(3, phase.objectives.length + 1)}
        onChange={(v) => patch((p) => ({ ...p, objectives: v.split('\n') }))}
      />

      <div>
        <div>
          <div style={{ fontSize: '12px', fontWeight: 600, ...subtleText, marginBlockEnd: space.xs }}>Processes in this phase ({phase.boundary.processes.length})</div>
          {phase.boundary.processes.length === 0 && <p style={subtleText}>No processes yet.</p>}
          <ul aria-label={`Processes in ${label}`} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {phase.boundary.processes.map((pid) => {
              const target = moveTarget[pid] ?? others[0]?.id ?? '';
              return (
                <li key={pid} style={{ display: 'flex', alignItems: 'center', gap: space.s, paddingBlock: '2px', borderBlockEnd: `1px solid ${token('color.border', '#091E4224')}` }}>
                  <span style={{ flex: '1 1 auto', minWidth: 0, color: token('color.text', '#172B4D') }}>
                    {pid} {title(pid)}
                  </span>
                  {!readOnly && others.length > 0 && (
                    <>
                      <SelectField
                        hideLabel
                        label={`Move ${pid} ${title(pid)} to`}
                        value={target}
                        options={others.map((o) => ({ value: o.id, label: o.name }))}
                        onChange={(v) => setMoveTarget((m) => ({ ...m, [pid]: v }))}
                      />
                      <Button onClick={() => onChange(moveProcess(plan, pid, phase.id, target, order))} aria-label={`Move ${pid} ${title(pid)}`}>
                        Move
                      </Button>
                    </>
                  )}
                  {!readOnly && (
                    <Button appearance="subtle" onClick={() => onChange(removeProcess(plan, phase.id, pid))} aria-label={`Remove ${pid} from ${label}`}>
                      Remove
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
          {!readOnly && notHere.length > 0 && (
            <div style={{ display: 'flex', gap: space.s, alignItems: 'center', marginBlockStart: space.s }}>
              <SelectField hideLabel label={`Process to add to ${label}`} value={addChoice} options={notHere.map((p) => ({ value: p.id, label: `${p.id} ${p.title}` }))} onChange={setToAdd} />
              <Button onClick={() => onChange(addProcess(plan, phase.id, addChoice, order))}>Add process</Button>
            </div>
          )}
        </div>
        <div style={{ height: space.m }} />
        <CheckboxGroup
          legend="Related key elements"
          columns={4}
          options={options.elements.map((e) => ({ value: e.id, label: e.name }))}
          selected={phase.boundary.elements}
          disabled={readOnly}
          onChange={(v) => patch((p) => ({ ...p, boundary: { ...p.boundary, elements: v as Phase['boundary']['elements'] } }))}
        />
      </div>

      {mine.length > 0 && (
        <div style={{ marginBlockStart: space.m }}>
          <div style={{ fontSize: '12px', fontWeight: 600, ...subtleText }}>Interfaces this phase must define (Rule 2)</div>
          {mine.map((c) => {
            const text = phase.interfaces.find((i) => i.interactionId === c.interactionId)?.description ?? '';
            return (
              <div key={c.interactionId} style={{ marginBlockStart: space.s, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: space.m, alignItems: 'start' }}>
                <div style={{ display: 'flex', gap: space.s, alignItems: 'flex-start', fontSize: '13px', paddingBlockStart: space.l }}>
                  <span style={{ flex: 'none' }}>{c.flagged ? <Lozenge appearance="removed">No interface</Lozenge> : <Lozenge appearance="success">Defined</Lozenge>}</span>
                  <span>
                    {c.from} {title(c.from)} → {c.to} {title(c.to)}: <span style={subtleText}>{c.what}</span>
                  </span>
                </div>
                <TextAreaField
                  label={`Interface for ${c.from} → ${c.to}`}
                  value={text}
                  readOnly={readOnly}
                  rows={2}
                  onChange={(v) => onChange(setInterface(plan, phase.id, c.interactionId, v))}
                />
              </div>
            );
          })}
        </div>
      )}
    </Card>
  );
}
