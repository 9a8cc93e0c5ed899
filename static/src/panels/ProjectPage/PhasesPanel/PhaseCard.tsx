/**
 * One phase of the plan as a disclosure: a compact summary (dates, owner, objectives, processes as chips by
 * process group, related elements, Rule 1 / Rule 2 status) that expands to the full editor. The heading's
 * button carries aria-expanded; a focus request from the issues list or the crossings table expands the card
 * and focuses the control the problem is about.
 */
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { useEffect, useId, useRef, type CSSProperties } from 'react';
import type { PeopleNames } from '@contract/people';
import type { Phase, Plan, PlanCheck, PlanOptions } from '@contract/plan';
import { Card, space } from '../../../components/kit/layout';
import { ROMAN, Who, subtleText } from '../../../components/kit/text';
import { PhaseEditor } from './PhaseEditor';
import { type FocusRequest, dateRange, focusKey, groupProcesses, objectiveCount, phaseStatus } from './phase-summary';

interface Props {
  plan: Plan;
  phase: Phase;
  index: number;
  options: PlanOptions;
  /** Display names of the saved plan's owners (an owner typed as text, or not saved yet, shows as typed). */
  people: PeopleNames;
  check: PlanCheck | null;
  readOnly: boolean;
  expanded: boolean;
  onToggle: () => void;
  focus: FocusRequest | null;
  onChange: (plan: Plan) => void;
  onRemove: () => void;
}

const disclosure: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: space.s,
  background: 'none',
  border: 'none',
  borderRadius: token('radius.small', '3px'),
  padding: `${space.xs} ${space.xs}`,
  marginInlineStart: `calc(-1 * ${space.xs})`,
  font: 'inherit',
  fontSize: '16px',
  fontWeight: 600,
  lineHeight: '20px',
  color: token('color.text', '#172B4D'),
  cursor: 'pointer',
  textAlign: 'start',
};

const chip: CSSProperties = {
  display: 'inline-block',
  padding: `1px ${space.s}`,
  borderRadius: token('radius.small', '3px'),
  background: token('color.background.neutral', '#091E420F'),
  color: token('color.text', '#172B4D'),
  fontSize: '12px',
  lineHeight: '18px',
  whiteSpace: 'nowrap',
  maxWidth: '100%',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
};

const inlineList: CSSProperties = { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', gap: space.xs };

function Chevron({ open }: { open: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" style={{ flex: 'none', transform: open ? 'rotate(90deg)' : 'none', transition: 'transform 120ms' }}>
      <path d="M6 3.5 10.5 8 6 12.5" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function PhaseCard({ plan, phase, index, options, people, check, readOnly, expanded, onToggle, focus, onChange, onRemove }: Props) {
  const label = `Phase ${index + 1}: ${phase.name}`;
  const bodyId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const status = phaseStatus(phase, check);
  const objectives = objectiveCount(phase);
  const elements = phase.boundary.elements.length;
  const groups = groupProcesses(phase.boundary.processes, options);

  // Expand-and-focus requests: runs after the render that opened the editor.
  const seq = focus !== null && focus.phaseId === phase.id ? focus.seq : 0;
  const handled = useRef(0);
  useEffect(() => {
    if (seq <= handled.current || focus === null || !expanded) return;
    handled.current = seq;
    const key = focusKey(focus.target);
    const wrap = key === null ? null : bodyRef.current?.querySelector(`[data-focus="${CSS.escape(key)}"]`);
    const control = wrap?.querySelector<HTMLElement>('input:not([type=hidden]), textarea, select, button') ?? buttonRef.current;
    control?.focus();
    control?.scrollIntoView({ block: 'center' });
    // Only a new request (seq) or the opening it caused moves focus, not every edit.
  }, [seq, expanded]);

  return (
    <Card label={label} tone={status.rule1.length > 0 || status.flagged > 0 ? 'warning' : 'default'}>
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'center', gap: space.s }}>
        <h3 style={{ margin: 0, minWidth: 0 }}>
          <button ref={buttonRef} type="button" aria-expanded={expanded} aria-controls={bodyId} style={disclosure} onClick={onToggle}>
            <Chevron open={expanded} />
            <span>{label}</span>
          </button>
        </h3>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.xs, alignItems: 'center' }}>
          {phase.targetLevel !== null && phase.targetLevel > 0 && <Lozenge appearance="new">{`Level ${ROMAN[phase.targetLevel]}`}</Lozenge>}
          {status.rule1.length === 0 ? (
            <Lozenge appearance="success">Rule 1 met</Lozenge>
          ) : (
            <Lozenge appearance="removed">{`Rule 1: ${status.rule1.length} ${status.rule1.length === 1 ? 'gap' : 'gaps'}`}</Lozenge>
          )}
          {status.crossings.length === 0 ? (
            <Lozenge>Rule 2: none due</Lozenge>
          ) : status.flagged === 0 ? (
            <Lozenge appearance="success">{`Rule 2 met (${status.crossings.length})`}</Lozenge>
          ) : (
            <Lozenge appearance="removed" maxWidth={260}>{`Rule 2: ${status.flagged} of ${status.crossings.length} missing`}</Lozenge>
          )}
        </div>
      </div>

      <div id={bodyId} ref={bodyRef}>
        {expanded ? (
          <PhaseEditor plan={plan} phase={phase} label={label} options={options} people={people} status={status} readOnly={readOnly} onChange={onChange} onRemove={onRemove} />
        ) : (
          <div style={{ marginBlockStart: space.s }}>
            <div style={{ ...subtleText, fontSize: '13px', display: 'flex', flexWrap: 'wrap', columnGap: space.m, rowGap: space.xs }}>
              <span>{dateRange(phase)}</span>
              <span>Owner: {phase.owner === null ? 'not set' : <Who accountId={phase.owner} people={people} />}</span>
              <span>
                {objectives} {objectives === 1 ? 'objective' : 'objectives'}
              </span>
              <span>
                {elements} related {elements === 1 ? 'element' : 'elements'}
              </span>
            </div>
            {groups.length === 0 ? (
              <p style={{ ...subtleText, fontSize: '13px', marginBlock: `${space.s} 0` }}>No processes yet.</p>
            ) : (
              <ul aria-label={`Processes in ${label}`} style={{ listStyle: 'none', padding: 0, margin: `${space.s} 0 0 0`, display: 'grid', gap: space.xs }}>
                {groups.map((g) => (
                  <li key={g.group} style={{ display: 'grid', gridTemplateColumns: 'minmax(8em, 15em) minmax(0, 1fr)', alignItems: 'start', gap: space.s }}>
                    <span style={{ ...subtleText, fontSize: '12px', fontWeight: 600, lineHeight: '20px' }}>
                      {g.group === 'other' ? g.title : `${g.group} ${g.title}`}
                    </span>
                    <ul aria-label={`${g.title} processes`} style={inlineList}>
                      {g.processes.map((p) => (
                        <li key={p.id} style={chip}>
                          <span style={subtleText}>{p.id}</span> {p.title}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </Card>
  );
}
