/**
 * The figures of a phase evaluation: KPIs baseline → now (each JQL KPI computed from Jira as the viewer, its query
 * shown and linked), the phase's processes against its target maturity, and how far its epics are done (the
 * counts link to the searches that find them).
 */
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import type { KpiNowView, KpiRow, MaturityRow, PhaseEvaluationView, TracedFigure } from '@contract/evaluation';
import { Section, space } from '../../../components/kit/layout';
import { subtleText } from '../../../components/kit/text';
import { JqlLink } from '../../IssuePanel/JqlLink';
import { IssueLink } from '../../../components/IssueLink';

export const cell = { padding: space.s, borderBlockEnd: `1px solid ${token('color.border', '#091E4224')}`, textAlign: 'start' as const, verticalAlign: 'top' as const };
const ROMAN = ['0', 'I', 'II', 'III'] as const;
const level = (l: number | null): string => (l === null ? '—' : l === 0 ? 'Below Level I' : `Level ${ROMAN[l] ?? l}`);
const num = (v: number | null, unit = ''): string => (v === null ? '—' : `${Number.isInteger(v) ? v : v.toFixed(2)}${unit === '' ? '' : ` ${unit}`}`);

/** A table of figures with its caption and column headings; the rows are the children. */
function FigureTable({ caption, columns, children }: { caption: string; columns: readonly string[]; children: ReactNode }) {
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }}>
      <caption style={{ textAlign: 'start', fontSize: '12px', fontWeight: 600, paddingBlockEnd: space.xs, ...subtleText }}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col" style={cell}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** A count with the search that finds it (exact), or within which it was counted. */
export function Figure({ figure }: { figure: TracedFigure }) {
  return (
    <JqlLink jql={figure.jql} label={`${figure.label}: ${figure.value}. Open the search in Jira`}>
      {figure.value}
    </JqlLink>
  );
}

function KpiTable({ rows, now }: { rows: KpiRow[]; now: KpiNowView[] }) {
  if (rows.length === 0) return <p style={subtleText}>No KPIs yet. Define them with the baseline in the Initiation view; their values then show here from baseline to now.</p>;
  const how = new Map(now.map((n) => [n.kpiId, n]));
  return (
    <FigureTable caption="KPIs from baseline to now" columns={['KPI', 'Baseline', 'Now', 'Target', 'Change', 'Source']}>
        {rows.map((k) => {
          const n = how.get(k.kpiId);
          return (
            <tr key={k.kpiId}>
              <th scope="row" style={cell}>{k.name}</th>
              <td style={cell}>{num(k.baseline, k.unit)}</td>
              <td style={cell}>
                {num(k.now, k.unit)}
                <div style={{ ...subtleText, fontSize: '12px' }}>{n?.computed === true ? 'computed from Jira now' : k.jql === null ? 'latest entered value' : 'latest recorded value'}</div>
              </td>
              <td style={cell}>
                {num(k.target, k.unit)} {k.target !== null && <Lozenge appearance={k.targetMet ? 'success' : 'default'}>{k.targetMet ? 'Met' : 'Not yet'}</Lozenge>}
              </td>
              <td style={cell}>
                {k.change === null ? '—' : `${k.change > 0 ? '+' : ''}${num(k.change)}`}{' '}
                {k.improved !== null && <Lozenge appearance={k.improved ? 'success' : k.change === 0 ? 'default' : 'removed'}>{k.improved ? 'Better' : k.change === 0 ? 'Same' : 'Worse'}</Lozenge>}
              </td>
              <td style={{ ...cell, maxWidth: '340px', overflowWrap: 'anywhere' }}>
                {k.jql === null ? (
                  <span style={subtleText}>Entered by hand</span>
                ) : (
                  <JqlLink jql={k.jql} label={`Open the query of ${k.name} in Jira`}>
                    <code>{k.jql}</code>
                  </JqlLink>
                )}
                {n?.error != null && (
                  <div role="note" style={{ color: token('color.text.warning', '#A54800'), fontSize: '12px' }}>
                    Not computed now: {n.error}
                  </div>
                )}
              </td>
            </tr>
          );
        })}
      </FigureTable>
  );
}

function MaturityTable({ rows }: { rows: MaturityRow[] }) {
  if (rows.length === 0) return <p style={subtleText}>The phase has no processes in its boundary.</p>;
  return (
    <FigureTable caption="Processes of the phase against its target (from the Maturity assessment; “at start” is the baseline snapshot)" columns={['Process', 'At start', 'Now', 'Target', 'Reached']}>
        {rows.map((m) => (
          <tr key={m.processId}>
            <th scope="row" style={cell}>
              {m.processId} {m.title}
            </th>
            <td style={cell}>{level(m.atStart)}</td>
            <td style={cell}>{level(m.current)}</td>
            <td style={cell}>{level(m.target)}</td>
            <td style={cell}>
              <Lozenge appearance={m.reached ? 'success' : 'removed'}>{m.reached ? 'Reached' : 'Not reached'}</Lozenge>
            </td>
          </tr>
        ))}
      </FigureTable>
  );
}

function EpicTable({ epics }: { epics: PhaseEvaluationView['epics'] }) {
  if (epics.epics.length === 0) {
    return <p style={subtleText}>No epics for this phase yet: “Create in Jira” in the Phases view makes them; their work items are then counted here.</p>;
  }
  return (
    <>
      <p data-testid="epic-completion">
        <strong>{epics.percent} %</strong> done: <Figure figure={epics.done} /> of <Figure figure={epics.total} /> work items under the phase’s {epics.epics.length === 1 ? 'epic' : `${epics.epics.length} epics`}.
      </p>
      <FigureTable caption="Work items per epic" columns={['Epic', 'Done', 'In progress', 'To do', 'Done %']}>
          {epics.epics.map((e) => (
            <tr key={e.epicKey}>
              <th scope="row" style={cell}>
                <IssueLink issueKey={e.epicKey} />
              </th>
              <td style={cell}>{e.done}</td>
              <td style={cell}>{e.inProgress}</td>
              <td style={cell}>{e.toDo}</td>
              <td style={cell}>{e.percent} %</td>
            </tr>
          ))}
        </FigureTable>
    </>
  );
}

export function EvaluationFigures({ view, kpiNow }: { view: PhaseEvaluationView; kpiNow: KpiNowView[] }) {
  return (
    <>
      <Section title="KPIs: baseline → now" description="JQL KPIs are counted in Jira as you, now; KPIs entered by hand show their latest value.">
        <KpiTable rows={view.kpis} now={kpiNow} />
      </Section>
      <Section title="Maturity against the phase target">
        <MaturityTable rows={view.maturity} />
      </Section>
      <Section title="Completion of the phase’s epics">
        <EpicTable epics={view.epics} />
      </Section>
    </>
  );
}
