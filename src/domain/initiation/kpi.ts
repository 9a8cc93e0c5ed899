/**
 * Key performance indicators recorded at the baseline (TS 20000-5 5.3.2) and followed towards the target state.
 * A KPI is entered by hand or computed from Jira: the number of issues a JQL query finds, or the median time
 * between two date fields of those issues. The JQL is always narrowed to the project by the service computing it.
 */
import { z } from 'zod';

export const KPI_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_KPIS = 40;
export const MAX_MEASUREMENTS = 400;
export const MAX_JQL_LENGTH = 2000;

/** Date fields a duration can be measured between. */
export const KPI_DATE_FIELDS = ['created', 'updated', 'resolutiondate', 'duedate'] as const;
export type KpiDateField = (typeof KPI_DATE_FIELDS)[number];
export const KPI_DATE_FIELD_LABELS: Readonly<Record<KpiDateField, string>> = {
  created: 'Created',
  updated: 'Updated',
  resolutiondate: 'Resolved',
  duedate: 'Due date',
};

export const DURATION_UNITS = ['hours', 'days'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

const jqlText = z.string().trim().max(MAX_JQL_LENGTH);

export const kpiSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }),
  z.object({ kind: z.literal('jqlCount'), jql: jqlText }),
  z.object({
    kind: z.literal('jqlMedianDuration'),
    jql: jqlText,
    from: z.enum(KPI_DATE_FIELDS),
    to: z.enum(KPI_DATE_FIELDS),
    durationUnit: z.enum(DURATION_UNITS).default('hours'),
  }),
]);
export type KpiSource = z.infer<typeof kpiSourceSchema>;
export type KpiSourceKind = KpiSource['kind'];

export const KPI_SOURCE_LABELS: Readonly<Record<KpiSourceKind, string>> = {
  manual: 'Entered by hand',
  jqlCount: 'Count of a JQL query',
  jqlMedianDuration: 'Median time between two dates (JQL)',
};

export const kpiMeasurementSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  value: z.number().finite(),
  note: z.string().max(500).default(''),
  /** accountId of who recorded it; 'computed' notes say how many issues were counted. */
  by: z.string().min(1).max(128).optional(),
});
export type KpiMeasurement = z.infer<typeof kpiMeasurementSchema>;

export const kpiSchema = z.object({
  id: z.string().min(1).max(60).regex(KPI_ID_PATTERN, 'KPI ids are lowercase slugs.'),
  name: z.string().trim().min(1, 'A KPI needs a name.').max(200),
  unit: z.string().trim().max(40),
  direction: z.enum(['higher', 'lower']),
  baseline: z.number().finite().nullable(),
  target: z.number().finite().nullable(),
  source: kpiSourceSchema,
  measurements: z.array(kpiMeasurementSchema).max(MAX_MEASUREMENTS),
});
export type Kpi = z.infer<typeof kpiSchema>;
export type KpiDirection = Kpi['direction'];

export const kpiListSchema = z
  .array(kpiSchema)
  .max(MAX_KPIS)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((k, i) => {
      if (seen.has(k.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `KPI id ${k.id} is used twice.` });
      seen.add(k.id);
      if (k.source.kind === 'jqlMedianDuration' && k.source.from === k.source.to) {
        ctx.addIssue({ code: 'custom', path: [i, 'source', 'to'], message: 'Pick two different date fields.' });
      }
    });
  });

/** Measurements oldest first (stable for equal times). */
export function sortedMeasurements(kpi: Pick<Kpi, 'measurements'>): KpiMeasurement[] {
  return kpi.measurements
    .map((m, i) => ({ m, i }))
    .sort((a, b) => Date.parse(a.m.at) - Date.parse(b.m.at) || a.i - b.i)
    .map((x) => x.m);
}

export interface KpiProgress {
  kpiId: string;
  latest: KpiMeasurement | null;
  /** The baseline, or the first measurement when no baseline was entered. */
  start: number | null;
  /**
   * Share of the way from start to target reached by the latest value, 0..1 (clamped); null when start,
   * target or a measurement is missing, start equals target, or the only measurement is itself the start.
   */
  progress: number | null;
  /** The latest value is at or beyond the target in the KPI's direction. */
  targetMet: boolean;
  /** The latest value is worse than the start in the KPI's direction. */
  worseThanStart: boolean;
}

