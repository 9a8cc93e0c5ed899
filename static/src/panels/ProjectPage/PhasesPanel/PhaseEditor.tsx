/** The expanded editor of one phase: name, level, dates, owner, objectives, boundary (processes + elements) and interfaces. */
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { useState, type CSSProperties } from 'react';
import type { PeopleNames } from '@contract/people';
import type { Phase, Plan, PlanOptions } from '@contract/plan';
import { space } from '../../../components/kit/layout';
import { CheckboxGroup, TextAreaField, TextField } from '../../../components/kit/fields';
import { ROMAN, subtleText } from '../../../components/kit/text';
import { DateField, PickerField, UserPickerField } from '../../../components/JiraFields';
import { addProcess, moveProcess, removeProcess, setInterface, updatePhase } from '@domain/planning/plan-draft';
import type { PhaseStatus } from './phase-summary';

interface Props {
  plan: Plan;
  phase: Phase;
  /** "Phase n: name", the card's label. */
  label: string;
  options: PlanOptions;
  /** Display names of the saved plan's owners. */
  people: PeopleNames;
  status: PhaseStatus;
  readOnly: boolean;
  onChange: (plan: Plan) => void;
  onRemove: () => void;
}

const caption: CSSProperties = { fontSize: '12px', fontWeight: 600, ...subtleText, marginBlockEnd: space.xs };

