/** The nonconformity lifecycle: each nonconformity with its corrective actions, their completion and the verification of effectiveness. */
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import type { AuditProgrammeView, CorrectiveActionView, NonconformityView } from '@contract/audit';
import { useState } from 'react';
import { useResolverAction } from '../../../api/use-resolver';
import { DateField, pickedName } from '../../../components/JiraFields';
import { Card, space } from '../../../components/kit/layout';
import { TextAreaField } from '../../../components/kit/fields';
import { subtleText } from '../../../components/kit/text';
import { formatDate } from '../../../format/dates';
import { ResolverError } from '../../../components/ResolverError';
import { PreviewCard, newRequestId } from './audit-ui';
import { IssueLink } from '../../../components/IssueLink';

const STAGE_TONE = { needs_action: 'removed', action_under_way: 'inprogress', awaiting_verification: 'moved', closed: 'success' } as const;

function ActionForm({ nc, onCreated }: { nc: NonconformityView; onCreated: () => void }) {
  const [requestId, setRequestId] = useState(newRequestId);
  const [rootCause, setRootCause] = useState('');
  const [action, setAction] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [previewing, setPreviewing] = useState(false);
  const createAction = useResolverAction('createCorrectiveAction');
  const { running: busy, error } = createAction;
  const ready = rootCause.trim() !== '' && action.trim() !== '' && dueDate !== '';

  const create = async (): Promise<void> => {
    const r = await createAction.run({ requestId, nonconformityKey: nc.issueKey, rootCause: rootCause.trim(), action: action.trim(), dueDate });
    if (!r.ok) return;
    setRequestId(newRequestId());
    setPreviewing(false);
    onCreated();
  };

  return (
    <details style={{ marginBlockStart: space.s }}>
      <summary style={{ cursor: 'pointer' }}>Add a corrective action to {nc.issueKey}</summary>
      <TextAreaField label="Root cause" value={rootCause} onChange={setRootCause} />
      <TextAreaField label="Action" value={action} onChange={setAction} />
      <DateField label="Due date" value={dueDate} onChange={setDueDate} />
      {!previewing ? (
        <Button isDisabled={!ready} onClick={() => setPreviewing(true)}>
          Preview the corrective action
        </Button>
      ) : (
        <PreviewCard confirmLabel="Create the corrective action" busy={busy} onConfirm={() => void create()} onBack={() => setPreviewing(false)}>
          <p style={{ marginBlock: 0 }}>
            One issue “Corrective action for {nc.issueKey}” labelled sms-corrective-action, due {formatDate(dueDate)}, linked to {nc.issueKey}, with the root cause and action recorded on it.
          </p>
        </PreviewCard>
      )}
      {error !== undefined && <ResolverError error={error} />}
    </details>
  );
}

