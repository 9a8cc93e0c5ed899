/**
 * One objective of the phase: its evidence (issue keys, with their status; the list opens in Jira), the verdict the
 * evidence suggests, the verdict people give (met / partly met / not met), and for an objective not fully met its
 * cause and the agreed action, previewed as the Jira issue it becomes before it is created and linked.
 */
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { ObjectiveResult, ObjectiveVerdict, PreviewEvaluationActionResponse, RecordEvaluationActionResponse } from '@contract/evaluation';
import { useResolverAction } from '../../../api/use-resolver';
import { TextAreaField, TextField } from '../../../components/kit/fields';
import { Card, space } from '../../../components/kit/layout';
import { subtleText } from '../../../components/kit/text';
import { ResolverError } from '../../../components/ResolverError';
import { JqlLink } from '../../IssuePanel/JqlLink';
import { IssueLink } from '../../../components/IssueLink';
import { STATUS_CATEGORY_COLORS, STATUS_CATEGORY_LABELS } from '@domain/vocabulary';
import { appearanceOf } from '../../../components/vocabulary';

/** What the view edits for one objective before it is saved. */
export interface ObjectiveDraft {
  verdict: ObjectiveVerdict | null;
  /** Evidence issue keys as typed (comma or space separated). */
  evidence: string;
  cause: string;
  action: string;
  note: string;
}

export const VERDICT_APPEARANCE: Record<ObjectiveVerdict, 'success' | 'moved' | 'removed'> = { met: 'success', partly_met: 'moved', not_met: 'removed' };

/** The keys typed in the evidence field, upper-cased, without repeats. */
export const evidenceKeys = (typed: string): string[] => [...new Set(typed.split(/[\s,;]+/).map((k) => k.trim().toUpperCase()).filter((k) => k !== ''))];

export const draftOf = (o: ObjectiveResult): ObjectiveDraft => ({
  verdict: o.recorded?.verdict ?? null,
  evidence: (o.recorded?.evidenceKeys ?? []).join(', '),
  cause: o.recorded?.cause ?? '',
  action: '',
  note: o.recorded?.note ?? '',
});

function TextBlock({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}/)
        .filter((p) => p.trim() !== '')
        .map((p, i) => (
          <p key={i} style={{ marginBlock: space.xs }}>
            {p}
          </p>
        ))}
    </>
  );
}

