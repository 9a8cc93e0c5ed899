/**
 * Rule 2: every process interaction that crosses a phase boundary, grouped by the phase that must define its
 * interface. In each group the interactions without an interface come first; those with one are folded behind
 * "Show n interactions with an interface". "Define" / "Edit" opens the phase and focuses the interface field.
 */
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { useState, type CSSProperties } from 'react';
import type { CrossPhaseInteraction, Plan, PlanCheck, PlanOptions } from '@contract/plan';
import { Section, space } from '../../../components/kit/layout';
import { subtleText, visuallyHidden } from '../../../components/kit/text';
import { type FocusTarget, flaggedFirst } from './phase-summary';

const cell: CSSProperties = { padding: `${space.xs} ${space.s}`, borderBlockEnd: `1px solid ${token('color.border', '#091E4224')}`, textAlign: 'left', verticalAlign: 'top' };
const COLUMNS = 6;

interface Props {
  check: PlanCheck;
  plan: Plan;
  options: PlanOptions;
  readOnly: boolean;
  onShow: (phaseId: string, target: FocusTarget) => void;
}

export function CrossPhaseTable({ check, plan, options, readOnly, onShow }: Props) {
  const [shown, setShown] = useState<Record<string, boolean>>({});
  const title = (id: string) => options.processes.find((p) => p.id === id)?.title ?? id;
  const phaseNo = (id: string | null) => {
    if (id === null) return 'Outside the plan';
    const n = plan.phases.findIndex((p) => p.id === id);
    return n < 0 ? id : `Phase ${n + 1}`;
  };
  const flagged = check.crossings.filter((c) => c.flagged).length;
  // Groups in plan order; a crossing required in a phase no longer in the draft goes last under its id.
  const groups: { phaseId: string; label: string; list: CrossPhaseInteraction[] }[] = [];
  for (const [n, p] of plan.phases.entries()) {
    const list = check.crossings.filter((c) => c.requiredInPhaseId === p.id);
    if (list.length > 0) groups.push({ phaseId: p.id, label: `Phase ${n + 1}: ${p.name}`, list: flaggedFirst(list) });
  }
  const orphans = check.crossings.filter((c) => !plan.phases.some((p) => p.id === c.requiredInPhaseId));
  if (orphans.length > 0) groups.push({ phaseId: '', label: 'Phases no longer in the plan', list: flaggedFirst(orphans) });

  const row = (c: CrossPhaseInteraction, phaseId: string) => {
    const pair = `${c.from} → ${c.to}`;
    return (
      <tr key={c.interactionId}>
        <td style={cell}>
          {c.from} {title(c.from)} → {c.to} {title(c.to)}
        </td>
        <td style={{ ...cell, ...subtleText, fontSize: '13px' }}>{c.what}</td>
        <td style={cell}>{phaseNo(c.fromPhaseId)}</td>
        <td style={cell}>{phaseNo(c.toPhaseId)}</td>
        <td style={cell}>{c.flagged ? <Lozenge appearance="removed">No interface</Lozenge> : <Lozenge appearance="success">Defined</Lozenge>}</td>
        <td style={{ ...cell, textAlign: 'right' }}>
          {phaseId !== '' && (
            <Button spacing="compact" appearance={c.flagged && !readOnly ? 'default' : 'subtle'} aria-label={`${c.flagged && !readOnly ? 'Define' : readOnly ? 'View' : 'Edit'} the interface for ${pair}`} onClick={() => onShow(phaseId, { kind: 'interface', interactionId: c.interactionId })}>
              {c.flagged && !readOnly ? 'Define' : readOnly ? 'View' : 'Edit'}
            </Button>
          )}
        </td>
      </tr>
    );
  };

  return (
    <Section
      title={`Cross-phase interactions (${check.crossings.length})`}
      description={
        check.crossings.length === 0
          ? 'No process interaction crosses a phase boundary.'
          : `${flagged === 0 ? `Every one has an interface.` : `${flagged} of ${check.crossings.length} have no interface yet.`} Each is defined in the phase it is grouped under (the later phase of the two).`
      }
    >
      {check.crossings.length > 0 && (
        <table aria-label="Cross-phase interactions" style={{ borderCollapse: 'collapse', width: '100%', color: token('color.text', '#172B4D') }}>
          <thead>
            <tr>
              <th style={cell}>Interaction</th>
              <th style={cell}>What passes</th>
              <th style={cell}>From phase</th>
              <th style={cell}>To phase</th>
              <th style={cell}>Status</th>
              <th style={cell}>
                <span style={visuallyHidden}>Action</span>
              </th>
            </tr>
          </thead>
          {groups.map((g) => {
            const missing = g.list.filter((c) => c.flagged);
            const defined = g.list.filter((c) => !c.flagged);
            const open = shown[g.phaseId] === true;
            const n = defined.length;
            const noun = n === 1 ? 'interaction' : 'interactions';
            return (
              <tbody key={g.phaseId}>
                <tr>
                  <th scope="rowgroup" colSpan={COLUMNS} style={{ ...cell, background: token('color.background.neutral', '#091E420F'), paddingBlock: space.s }}>
                    <span style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: space.s }}>
                      <span>
                        Interface in {g.label}{' '}
                        <span style={{ ...subtleText, fontWeight: 400 }}>{missing.length === 0 ? `· all ${g.list.length} defined` : `· ${missing.length} of ${g.list.length} missing`}</span>
                      </span>
                    </span>
                  </th>
                </tr>
                {missing.map((c) => row(c, g.phaseId))}
                {open && defined.map((c) => row(c, g.phaseId))}
                {n > 0 && (
                  <tr>
                    <td colSpan={COLUMNS} style={cell}>
                      <Button
                        spacing="compact"
                        appearance="subtle"
                        aria-expanded={open}
                        aria-label={`${open ? 'Hide' : 'Show'} ${n} ${noun} with an interface in ${g.label}`}
                        onClick={() => setShown((s) => ({ ...s, [g.phaseId]: !open }))}
                      >
                        {`${open ? 'Hide' : 'Show'} ${n} ${noun} with an interface`}
                      </Button>
                    </td>
                  </tr>
                )}
              </tbody>
            );
          })}
        </table>
      )}
    </Section>
  );
}
