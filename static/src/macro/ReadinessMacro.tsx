/**
 * The "SMS readiness" Confluence macro: readiness per clause group (live, read as the viewer), the maturity
 * heatmap and readiness over the published reports. The charts (recharts) load in their own chunk.
 */
import { token } from '@atlaskit/tokens';
import { Suspense, lazy } from 'react';
import { useResolver } from '../api/use-resolver';
import { space } from '../components/kit/layout';
import { subtleText } from '../components/kit/text';
import { Heatmap } from '../panels/ProjectPage/MaturityPanel/Heatmap';

const MacroCharts = lazy(() => import('./MacroCharts'));

const box = {
  fontFamily: token('font.family.body', 'system-ui, sans-serif'),
  color: token('color.text', '#172B4D'),
  background: token('elevation.surface', '#FFFFFF'),
  padding: space.m,
} as const;

/** What to do with a macro that names no project: in Confluence (and the sandbox) its configuration is opened from the editor. */
export const UNCONFIGURED_TEXT =
  'This SMS readiness macro names no Jira project yet. To choose one, edit the page, then select Edit on this macro and pick a project you can browse.';

/** `configured`: the macro's configuration names a project; without one there is nothing to read yet. */
export function ReadinessMacro({ configured }: { configured: boolean }) {
  if (!configured) {
    return (
      <p style={{ ...box, ...subtleText }} role="status">
        {UNCONFIGURED_TEXT}
      </p>
    );
  }
  return <ConfiguredReadiness />;
}

function ConfiguredReadiness() {
  const readiness = useResolver('getReadinessMacro', {});
  const { error } = readiness;

  if (error !== undefined) {
    const unconfigured = error.code === 'VALIDATION_FAILED';
    return (
      <p style={{ ...box, ...subtleText }} role="alert">
        {unconfigured ? UNCONFIGURED_TEXT : `SMS readiness is not available to you: ${error.message}`}
      </p>
    );
  }
  if (readiness.data === undefined) return <p style={{ ...box, ...subtleText }} role="status">Loading SMS readiness…</p>;
  const v = readiness.data;
  return (
    <section style={box} aria-label="SMS readiness">
      <h2 style={{ margin: 0, font: token('font.heading.small', '600 16px/20px system-ui') }}>
        SMS readiness of {v.projectKey}: {v.overall} %
      </h2>
      <p style={{ ...subtleText, margin: `${space.xs} 0 ${space.s}` }}>
        Live from Jira as you see it{v.truncated ? ' (first part of the mapped issues)' : ''}; the trend shows each published report.
      </p>
      <Suspense fallback={<p style={subtleText}>Loading the charts…</p>}>
        <MacroCharts view={v} />
      </Suspense>
      <h3 style={{ margin: `${space.m} 0 ${space.xs}`, font: token('font.heading.xsmall', '600 14px/16px system-ui') }}>Maturity against target</h3>
      {v.assessedUnits === 0 ? (
        <p style={subtleText}>No maturity assessment is recorded yet.</p>
      ) : (
        <Heatmap data={v.heatmap} selectedUnit={null} onOpen={() => undefined} />
      )}
    </section>
  );
}
