/** Readiness per clause group (bars) and over the published reports (line), drawn with recharts in design-token colours. */
import { token } from '@atlaskit/tokens';
import type { ReadinessMacroView } from '@contract/gap-report';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { axisTick as axis, grid, tooltipStyle } from '../components/charts/ChartsImpl';
import { space } from '../components/kit/layout';
import { subtleText } from '../components/kit/text';
import { distinctDateLabels } from '../format/dates';


export default function MacroCharts({ view }: { view: ReadinessMacroView }) {
  const groups = view.groups.map((g) => ({ name: g.groupId, title: `${g.groupId} ${g.title}`, percent: g.percent }));
  const publishes = view.trend.filter((p) => !p.live);
  const published = publishes.length;
  // Each publish gets its own label from the one date formatter ("Dec 2, 2026"; with the time when two share a day).
  const labels = distinctDateLabels(publishes.map((p) => p.at));
  let next = 0;
  const trend = view.trend.map((p) => ({ at: p.live ? 'Now' : (labels[next++] ?? p.at), percent: p.percent }));
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.m }}>
      <figure style={{ flex: '1 1 320px', margin: 0 }} aria-label="Readiness per clause group">
        <figcaption style={{ ...subtleText, marginBottom: space.xs }}>Readiness per clause group (%)</figcaption>
        <div style={{ height: 220 }} data-testid="macro-group-chart">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={groups} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid stroke={grid} vertical={false} />
              <XAxis dataKey="name" tick={axis} />
              <YAxis domain={[0, 100]} tick={axis} />
              <Tooltip contentStyle={tooltipStyle} formatter={(v) => [`${String(v)} %`, 'Readiness']} labelFormatter={(_l, items) => String(items[0]?.payload?.title ?? '')} />
              <Bar dataKey="percent" name="Readiness" fill={token('color.chart.brand', '#1D7AFC')} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
        <ul style={{ ...subtleText, fontSize: 12, margin: `${space.xs} 0 0`, paddingInlineStart: space.m }}>
          {groups.map((g) => (
            <li key={g.name}>
              {g.title}: {g.percent} %
            </li>
          ))}
        </ul>
      </figure>
      <figure style={{ flex: '1 1 320px', margin: 0 }} aria-label="Readiness over the published reports">
        <figcaption style={{ ...subtleText, marginBottom: space.xs }}>Readiness over the published reports (%)</figcaption>
        <div style={{ height: 220 }} data-testid="macro-trend-chart">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={trend} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid stroke={grid} vertical={false} />
              {/* Inset, so that the first publish's label fits beside the y axis (recharts drops a tick label that overflows). */}
              <XAxis dataKey="at" tick={axis} padding={{ left: 64, right: 24 }} />
              <YAxis domain={[0, 100]} tick={axis} />
              <Tooltip contentStyle={tooltipStyle} formatter={(v) => [`${String(v)} %`, 'Readiness']} />
              <Line dataKey="percent" name="Readiness" stroke={token('color.chart.success.bold', '#22A06B')} strokeWidth={2} dot isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
        {published === 0 && (
          <p style={{ ...subtleText, fontSize: 12, margin: `${space.xs} 0 0` }}>
            No gap report has been published yet: the only point is today&apos;s live figure; the trend grows with each publish.
          </p>
        )}
      </figure>
    </div>
  );
}
