/** The plan's check: issues grouped by rule, and every interaction that crosses a phase boundary. */
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { PlanCheck, PlanIssue, PlanOptions, Plan } from '@contract/plan';
import { Section, space, subtleText } from '../../../components/PanelKit';

const GROUPS: { rule: PlanIssue['rule']; title: string }[] = [
  { rule: 'rule-1', title: 'Rule 1: each phase states objectives and a boundary' },
  { rule: 'rule-2', title: 'Rule 2: interactions across phase boundaries need an interface' },
  { rule: 'coverage', title: 'Coverage of the in-scope processes' },
  { rule: 'levels', title: 'Maturity levels' },
  { rule: 'dates', title: 'Dates' },
  { rule: 'structure', title: 'Structure' },
];

const cell = { padding: `${space.xs} ${space.s}`, borderBlockEnd: `1px solid ${token('color.border', '#091E4224')}`, textAlign: 'left' as const, verticalAlign: 'top' as const };

export function PlanIssues({ check, plan, options }: { check: PlanCheck; plan: Plan; options: PlanOptions }) {
  const title = (id: string) => options.processes.find((p) => p.id === id)?.title ?? id;
  const phaseName = (id: string | null) => (id === null ? 'outside the plan' : (plan.phases.find((p) => p.id === id)?.name ?? id));
  const flagged = check.crossings.filter((c) => c.flagged).length;
  return (
    <>
      <Section title={`Issues (${check.issues.length})`}>
        {check.issues.length === 0 ? (
          <SectionMessage appearance="success" title="The plan meets Rules 1 and 2">
            <p>Every phase has objectives and a boundary, and every interaction crossing a phase boundary has an interface.</p>
          </SectionMessage>
        ) : (
          GROUPS.map((g) => {
            const list = check.issues.filter((i) => i.rule === g.rule);
            if (list.length === 0) return null;
            return (
              <div key={g.rule} style={{ marginBlockEnd: space.s }}>
                <div style={{ fontWeight: 600, color: token('color.text', '#172B4D') }}>
                  {g.title} ({list.length})
                </div>
                <ul aria-label={g.title} style={{ paddingInlineStart: space.m, margin: 0 }}>
                  {list.map((i, n) => (
                    <li key={`${i.code}-${i.phaseId ?? ''}-${i.interactionId ?? i.processId ?? n}`}>
                      <Lozenge appearance={i.severity === 'error' ? 'removed' : 'moved'}>{i.severity}</Lozenge> {i.message}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })
        )}
      </Section>
      <Section
        title={`Cross-phase interactions (${check.crossings.length})`}
        description={
          check.crossings.length === 0
            ? 'No process interaction crosses a phase boundary.'
            : `${flagged} of ${check.crossings.length} have no interface yet. Define each one in the phase named under “Interface in”.`
        }
      >
        {check.crossings.length > 0 && (
          <table aria-label="Cross-phase interactions" style={{ borderCollapse: 'collapse', width: '100%' }}>
            <thead>
              <tr>
                <th style={cell}>Interaction</th>
                <th style={cell}>What passes</th>
                <th style={cell}>From phase</th>
                <th style={cell}>To phase</th>
                <th style={cell}>Interface in</th>
                <th style={cell}>Status</th>
              </tr>
            </thead>
            <tbody>
              {check.crossings.map((c) => (
                <tr key={c.interactionId}>
                  <td style={cell}>
                    {c.from} {title(c.from)} → {c.to} {title(c.to)}
                  </td>
                  <td style={{ ...cell, ...subtleText }}>{c.what}</td>
                  <td style={cell}>{phaseName(c.fromPhaseId)}</td>
                  <td style={cell}>{phaseName(c.toPhaseId)}</td>
                  <td style={cell}>{phaseName(c.requiredInPhaseId)}</td>
                  <td style={cell}>{c.flagged ? <Lozenge appearance="removed">No interface</Lozenge> : <Lozenge appearance="success">Defined</Lozenge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </>
  );
}