export function PhaseEditor({ plan, phase, label, options, people, status, readOnly, onChange, onRemove }: Props) {
  const order = options.processes.map((p) => p.id);
  const title = (id: string) => options.processes.find((p) => p.id === id)?.title ?? id;
  const others = plan.phases.filter((p) => p.id !== phase.id);
  const notHere = options.processes.filter((p) => !phase.boundary.processes.includes(p.id));
  const [moveTarget, setMoveTarget] = useState<Record<string, string>>({});
  const [toAdd, setToAdd] = useState<string>(notHere[0]?.id ?? '');
  const patch = (change: (p: Phase) => Phase) => onChange(updatePhase(plan, phase.id, change));
  const addChoice = (notHere.find((p) => p.id === toAdd) ?? notHere[0])?.id;

  return (
    <div style={{ marginBlockStart: space.s }}>
      {status.rule1.map((i) => (
        <p key={i.code} style={{ color: token('color.text.warning', '#A54800'), fontSize: '13px', marginBlock: space.xs }}>
          Rule 1: {i.message}
        </p>
      ))}
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) repeat(3, minmax(0, 1fr)) minmax(0, 1.4fr)', gap: space.s, marginBlockStart: space.s }}>
        <div data-focus="name">
          <TextField label="Phase name" value={phase.name} readOnly={readOnly} onChange={(v) => patch((p) => ({ ...p, name: v }))} />
        </div>
        {plan.approach === 'subsets' ? (
          <div />
        ) : (
          <div data-focus="level">
            <PickerField
              label="Target level"
              width="100%"
              value={String(phase.targetLevel ?? 0)}
              disabled={readOnly}
              options={[0, 1, 2, 3].map((l) => ({ value: String(l), label: l === 0 ? 'None' : `Level ${ROMAN[l]}` }))}
              onChange={(v) => patch((p) => ({ ...p, targetLevel: Number(v) === 0 ? null : (Number(v) as 1 | 2 | 3) }))}
            />
          </div>
        )}
        <div data-focus="start">
          <DateField width="100%" label="Start" value={phase.start ?? ''} readOnly={readOnly} onChange={(v) => patch((p) => ({ ...p, start: v === '' ? null : v }))} />
        </div>
        <DateField width="100%" label="End" value={phase.end ?? ''} readOnly={readOnly} onChange={(v) => patch((p) => ({ ...p, end: v === '' ? null : v }))} />
        <UserPickerField width="100%" label="Owner" value={phase.owner} people={people} readOnly={readOnly} onChange={(v) => patch((p) => ({ ...p, owner: v }))} />
      </div>
      <div data-focus="objectives">
        <TextAreaField
          label="Objectives (one per line)"
          value={phase.objectives.join('\n')}
          readOnly={readOnly}
          rows={Math.max(3, phase.objectives.length + 1)}
          onChange={(v) => patch((p) => ({ ...p, objectives: v.split('\n') }))}
        />
      </div>

      <div data-focus="processes" style={{ marginBlockStart: space.s }}>
        <div style={caption}>Processes in this phase ({phase.boundary.processes.length})</div>
        {phase.boundary.processes.length === 0 && <p style={{ ...subtleText, marginBlock: space.xs }}>No processes yet.</p>}
        <ul aria-label={`Processes in ${label}`} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {phase.boundary.processes.map((pid) => {
            const target = moveTarget[pid] ?? others[0]?.id ?? '';
            return (
              <li key={pid} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: space.s, paddingBlock: '2px', borderBlockEnd: `1px solid ${token('color.border', '#091E4224')}` }}>
                <span style={{ flex: '1 1 16em', minWidth: 0, color: token('color.text', '#172B4D') }}>
                  {pid} {title(pid)}
                </span>
                {!readOnly && others.length > 0 && (
                  <>
                    <PickerField
                      hideLabel
                      width={220}
                      label={`Move ${pid} ${title(pid)} to`}
                      value={target}
                      options={others.map((o) => ({ value: o.id, label: o.name }))}
                      onChange={(v) => setMoveTarget((m) => ({ ...m, [pid]: v }))}
                    />
                    <Button spacing="compact" onClick={() => onChange(moveProcess(plan, pid, target, phase.id, order))} aria-label={`Move ${pid} ${title(pid)}`}>
                      Move
                    </Button>
                  </>
                )}
                {!readOnly && (
                  <Button spacing="compact" appearance="subtle" onClick={() => onChange(removeProcess(plan, phase.id, pid))} aria-label={`Remove ${pid} from ${label}`}>
                    Remove
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
        {!readOnly && notHere.length > 0 && (
          <div style={{ display: 'flex', gap: space.s, alignItems: 'center', marginBlockStart: space.s }}>
            <PickerField hideLabel width={320} label={`Process to add to ${label}`} value={addChoice ?? ''} options={notHere.map((p) => ({ value: p.id, label: `${p.id} ${p.title}` }))} onChange={setToAdd} />
            <Button spacing="compact" onClick={() => addChoice !== undefined && onChange(addProcess(plan, phase.id, addChoice, order))}>
              Add process
            </Button>
          </div>
        )}
      </div>
      <div data-focus="elements" style={{ marginBlockStart: space.m }}>
        <CheckboxGroup
          legend={`Related key elements (${phase.boundary.elements.length} of ${options.elements.length})`}
          columns={4}
          options={options.elements.map((e) => ({ value: e.id, label: e.name }))}
          selected={phase.boundary.elements}
          disabled={readOnly}
          onChange={(v) => patch((p) => ({ ...p, boundary: { ...p.boundary, elements: v as Phase['boundary']['elements'] } }))}
        />
      </div>

      {status.crossings.length > 0 && (
        <div style={{ marginBlockStart: space.m }}>
          <div style={caption}>
            Interfaces this phase must define (Rule 2): {status.flagged === 0 ? 'all defined' : `${status.flagged} of ${status.crossings.length} missing`}
          </div>
          {status.crossings.map((c) => {
            const text = phase.interfaces.find((i) => i.interactionId === c.interactionId)?.description ?? '';
            return (
              <div key={c.interactionId} data-focus={`interface:${c.interactionId}`} style={{ marginBlockStart: space.s, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: space.m, alignItems: 'start' }}>
                <div style={{ display: 'flex', gap: space.s, alignItems: 'flex-start', fontSize: '13px', paddingBlockStart: space.l, color: token('color.text', '#172B4D') }}>
                  <span style={{ flex: 'none' }}>{c.flagged ? <Lozenge appearance="removed">No interface</Lozenge> : <Lozenge appearance="success">Defined</Lozenge>}</span>
                  <span>
                    {c.from} {title(c.from)} → {c.to} {title(c.to)}: <span style={subtleText}>{c.what}</span>
                  </span>
                </div>
                <TextAreaField label={`Interface for ${c.from} → ${c.to}`} value={text} readOnly={readOnly} rows={2} onChange={(v) => onChange(setInterface(plan, phase.id, c.interactionId, v))} />
              </div>
            );
          })}
        </div>
      )}

      {!readOnly && (
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginBlockStart: space.s }}>
          <Button appearance="subtle" onClick={onRemove} aria-label={`Remove ${label}`}>
            Remove phase
          </Button>
        </div>
      )}
    </div>
  );
}