function ActionRow({ a, view, canEdit, onChanged }: { a: CorrectiveActionView; view: AuditProgrammeView; canEdit: boolean; onChanged: () => void }) {
  const [note, setNote] = useState('');
  const complete = useResolverAction('completeCorrectiveAction');
  const verify = useResolverAction('verifyCorrectiveAction');
  const busy = complete.running || verify.running;
  const error = complete.error ?? verify.error;
  const act = async (r: Promise<{ ok: boolean }>): Promise<void> => {
    if ((await r).ok) onChanged();
  };
  const done = a.statusCategory === 'done';
  return (
    <li style={{ marginBlockEnd: space.s }}>
      <div style={{ display: 'flex', gap: space.s, alignItems: 'center', flexWrap: 'wrap' }}>
        <IssueLink issueKey={a.issueKey} />
        <span>due {formatDate(a.dueDate)}</span>
        {a.overdue && <Lozenge appearance="removed">Overdue</Lozenge>}
        <Lozenge appearance={done ? 'success' : 'inprogress'}>{done ? 'Done in Jira' : 'Not done in Jira'}</Lozenge>
        {a.verification !== null && (
          <Lozenge appearance={a.verification.effective ? 'success' : 'removed'}>{a.verification.effective ? 'Verified effective' : 'Verified not effective'}</Lozenge>
        )}
      </div>
      <div style={{ ...subtleText, fontSize: 12 }}>
        Root cause: {a.rootCause} · Action: {a.action}
        {a.verification !== null && ` · Verified by ${pickedName(a.verification.verifiedBy, view.people)} on ${formatDate(a.verification.verifiedAt)}: ${a.verification.note}`}
      </div>
      {canEdit && a.verification === null && !done && (
        <Button spacing="compact" isDisabled={busy} onClick={() => void act(complete.run({ actionKey: a.issueKey }))}>
          Mark {a.issueKey} done in Jira
        </Button>
      )}
      {canEdit && a.verification === null && done && (
        <div>
          <TextAreaField label={`How was the effectiveness of ${a.issueKey} checked?`} value={note} onChange={setNote} />
          <div style={{ display: 'flex', gap: space.s }}>
            <Button appearance="primary" spacing="compact" isDisabled={busy || note.trim() === ''} onClick={() => void act(verify.run({ actionKey: a.issueKey, effective: true, note: note.trim() }))}>
              Verified: effective
            </Button>
            <Button spacing="compact" isDisabled={busy || note.trim() === ''} onClick={() => void act(verify.run({ actionKey: a.issueKey, effective: false, note: note.trim() }))}>
              Verified: not effective
            </Button>
          </div>
        </div>
      )}
      {error !== undefined && <ResolverError error={error} />}
    </li>
  );
}

export function Nonconformities({ view, canEdit, onChanged }: { view: AuditProgrammeView; canEdit: boolean; onChanged: () => void }) {
  if (view.nonconformities.length === 0 && view.otherFindings.length === 0) {
    return <p style={subtleText}>No finding is recorded yet. Record findings from an audit above; each nonconformity then needs a corrective action.</p>;
  }
  return (
    <div>
      {view.nonconformities.map((nc) => (
        <Card key={nc.issueKey} label={`Nonconformity ${nc.issueKey}`}>
          <div style={{ display: 'flex', gap: space.s, alignItems: 'center', flexWrap: 'wrap' }}>
            <strong>
              <IssueLink issueKey={nc.issueKey} title={nc.summary} />
            </strong>
            <Lozenge appearance={nc.grade === 'major_nc' ? 'removed' : 'moved'}>{nc.gradeTitle}</Lozenge>
            <Lozenge appearance={STAGE_TONE[nc.stage]}>{nc.stageTitle}</Lozenge>
          </div>
          <p style={{ marginBlock: space.xs }}>{nc.summary}</p>
          <p style={{ ...subtleText, fontSize: 12, marginBlock: 0 }}>
            Clause {nc.clauses.join(', ') || '—'}
            {nc.auditKey !== null && (
              <>
                {' '}
                · from audit <IssueLink issueKey={nc.auditKey} />
              </>
            )}
          </p>
          {nc.actions.length > 0 && (
            <ul style={{ paddingInlineStart: space.m }}>
              {nc.actions.map((a) => (
                <ActionRow key={a.issueKey} a={a} view={view} canEdit={canEdit} onChanged={onChanged} />
              ))}
            </ul>
          )}
          {canEdit && nc.open && nc.actions.every((a) => a.verification !== null) && <ActionForm nc={nc} onCreated={onChanged} />}
        </Card>
      ))}
      {view.incompleteActionKeys.length > 0 && (
        <p style={subtleText}>
          Corrective-action issues without a readable record (never counted as verified):{' '}
          {view.incompleteActionKeys.map((k) => (
            <IssueLink key={k} issueKey={k} />
          ))}
        </p>
      )}
      {view.otherFindings.length > 0 && (
        <details>
          <summary style={{ cursor: 'pointer' }}>Observations and opportunities for improvement ({view.otherFindings.length})</summary>
          <ul>
            {view.otherFindings.map((f) => (
              <li key={f.issueKey}>
                <IssueLink issueKey={f.issueKey} /> {f.gradeTitle}: {f.summary}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
