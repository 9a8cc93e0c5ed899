/**
 * The plan's issues grouped by rule, shown above the phases. Each issue about a phase has a button that expands
 * that phase and focuses the control to fix (the interface field for a Rule 2 issue). Long groups show their
 * first few issues and the rest behind a "Show n more" toggle.
 */
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { Plan, PlanCheck, PlanIssue } from '@contract/plan';
import { Section, space } from '../../../components/kit/layout';
import { type FocusTarget, focusTargetFor } from './phase-summary';

const GROUPS: { rule: PlanIssue['rule']; title: string }[] = [
  { rule: 'rule-1', title: 'Rule 1: each phase states objectives and a boundary' },
  { rule: 'rule-2', title: 'Rule 2: interactions across phase boundaries need an interface' },
  { rule: 'coverage', title: 'Coverage of the in-scope processes' },
  { rule: 'levels', title: 'Maturity levels' },
  { rule: 'dates', title: 'Dates' },
  { rule: 'structure', title: 'Structure' },
];

/** Issues listed per group before the "Show n more" toggle. */
const FIRST = 4;

interface Props {
  check: PlanCheck;
  plan: Plan;
  onShow: (phaseId: string, target: FocusTarget) => void;
}

export function PlanIssues({ check, plan, onShow }: Props) {
  const [open, setOpen] = useState<Partial<Record<PlanIssue['rule'], boolean>>>({});
  const phaseIndex = (id: string | undefined) => (id === undefined ? -1 : plan.phases.findIndex((p) => p.id === id));
  return (
    <Section title={`Issues (${check.issues.length})`}>
      {check.issues.length === 0 ? (
        <SectionMessage appearance="success" title="The plan meets Rules 1 and 2">
          <p>Every phase has objectives and a boundary, and every interaction crossing a phase boundary has an interface.</p>
        </SectionMessage>
      ) : (
        GROUPS.map((g) => {
          const list = check.issues.filter((i) => i.rule === g.rule);
          if (list.length === 0) return null;
          const all = open[g.rule] === true;
          const shown = all ? list : list.slice(0, FIRST);
          const hidden = list.length - FIRST;
          return (
            <div key={g.rule} style={{ marginBlockEnd: space.s }}>
              <div style={{ fontWeight: 600, color: token('color.text', '#172B4D') }}>
                {g.title} ({list.length})
              </div>
              <ul aria-label={g.title} style={{ listStyle: 'none', paddingInlineStart: 0, margin: 0 }}>
                {shown.map((i, n) => {
                  const at = phaseIndex(i.phaseId);
                  return (
                    <li
                      key={`${i.code}-${i.phaseId ?? ''}-${i.interactionId ?? i.processId ?? n}`}
                      style={{ display: 'flex', alignItems: 'baseline', gap: space.s, paddingBlock: '2px', color: token('color.text', '#172B4D'), fontSize: '13px' }}
                    >
                      <span style={{ flex: 'none' }}>
                        <Lozenge appearance={i.severity === 'error' ? 'removed' : 'moved'}>{i.severity}</Lozenge>
                      </span>
                      <span style={{ flex: '1 1 auto', minWidth: 0 }}>{i.message}</span>
                      {at >= 0 && i.phaseId !== undefined && (
                        <span style={{ flex: 'none' }}>
                          <Button spacing="compact" appearance="subtle" onClick={() => onShow(i.phaseId as string, focusTargetFor(i))}>
                            {`Go to Phase ${at + 1}`}
                          </Button>
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
              {hidden > 0 && (
                <Button spacing="compact" appearance="subtle" aria-expanded={all} onClick={() => setOpen((o) => ({ ...o, [g.rule]: !all }))}>
                  {all ? `Show the first ${FIRST} only` : `Show ${hidden} more`}
                </Button>
              )}
            </div>
          );
        })
      )}
    </Section>
  );
}
