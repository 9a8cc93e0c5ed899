/** Plans an audit: scope, criteria, dates and auditor, previewed, then created as one Jira issue. */
import { formatDate } from '../../../format/dates';
import Button from '@atlaskit/button/new';
import type { AuditProgrammeView, CreatedIssueResponse } from '@contract/audit';
import { useState } from 'react';
import { useResolverAction } from '../../../api/use-resolver';
import { DateField, UserPickerField, pickedName } from '../../../components/JiraFields';
import { Notice } from '../../../components/Notice';
import { space } from '../../../components/kit/layout';
import { CheckboxGroup, TextAreaField, TextField } from '../../../components/kit/fields';
import { subtleText } from '../../../components/kit/text';
import { ResolverError } from '../../../components/ResolverError';
import { PreviewCard, isAuditorRefusal, newRequestId } from './audit-ui';
import { IssueLink } from '../../../components/IssueLink';

export function PlanAuditForm({ view, canEdit, onCreated }: { view: AuditProgrammeView; canEdit: boolean; onCreated: () => void }) {
  const [requestId, setRequestId] = useState(newRequestId);
  const [title, setTitle] = useState('');
  const [processes, setProcesses] = useState<string[]>([]);
  const [clauses, setClauses] = useState<string[]>([]);
  const [criteria, setCriteria] = useState('ISO/IEC 20000-1:2018 and the SMS policies and procedures');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [auditor, setAuditor] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const planAudit = useResolverAction('planAudit');
  const { running: busy, error } = planAudit;
  const [created, setCreated] = useState<CreatedIssueResponse | undefined>();

  const missing = [
    title.trim() === '' ? 'a title' : null,
    processes.length + clauses.length === 0 ? 'a process or clause in scope' : null,
    criteria.trim() === '' ? 'criteria' : null,
    start === '' || end === '' ? 'start and end dates' : null,
    auditor === null ? 'an auditor' : null,
  ].filter((x): x is string => x !== null);

  const create = async (): Promise<void> => {
    if (auditor === null) return;
    const r = await planAudit.run({ requestId, plan: { title: title.trim(), scope: { clauses, processes }, criteria: criteria.trim(), start, end, auditor } });
    if (!r.ok) return;
    setCreated(r.data);
    setPreviewing(false);
    setRequestId(newRequestId());
    setTitle('');
    setProcesses([]);
    setClauses([]);
    onCreated();
  };

  const ownerOf = new Map(view.owners.map((o) => [o.unitId, o.owner] as const));
  return (
    <div>
      <TextField label="Title" value={title} onChange={setTitle} readOnly={!canEdit} width="100%" placeholder="e.g. Incident management, Q1" />
      <CheckboxGroup
        legend="Processes in scope (clause 8)"
        options={view.scopeOptions.processes.map((p) => ({ value: p.id, label: `${p.id} ${p.title}` }))}
        selected={processes}
        onChange={setProcesses}
        disabled={!canEdit}
      />
      <details style={{ marginBlockEnd: space.s }}>
        <summary style={{ cursor: 'pointer' }}>Other clauses in scope ({clauses.length} chosen)</summary>
        <CheckboxGroup legend="Clauses of sections 4–7, 9 and 10" options={view.scopeOptions.clauses.map((c) => ({ value: c.id, label: `${c.id} ${c.title}` }))} selected={clauses} onChange={setClauses} disabled={!canEdit} />
      </details>
      <TextAreaField label="Audit criteria" value={criteria} onChange={setCriteria} readOnly={!canEdit} />
      <div style={{ display: 'flex', gap: space.m, flexWrap: 'wrap' }}>
        <DateField label="Starts" value={start} onChange={setStart} readOnly={!canEdit} />
        <DateField label="Ends" value={end} onChange={setEnd} readOnly={!canEdit} />
        <UserPickerField
          label="Auditor"
          value={auditor}
          people={view.people}
          onChange={setAuditor}
          readOnly={!canEdit}
          hint="Not the owner of a process in scope (see Process owners)."
        />
      </div>
      {canEdit && !previewing && (
        <Button appearance="default" isDisabled={missing.length > 0} onClick={() => setPreviewing(true)}>
          Preview the audit issue
        </Button>
      )}
      {canEdit && missing.length > 0 && <p style={{ ...subtleText, fontSize: 12 }}>Still needed: {missing.join(', ')}.</p>}
      {previewing && auditor !== null && (
        <PreviewCard confirmLabel="Create the audit issue" busy={busy} onConfirm={() => void create()} onBack={() => setPreviewing(false)}>
          <ul style={{ marginBlock: 0 }}>
            <li>One issue “Internal audit: {title.trim()}”, labelled sms-audit.</li>
            <li>
              Scope: {[...processes, ...clauses].join(', ')}. Auditor: {pickedName(auditor, view.people)}.
              {processes.some((p) => ownerOf.get(p) === auditor) && ' This person owns a process in scope: the audit will be refused.'}
            </li>
            <li>
              Dates {formatDate(start)} to {formatDate(end)}; the sample and a checklist per clause are written into it when you draw the sample.
            </li>
          </ul>
        </PreviewCard>
      )}
      {isAuditorRefusal(error) && (
        <Notice appearance="error" title="This auditor is not independent">
          {error?.message}
        </Notice>
      )}
      {error !== undefined && !isAuditorRefusal(error) && <ResolverError error={error} />}
      {created !== undefined && (
        <p role="status">
          {created.created ? 'Created' : 'Already created earlier:'} audit <IssueLink issueKey={created.issueKey} />.
        </p>
      )}
    </div>
  );
}
