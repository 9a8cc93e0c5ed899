/**
 * The clause-by-clause table: result (edited on demand: one "Edit" button per row opens Jira's select for that
 * row only), evidence with status and age (the first few, the rest open in place), open audit findings with their
 * grade, warnings. A native table with row headers; every control is labelled and keyboard-reachable.
 */
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { ClauseGapView } from '@contract/gap-report';
import type { PeopleNames } from '@contract/people';
import { useState } from 'react';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import { space } from '../../../components/kit/layout';
import { KeepKeysWhole, Who, formatWhen, subtleText } from '../../../components/kit/text';
import { JqlLink } from '../../IssuePanel/JqlLink';
import { CONFORMITY_RESULT_COLORS, CONFORMITY_RESULT_LABELS, type ConformityResult, FINDING_GRADE_COLORS, STATUS_CATEGORY_COLORS, STATUS_CATEGORY_LABELS } from '@domain/vocabulary';
import { RESULT_OPTIONS, appearanceOf } from '../../../components/vocabulary';

const cell = {
  padding: space.s,
  borderBlockEnd: `1px solid ${token('color.border', '#091E4224')}`,
  verticalAlign: 'top' as const,
  textAlign: 'start' as const,
};

const PROPOSED = '__proposed__';

function ResultCell({ clause, people, canEdit, saving, onSet }: { clause: ClauseGapView; people: PeopleNames; canEdit: boolean; saving: boolean; onSet: (result: ConformityResult | null) => void }) {
  const [editing, setEditing] = useState(false);
  const lozenge = (
    <Lozenge appearance={appearanceOf(CONFORMITY_RESULT_COLORS[clause.result])} isBold={!clause.proposed}>
      {CONFORMITY_RESULT_LABELS[clause.result]}
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
      {canEdit && !editing && (
        <div>
          <Button appearance="subtle" spacing="compact" isDisabled={saving} aria-label={`Edit the result of clause ${clause.clauseId}`} onClick={() => setEditing(true)}>
            {saving ? 'Saving…' : 'Edit'}
          </Button>
        </div>
      )}
      {canEdit && editing && (
        <ChoiceSelect<string>
          label={`Result for clause ${clause.clauseId}`}
          hideLabel
          autoFocus
          width="100%"
          value={clause.proposed ? PROPOSED : clause.result}
          options={[{ value: PROPOSED, label: 'Let the app propose' }, ...RESULT_OPTIONS]}
          onBlur={() => setEditing(false)}
          onChange={(v) => {
            setEditing(false);
            onSet(v === PROPOSED ? null : (v as ConformityResult));
          }}
        />
      )}
      {clause.note !== null && <span style={{ ...subtleText, fontSize: '12px' }}>{clause.note}</span>}
    </div>
  );
}

/** Evidence items shown before "and N more" opens the rest in place. */
export const EVIDENCE_SHOWN = 3;

function EvidenceCell({ clause, siteUrl }: { clause: ClauseGapView; siteUrl: string }) {
  const [open, setOpen] = useState(false);
  if (clause.evidenceCount === 0) return <span style={subtleText}>No mapped issue</span>;
  const listId = `evidence-${clause.clauseId}`;
  const shown = open ? clause.evidence : clause.evidence.slice(0, EVIDENCE_SHOWN);
  const hidden = clause.evidenceCount - shown.length;
  return (
    <>
      <ul id={listId} aria-label={`Evidence for clause ${clause.clauseId}`} style={{ margin: 0, paddingInlineStart: space.m }}>
        {shown.map((e) => (
          <li key={e.issueKey}>
            <a href={`${siteUrl}/browse/${encodeURIComponent(e.issueKey)}`} target="_blank" rel="noreferrer" title={e.summary}>
              {e.issueKey}
            </a>{' '}
            <Lozenge appearance={appearanceOf(STATUS_CATEGORY_COLORS[e.statusCategory])}>{STATUS_CATEGORY_LABELS[e.statusCategory]}</Lozenge>{' '}
            <span style={{ ...subtleText, fontSize: '12px', color: e.stale ? token('color.text.warning', '#A54800') : subtleText.color }}>
              {e.ageDays} d{e.stale ? ' (stale)' : ''}
            </span>
          </li>
        ))}
      </ul>
      {!open && hidden > 0 && (
        <Button appearance="subtle" spacing="compact" aria-expanded={false} aria-controls={listId} onClick={() => setOpen(true)}>
          and {hidden} more
        </Button>
      )}
      {open && clause.evidence.length > EVIDENCE_SHOWN && (
        <Button appearance="subtle" spacing="compact" aria-expanded aria-controls={listId} onClick={() => setOpen(false)}>
          Show fewer
        </Button>
      )}
      {open && hidden > 0 && (
        <div style={{ fontSize: '12px' }}>
          <JqlLink jql={clause.evidenceJql}>All {clause.evidenceCount} in the issue search</JqlLink>
        </div>
      )}
    </>
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
          <Lozenge appearance={appearanceOf(FINDING_GRADE_COLORS[f.grade])} isBold={f.grade === 'major_nc'}>
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
                      <li key={w.code}>
                        <KeepKeysWhole text={w.message} />
                      </li>
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