export function ObjectiveCard({
  objective,
  index,
  draft,
  verdicts,
  evidenceJql,
  canEdit,
  phaseId,
  recordVersion,
  onChange,
  onActionRecorded,
}: {
  objective: ObjectiveResult;
  index: number;
  draft: ObjectiveDraft;
  verdicts: { value: ObjectiveVerdict; label: string }[];
  evidenceJql: string | undefined;
  canEdit: boolean;
  phaseId: string;
  recordVersion: number;
  onChange: (d: ObjectiveDraft) => void;
  /** After the action was created (or found) and saved: the whole evaluation answer. */
  onActionRecorded: (answer: RecordEvaluationActionResponse) => void;
}) {
  const [preview, setPreview] = useState<PreviewEvaluationActionResponse | null>(null);
  const previewAction = useResolverAction('previewEvaluationAction');
  const recordAction = useResolverAction('recordEvaluationAction');
  const busy = previewAction.running || recordAction.running;
  const error = previewAction.error ?? recordAction.error;
  const [status, setStatus] = useState<string | null>(null);
  const label = `Objective ${index + 1}`;
  const actionKey = objective.recorded?.actionIssueKey ?? null;
  const unmet = draft.verdict === 'partly_met' || draft.verdict === 'not_met';
  const set = (patch: Partial<ObjectiveDraft>) => {
    setPreview(null);
    onChange({ ...draft, ...patch });
  };
  const verdictName = (v: ObjectiveVerdict) => verdicts.find((x) => x.value === v)?.label ?? v;

  const payload = () => {
    const verdict: 'partly_met' | 'not_met' = draft.verdict === 'partly_met' ? 'partly_met' : 'not_met';
    return { phaseId, objectiveId: objective.id, evidenceKeys: evidenceKeys(draft.evidence), agreed: { verdict, cause: draft.cause, action: draft.action } };
  };
  const showPreview = async () => {
    recordAction.clearError();
    const r = await previewAction.run(payload());
    if (r.ok) setPreview(r.data);
  };
  const create = async () => {
    previewAction.clearError();
    const r = await recordAction.run({ ...payload(), version: recordVersion });
    if (!r.ok) return;
    setPreview(null);
    setStatus(
      r.data.action.created
        ? `Created ${r.data.action.key} and linked it to ${r.data.action.linked.length === 0 ? 'nothing yet' : r.data.action.linked.join(', ')}.`
        : `${r.data.action.key} already existed: nothing was created${r.data.action.linked.length > 0 ? `; linked it to ${r.data.action.linked.join(', ')}` : ''}. The cause and verdict are saved.`,
    );
    onActionRecorded(r.data);
  };

  return (
    <Card label={label}>
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: space.s }}>
        <div style={{ minWidth: 0, flex: '1 1 360px' }}>
          <div style={{ ...subtleText, fontSize: '12px' }}>
            {label} · {objective.source === 'phase' ? 'objective of the phase' : 'target-state objective this phase serves'}
          </div>
          <p style={{ marginBlock: space.xs, fontWeight: 600, color: token('color.text', '#172B4D') }}>{objective.text}</p>
        </div>
        <div>
          {objective.recorded === null ? (
            <Lozenge>Not judged yet</Lozenge>
          ) : (
            <Lozenge appearance={VERDICT_APPEARANCE[objective.recorded.verdict]} isBold>
              {verdictName(objective.recorded.verdict)}
            </Lozenge>
          )}
        </div>
      </div>

      <div style={{ marginBlock: space.s }}>
        <strong style={{ fontSize: '12px', ...subtleText }}>Evidence</strong>{' '}
        {objective.evidence.length === 0 ? (
          <span style={subtleText}>none recorded</span>
        ) : (
          <>
            {objective.evidence.map((e) => (
              <span key={e.issueKey} style={{ marginInlineEnd: space.s, whiteSpace: 'nowrap' }}>
                <IssueLink issueKey={e.issueKey} /> <Lozenge appearance={appearanceOf(STATUS_CATEGORY_COLORS[e.statusCategory])}>{STATUS_CATEGORY_LABELS[e.statusCategory]}</Lozenge>
              </span>
            ))}
            {evidenceJql !== undefined && (
              <JqlLink jql={evidenceJql} label={`Open the evidence of ${label.toLowerCase()} in Jira`}>
                open as a search
              </JqlLink>
            )}
          </>
        )}
        <div style={{ ...subtleText, fontSize: '12px' }}>
          The evidence suggests: <strong>{verdictName(objective.proposed)}</strong> (met when all of it is done, partly met when some is under way).
        </div>
      </div>

      {canEdit && <TextField label={`Evidence issues of ${label.toLowerCase()}`} value={draft.evidence} placeholder="e.g. SMS-12, SMS-40" hint="Issue keys, separated by commas; saved with the verdict." onChange={(v) => set({ evidence: v })} />}

      <div role="group" aria-label={`Verdict of ${label.toLowerCase()}`} style={{ display: 'flex', flexWrap: 'wrap', gap: space.s, alignItems: 'center', marginBlock: space.s }}>
        <span style={{ fontSize: '12px', fontWeight: 600, ...subtleText }}>Verdict</span>
        {verdicts.map((v) => (
          <Button key={v.value} spacing="compact" isSelected={draft.verdict === v.value} aria-pressed={draft.verdict === v.value} isDisabled={!canEdit} onClick={() => set({ verdict: v.value })}>
            {v.label}
          </Button>
        ))}
      </div>

      {unmet && (
        <div style={{ borderInlineStart: `3px solid ${token('color.border.warning', '#E56910')}`, paddingInlineStart: space.m, marginBlockStart: space.s }}>
          <TextAreaField label={`Cause (why ${label.toLowerCase()} was not fully met)`} value={draft.cause} readOnly={!canEdit} onChange={(v) => set({ cause: v })} />
          {actionKey !== null ? (
            <p>
              Agreed action: <IssueLink issueKey={actionKey} /> <span style={subtleText}>(a Jira issue, linked to the evidence and the phase’s epics)</span>
            </p>
          ) : (
            <>
              <TextAreaField label={`Agreed action for ${label.toLowerCase()}`} value={draft.action} readOnly={!canEdit} hint="Becomes a Jira issue, linked to the evidence and the phase’s epics. You see it before it is created." onChange={(v) => set({ action: v })} />
              {canEdit && (
                <Button isDisabled={busy || draft.cause.trim() === '' || draft.action.trim() === ''} onClick={() => void showPreview()}>
                  Preview the Jira issue
                </Button>
              )}
            </>
          )}
          {preview !== null && (
            <div role="region" aria-label={`The Jira issue for ${label.toLowerCase()}`} style={{ marginBlockStart: space.s, padding: space.m, background: token('color.background.neutral', '#091E420F'), borderRadius: token('radius.medium', '6px') }}>
              {preview.existingKey !== null ? (
                <p>
                  This objective’s action already exists: <IssueLink issueKey={preview.existingKey} />. Recording it creates nothing new; it saves the cause and verdict and adds missing links.
                </p>
              ) : (
                <p style={subtleText}>To be created as a {preview.issueTypeName}, labelled {preview.draft.labels.join(', ')}:</p>
              )}
              <p style={{ fontWeight: 600, marginBlock: space.xs }}>{preview.draft.summary}</p>
              <TextBlock text={`Objective: ${objective.text}\n\nCause: ${draft.cause}\n\nAgreed action: ${draft.action}`} />
              <p style={subtleText}>Linked (relates to): {preview.draft.linkTo.length === 0 ? 'nothing — no evidence and no epic for this phase yet' : preview.draft.linkTo.join(', ')}</p>
              <div style={{ display: 'flex', gap: space.s }}>
                <Button appearance="primary" isDisabled={busy} onClick={() => void create()}>
                  {preview.existingKey === null ? 'Create the issue and link it' : 'Record with the existing issue'}
                </Button>
                <Button appearance="subtle" isDisabled={busy} onClick={() => setPreview(null)}>
                  Cancel
                </Button>
              </div>
            </div>
          )}
        </div>
      )}
      {error !== undefined && <ResolverError error={error} />}
      {status !== null && (
        <div role="status" style={{ color: token('color.text.success', '#216E4E'), marginBlockStart: space.s }}>
          {status}
        </div>
      )}
    </Card>
  );
}
