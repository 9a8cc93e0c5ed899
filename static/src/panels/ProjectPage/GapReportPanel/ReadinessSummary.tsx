import { token } from '@atlaskit/tokens';
import type { GapReportView } from '@contract/gap-report';
import { HorizontalBars } from '../../../components/charts/charts';
import { Section, space } from '../../../components/kit/layout';
import { subtleText } from '../../../components/kit/text';
import { asEvidence, plural } from '../../../format/counts';

const cell = { padding: space.s, borderBlockEnd: `1px solid ${token('color.border', '#091E4224')}`, textAlign: 'start' as const };

/** Overall readiness, per clause group, and the formula with its figures. */
export function ReadinessSummary({ view }: { view: GapReportView }) {
  const { overall, overallFormula, byGroup } = view.readiness;
  return (
    <Section title="Readiness" description="Weighted share of the clauses of 4 to 10 that hold up; every clause counts.">
      <p style={{ fontSize: '24px', fontWeight: 600, margin: 0 }} aria-label={`Overall readiness ${overall.percent} percent`}>
        {overall.percent} %
      </p>
      <p style={subtleText}>
        Overall: {overallFormula} · {plural(overall.clauseCount, 'clause')} · {plural(view.warningCount, 'warning')} · {asEvidence(view.evidenceCount)}
      </p>
      <HorizontalBars
        title="Readiness per clause group (%)"
        unit=" %"
        max={100}
        labelWidth={220}
        data={byGroup.map((g) => ({ label: `${g.groupId} ${g.title}`, value: g.figures.percent, tone: g.figures.percent >= 80 ? 'good' : g.figures.percent >= 50 ? 'warn' : 'bad' }))}
      />
      <details>
      <summary>Readiness per clause group with the figures</summary>
      <table style={{ borderCollapse: 'collapse', width: '100%', marginBlock: space.s }}>
        <caption style={{ textAlign: 'start', fontSize: '12px', fontWeight: 600, paddingBlockEnd: space.xs, ...subtleText }}>Readiness per clause group</caption>
        <thead>
          <tr>
            <th scope="col" style={cell}>Clause</th>
            <th scope="col" style={cell}>Readiness</th>
            <th scope="col" style={cell}>Figures</th>
          </tr>
        </thead>
        <tbody>
          {byGroup.map((g) => (
            <tr key={g.groupId}>
              <th scope="row" style={cell}>
                {g.groupId} {g.title}
              </th>
              <td style={cell}>{g.figures.percent} %</td>
              <td style={{ ...cell, ...subtleText }}>{g.formula}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </details>
      <details>
        <summary>How readiness is calculated and results are proposed</summary>
        <div style={{ paddingBlock: space.s }}>
          {view.formula.split('\n').map((line) => (
            <p key={line}>{line}</p>
          ))}
          {view.proposalRules.split('\n').map((line) => (
            <p key={line} style={subtleText}>
              {line}
            </p>
          ))}
          {view.evidenceRule.split('\n').map((line) => (
            <p key={line} style={subtleText}>
              {line}
            </p>
          ))}
        </div>
      </details>
    </Section>
  );
}
