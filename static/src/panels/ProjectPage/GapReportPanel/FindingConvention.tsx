/**
 * The audit-finding label convention, shown next to the clause table: which Jira labels make a mapped issue a
 * finding and of which grade, and when it counts as open. Labels and sentences come from the view (the domain's
 * src/domain/gap/finding-labels.ts), so the app never restates them.
 */
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { GapReportView } from '@contract/gap-report';
import { space } from '../../../components/kit/layout';
import { subtleText } from '../../../components/kit/text';
import { FINDING_GRADE_COLORS } from '@domain/vocabulary';
import { appearanceOf } from '../../../components/vocabulary';

const code = {
  fontFamily: token('font.family.code', 'monospace'),
  fontSize: '12px',
  padding: '0 4px',
  borderRadius: '3px',
  background: token('color.background.neutral', '#091E420F'),
  // A label is one token: never "sms-" on one line and "ofi" on the next.
  whiteSpace: 'nowrap',
} as const;

export function FindingConvention({ view }: { view: GapReportView }) {
  const [, ...more] = view.findingConvention.split('\n');
  return (
    <div role="note" aria-label="How audit findings are read" style={{ marginBlockEnd: space.s, fontSize: '12px' }}>
      <p style={{ margin: 0 }}>
        <strong>Audit findings</strong> ({view.openFindingCount} open): a Jira issue mapped to a clause with one of the labels{' '}
        {view.findingLabels.map((l, i) => (
          <span key={l.label}>
            <code style={code}>{l.label}</code> <Lozenge appearance={appearanceOf(FINDING_GRADE_COLORS[l.grade])}>{l.title}</Lozenge>
            {i < view.findingLabels.length - 1 ? ', ' : '.'}
          </span>
        ))}
      </p>
      {more.map((line) => (
        <p key={line} style={{ ...subtleText, margin: 0 }}>
          {line}
        </p>
      ))}
    </div>
  );
}
