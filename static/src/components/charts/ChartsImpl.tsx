/**
 * The charts, drawn with recharts (the same library as the Confluence report macro) in design-token colours, so
 * light and dark follow the host theme. Loaded lazily (charts.tsx): recharts never weighs on a view's first
 * script. Each chart is an image with a text alternative; the figures are also in the text beside it.
 */
import { token } from '@atlaskit/tokens';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BarDatum, TrendSeries } from './charts';

export const axisTick = { fill: token('color.text.subtle', '#44546F'), fontSize: 12 };
export const grid = token('color.border', '#091E4224');
/** Recharts' default tooltip is white whatever the theme: this one follows it (dark text on white failed axe in dark). */
export const tooltipStyle = {
  background: token('elevation.surface.overlay', '#FFFFFF'),
  border: `1px solid ${token('color.border', '#091E4224')}`,
  color: token('color.text', '#172B4D'),
  fontSize: 12,
};

const TONE: Record<NonNullable<BarDatum['tone']>, string> = {
  good: token('color.chart.success.bold', '#22A06B'),
  warn: token('color.chart.warning.bold', '#E2B203'),
  bad: token('color.chart.danger.bold', '#E34935'),
  neutral: token('color.chart.brand', '#1D7AFC'),
};

const SERIES = [
  token('color.chart.brand', '#1D7AFC'),
  token('color.chart.success.bold', '#22A06B'),
  token('color.chart.discovery.bold', '#8F7EE7'),
  token('color.chart.warning.bold', '#E2B203'),
  token('color.chart.danger.bold', '#E34935'),
  token('color.chart.gray.bolder', '#758195'),
];

export function HorizontalBarsImpl({ data, max, unit, labelWidth = 180 }: { data: readonly BarDatum[]; max?: number; unit?: string; labelWidth?: number }) {
  const height = Math.max(80, data.length * 26 + 30);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={[...data]} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }}>
        <CartesianGrid horizontal={false} stroke={grid} />
        <XAxis type="number" domain={[0, max ?? 'auto']} tick={axisTick} stroke={grid} allowDecimals={false} unit={unit} />
        <YAxis type="category" dataKey="label" width={labelWidth} tick={axisTick} stroke={grid} interval={0} />
        <Tooltip contentStyle={tooltipStyle} cursor={{ fill: token('color.background.neutral.subtle.hovered', '#091E420F') }} formatter={(v) => [`${String(v)}${unit ?? ''}`, '']} separator="" />
        <Bar dataKey="value" isAnimationActive={false} radius={[0, 3, 3, 0]}>
          {data.map((d) => (
            <Cell key={d.label} fill={TONE[d.tone ?? 'neutral']} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

export function TrendImpl({ labels, series, yTicks }: { labels: readonly string[]; series: readonly TrendSeries[]; yTicks?: { value: number; label: string }[] }) {
  const rows = labels.map((label, i) => Object.fromEntries([['label', label], ...series.map((s) => [s.name, s.values[i] ?? null])]));
  const tickName = new Map(yTicks?.map((t) => [t.value, t.label]));
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart data={rows} margin={{ top: 8, right: 24, bottom: 4, left: 4 }}>
        <CartesianGrid stroke={grid} />
        <XAxis dataKey="label" tick={axisTick} stroke={grid} />
        <YAxis tick={axisTick} stroke={grid} allowDecimals={false} {...(yTicks ? { ticks: yTicks.map((t) => t.value), tickFormatter: (v: number) => tickName.get(v) ?? String(v) } : {})} />
        <Tooltip contentStyle={tooltipStyle} />
        <Legend wrapperStyle={{ color: token('color.text', '#172B4D'), fontSize: 12 }} />
        {series.map((s, i) => (
          <Line key={s.name} type="monotone" dataKey={s.name} stroke={SERIES[i % SERIES.length]} strokeWidth={2} dot isAnimationActive={false} connectNulls />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
