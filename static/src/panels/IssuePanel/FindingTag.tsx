import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { IssueClausesResponse } from '@contract/mapping';
import { FINDING_GRADE_COLORS } from '@domain/vocabulary';
import { appearanceOf } from '../../components/vocabulary';
import { subtleText } from '../../components/kit/text';


/** "Audit finding: Major nonconformity (open)": the grade an issue has as an audit finding, from its label. */
export function FindingTag({ finding }: { finding: NonNullable<IssueClausesResponse['finding']> }) {
  return (
    <span role="note" aria-label={`Audit finding: ${finding.title}, ${finding.open ? 'open' : 'closed'}`} style={{ display: 'inline-flex', gap: token('space.050', '4px'), alignItems: 'center', flexWrap: 'wrap' }}>
      <span style={subtleText}>Audit finding:</span>
      <Lozenge appearance={appearanceOf(FINDING_GRADE_COLORS[finding.grade])} isBold={finding.grade === 'major_nc'}>
        {finding.title}
      </Lozenge>
      <span style={{ ...subtleText, fontSize: '12px' }}>
        {finding.open ? 'open' : 'closed'} · label {finding.label}
      </span>
    </span>
  );
}
