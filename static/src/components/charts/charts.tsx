/**
 * Chart components every view uses: lazily loaded (React.lazy), so recharts is fetched only when a chart is on
 * screen. Each is a <figure> whose image has a text alternative (`summary`); the figures are also given as text.
 */
import { token } from '@atlaskit/tokens';
import { Suspense, lazy } from 'react';

export interface BarDatum {
  label: string;
  value: number;
  tone?: 'good' | 'warn' | 'bad' | 'neutral';
}

export interface TrendSeries {
  name: string;
  /** One value per label; null where the series has no point. */
  values: (number | null)[];
}

const HorizontalBarsImpl = lazy(() => import('./ChartsImpl').then((m) => ({ default: m.HorizontalBarsImpl })));
const TrendImpl = lazy(() => import('./ChartsImpl').then((m) => ({ default: m.TrendImpl })));

function Figure({ title, summary, children, height }: { title: string; summary: string; children: React.ReactNode; height: number }) {
  return (
    <figure style={{ margin: 0, minWidth: 0 }}>
      <figcaption style={{ fontSize: '12px', fontWeight: 600, color: token('color.text.subtle', '#44546F'), marginBlockEnd: token('space.050', '4px') }}>{title}</figcaption>
      <div role="img" aria-label={`${title}: ${summary}`} style={{ minHeight: `${height}px` }}>
        <Suspense fallback={<div style={{ height: `${height}px` }} />}>{children}</Suspense>
      </div>
    </figure>
  );
}

/** Horizontal bars, one per datum, coloured by tone. */
export function HorizontalBars({ title, data, max, unit, labelWidth }: { title: string; data: readonly BarDatum[]; max?: number; unit?: string; labelWidth?: number }) {
  const summary = data.map((d) => `${d.label} ${d.value}${unit ?? ''}`).join(', ');
  return (
    <Figure title={title} summary={summary} height={Math.max(80, data.length * 26 + 30)}>
      <HorizontalBarsImpl data={data} {...(max !== undefined ? { max } : {})} {...(unit !== undefined ? { unit } : {})} {...(labelWidth !== undefined ? { labelWidth } : {})} />
    </Figure>
  );
}

/** Lines over time (oldest first), one per series. */
export function Trend({ title, labels, series, yTicks }: { title: string; labels: readonly string[]; series: readonly TrendSeries[]; yTicks?: { value: number; label: string }[] }) {
  const summary = series.map((s) => `${s.name}: ${s.values.map((v, i) => `${labels[i] ?? ''} ${v === null ? 'none' : (yTicks?.find((t) => t.value === v)?.label ?? v)}`).join(', ')}`).join('; ');
  return (
    <Figure title={title} summary={summary} height={220}>
      <TrendImpl labels={labels} series={series} {...(yTicks !== undefined ? { yTicks } : {})} />
    </Figure>
  );
}