export function kpiProgress(kpi: Kpi): KpiProgress {
  const ordered = sortedMeasurements(kpi);
  const latest = ordered[ordered.length - 1] ?? null;
  const start = kpi.baseline ?? ordered[0]?.value ?? null;
  const sign = kpi.direction === 'higher' ? 1 : -1;
  const targetMet = latest !== null && kpi.target !== null && sign * (latest.value - kpi.target) >= 0;
  const worseThanStart = latest !== null && start !== null && sign * (latest.value - start) < 0;
  let progress: number | null = null;
  // Without a baseline the first measurement is the start: progress needs a second one to mean anything.
  const measuredSinceStart = kpi.baseline !== null || ordered.length >= 2;
  if (latest !== null && start !== null && kpi.target !== null && kpi.target !== start && measuredSinceStart) {
    const raw = (latest.value - start) / (kpi.target - start);
    progress = Math.min(1, Math.max(0, raw));
  }
  return { kpiId: kpi.id, latest, start, progress, targetMet, worseThanStart };
}

/** Appends a measurement (the schema caps the list at MAX_MEASUREMENTS). */
export function addMeasurement(kpi: Kpi, m: KpiMeasurement): Kpi {
  return { ...kpi, measurements: [...kpi.measurements, m] };
}

export interface KpiSuggestion {
  id: string;
  name: string;
  unit: string;
  direction: KpiDirection;
  /** A starting query for this project when it can come from Jira; manual otherwise. */
  source: KpiSource;
  why: string;
}

/** Starter KPIs after the sample list of 5.3.2, with queries a Jira service team could start from. */
export const KPI_SUGGESTIONS: readonly KpiSuggestion[] = [
  {
    id: 'time-to-market',
    name: 'Time to market of changes',
    unit: 'days',
    direction: 'lower',
    source: { kind: 'jqlMedianDuration', jql: 'issuetype = Change AND resolved IS NOT EMPTY', from: 'created', to: 'resolutiondate', durationUnit: 'days' },
    why: 'How quickly a requested change reaches users.',
  },
  {
    id: 'customer-satisfaction',
    name: 'Customer satisfaction',
    unit: '% satisfied',
    direction: 'higher',
    source: { kind: 'manual' },
    why: 'From surveys; enter each result by hand.',
  },
  {
    id: 'breaches-of-commitments',
    name: 'Breaches of commitments',
    unit: 'breaches',
    direction: 'lower',
    source: { kind: 'jqlCount', jql: 'labels = "sla-breach"' },
    why: 'Count issues your team labels as a missed commitment.',
  },
  {
    id: 'on-time-delivery',
    name: 'On-time service delivery',
    unit: '% on time',
    direction: 'higher',
    source: { kind: 'manual' },
    why: 'Share of requests and changes delivered by the agreed date.',
  },
  {
    id: 'service-down-time',
    name: 'Service down time',
    unit: 'hours',
    direction: 'lower',
    source: { kind: 'jqlMedianDuration', jql: 'issuetype = Incident AND resolved IS NOT EMPTY', from: 'created', to: 'resolutiondate', durationUnit: 'hours' },
    why: 'Median time to restore service after an incident.',
  },
  {
    id: 'employee-satisfaction',
    name: 'Employee satisfaction',
    unit: 'score',
    direction: 'higher',
    source: { kind: 'manual' },
    why: 'From staff surveys.',
  },
  {
    id: 'failure-costs',
    name: 'Internal and external failure costs',
    unit: 'EUR',
    direction: 'lower',
    source: { kind: 'manual' },
    why: 'Cost of rework, credits and penalties caused by failures.',
  },
];

/** A suggestion as a KPI ready to save, with an id not yet taken. */
export function kpiFromSuggestion(s: KpiSuggestion, takenIds: Iterable<string>): Kpi {
  const used = new Set(takenIds);
  let id = s.id;
  let n = 2;
  while (used.has(id)) id = `${s.id}-${n++}`;
  return { id, name: s.name, unit: s.unit, direction: s.direction, baseline: null, target: null, source: s.source, measurements: [] };
}

/** Median of a list of numbers (mean of the two middle values for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}
