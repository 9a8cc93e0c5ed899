/**
 * The clause-by-clause table: result (editable for editors), evidence with status and age, open audit
 * findings with their grade, warnings.
 * A native table with row headers; every control is a native, labelled, keyboard-reachable element.
 */
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { ClauseGapView } from '@contract/gap-report';
import type { PeopleNames } from '@contract/people';
import { Who, formatWhen, nativeControl, space, subtleText, visuallyHidden } from '../../../components/PanelKit';
import { type ConformityResult, FINDING_APPEARANCE, RESULT_APPEARANCE, RESULT_LABELS, RESULT_OPTIONS, STATUS_APPEARANCE, STATUS_LABELS } from './labels';

const cell = {
  padding: space.s,
  borderBlockEnd: `1px solid ${token('color.border', '#091E4224')}`,
  verticalAlign: 'top' as const,
  textAlign: 'start' as const,
};

const PROPOSED = '__proposed__';

function ResultCell({ clause, people, canEdit, saving, onSet }: { clause: ClauseGapView; people: PeopleNames; canEdit: boolean; saving: boolean; onSet: (result: ConformityResult | null) => void }) {
  const lozenge = (
    <Lozenge appearance={RESULT_APPEARANCE[clause.result]} isBold={!clause.proposed}>
      {RESULT_LABELS[clause.result]}
    </Lozenge>
  );
  return (
    <div style={{ display: 'grid', gap: space.xs }}>
      <div>
        {lozenge} <span style={{ ...subtleText, fontSize: '12px' }}>{clause.proposed ? 'proposed' : 'set'}</span>
      </div>
      {!clause.proposed && clause.setBy !== null && (
        <span style={{ ...subtleText, fontSize: '12px' }}>
          by <Who accountId={clause.setBy} people={people} />
          {clause.setAt !== null ? `, ${formatWhen(clause.setAt)}` : ''}
        </span>
      )}
      {canEdit && (
        <label>
          <span style={visuallyHidden}>Result for clause {clause.clauseId}</span>
          <select
            style={nativeControl}
            disabled={saving}
            value={clause.proposed ? PROPOSED : clause.result}
            onChange={(e) => onSet(e.target.value === PROPOSED ? null : (e.target.value as ConformityResult))}
          >
            <option value={PROPOSED}>Let the app propose</option>
            {RESULT_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      )}
      {clause.note !== null && <span style={{ ...subtleText, fontSize: '12px' }}>{clause.note}</span>}
    </div>
  );
}

function EvidenceCell({ clause, siteUrl }: { clause: ClauseGapView; siteUrl: string }) {
  if (clause.evidenceCount === 0) return <span style={subtleText}>No mapped issue</span>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: space.m }}>
      {clause.evidence.map((e) => (
        <li key={e.issueKey}>
          <a href={`${siteUrl}/browse/${encodeURIComponent(e.issueKey)}`} target="_blank" rel="noreferrer" title={e.summary}>
            {e.issueKey}
          </a>{' '}
          <Lozenge appearance={STATUS_APPEARANCE[e.statusCategory]}>{STATUS_LABELS[e.statusCategory]}</Lozenge>{' '}
          <span style={{ ...subtleText, fontSize: '12px', color: e.stale ? token('color.text.warning', '#A54800') : subtleText.color }}>
            {e.ageDays} d{e.stale ? ' (stale)' : ''}
          </span>
        </li>
      ))}
      {clause.evidenceCount > clause.evidence.length && (
        <li style={subtleText}>and {clause.evidenceCount - clause.evidence.length} more</li>
      )}
    </ul>
  );
}

/** The plan's work items for the clause: implementation work (open or done), never evidence. */
function PlannedWorkCell({ clause, siteUrl }: { clause: ClauseGapView; siteUrl: string }) {
  if (clause.plannedWork.length === 0) return <span style={subtleText}>None planned</span>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: space.m }}>
      {clause.plannedWork.map((w) => (
        <li key={w.issueKey}>
          <a href={`${siteUrl}/browse/${encodeURIComponent(w.issueKey)}`} target="_blank" rel="noreferrer" title={w.summary}>
            {w.issueKey}
          </a>{' '}
          <Lozenge appearance={w.done ? 'success' : 'default'}>{w.done ? 'Done' : 'Open'}</Lozenge>
        </li>
      ))}
    </ul>
  );
}

function FindingsCell({ clause, siteUrl }: { clause: ClauseGapView; siteUrl: string }) {
  if (clause.findings.length === 0) return <span style={subtleText}>None open</span>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: space.m }}>
      {clause.findings.map((f) => (
        <li key={f.issueKey}>
          <a href={`${siteUrl}/browse/${encodeURIComponent(f.issueKey)}`} target="_blank" rel="noreferrer" title={f.summary}>
            {f.issueKey}
          </a>{' '}
          <Lozenge appearance={FINDING_APPEARANCE[f.grade]} isBold={f.grade === 'major_nc'}>
            {f.gradeTitle}
          </Lozenge>{' '}
          <span style={{ ...subtleText, fontSize: '12px' }}>{f.summary}</span>
        </li>
      ))}
    </ul>
  );
}

export function ClauseTable({ clauses, people, canEdit, savingClause, siteUrl, onSet }: {
  clauses: readonly ClauseGapView[];
  /** Display names of the clauses' `setBy` (GapReportView.people). */
  people: PeopleNames;
  canEdit: boolean;
  savingClause: string | null;
  siteUrl: string;
  onSet: (clause: ClauseGapView, result: ConformityResult | null) => void;
}) {
  if (clauses.length === 0) return <p style={subtleText}>No clause matches the filters.</p>;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-label="Clauses with result, evidence, implementation work, findings and warnings">
        <thead>
          <tr>
            <th scope="col" style={{ ...cell, width: '20%' }}>Clause</th>
            <th scope="col" style={{ ...cell, width: '16%' }}>Result</th>
            <th scope="col" style={{ ...cell, width: '18%' }}>Evidence</th>
            <th scope="col" style={{ ...cell, width: '13%' }}>Implementation work</th>
            <th scope="col" style={{ ...cell, width: '16%' }}>Open findings</th>
            <th scope="col" style={cell}>Warnings</th>
          </tr>
        </thead>
        <tbody>
          {clauses.map((c) => (
            <tr key={c.clauseId}>
              <th scope="row" style={{ ...cell, fontWeight: 400, paddingInlineStart: `calc(${space.s} + ${(c.depth - 2) * 12}px)` }}>
                <strong>{c.clauseId}</strong> {c.title}
              </th>
              <td style={cell}>
                <ResultCell clause={c} people={people} canEdit={canEdit} saving={savingClause === c.clauseId} onSet={(r) => onSet(c, r)} />
              </td>
              <td style={cell}>
                <EvidenceCell clause={c} siteUrl={siteUrl} />
              </td>
              <td style={cell}>
                <PlannedWorkCell clause={c} siteUrl={siteUrl} />
              </td>
              <td style={cell}>
                <FindingsCell clause={c} siteUrl={siteUrl} />
              </td>
              <td style={cell}>
                {c.warnings.length === 0 ? (
                  <span style={subtleText}>None</span>
                ) : (
                  <ul style={{ margin: 0, paddingInlineStart: space.m, color: token('color.text.warning', '#A54800') }}>
                    {c.warnings.map((w) => (
                      <li key={w.code}>{w.message}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
