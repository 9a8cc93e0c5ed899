/** One audit: its plan, its seeded sample (drawn by a job and written into the issue), and the finding form. */
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import type { AuditProgrammeView, AuditSampleResultView, AuditView, CreatedIssueResponse, FindingGrade } from '@contract/audit';
import { useState } from 'react';
import { useResolverAction } from '../../../api/use-resolver';
import { PickerField, pickedName } from '../../../components/JiraFields';
import { Card, space } from '../../../components/kit/layout';
import { TextAreaField, TextField } from '../../../components/kit/fields';
import { subtleText } from '../../../components/kit/text';
import { formatDate } from '../../../format/dates';
import { plural } from '../../../format/counts';
import { ResolverError } from '../../../components/ResolverError';
import { JobOutcome, PreviewCard, isAuditorRefusal, newRequestId } from './audit-ui';
import { useJob } from '../../../components/JobPanel';
import { IssueLink } from '../../../components/IssueLink';
import { Notice } from '../../../components/Notice';

const GRADES: { value: FindingGrade; label: string }[] = [
  { value: 'major_nc', label: 'Major nonconformity' },
  { value: 'minor_nc', label: 'Minor nonconformity' },
  { value: 'observation', label: 'Observation' },
  { value: 'opportunity_for_improvement', label: 'Opportunity for improvement' },
];

function SampleForm({ audit, canEdit, onDrawn }: { audit: AuditView; canEdit: boolean; onDrawn: () => void }) {
  const [seed, setSeed] = useState(audit.sample?.seed ?? `${audit.auditKey}-${new Date().toISOString().slice(0, 10)}`);
  const [sizes, setSizes] = useState<Record<string, string>>(() => Object.fromEntries(audit.clauses.map((c) => [c.clauseId, String(audit.sample?.sizes[c.clauseId] ?? 3)])));
  const [jobId, setJobId] = useState<string | undefined>();
  const start = useResolverAction('startAuditSample');
  const error = start.error;
  const { job, error: jobError } = useJob<AuditSampleResultView>(jobId, onDrawn);
  const parsed = Object.fromEntries(Object.entries(sizes).map(([k, v]) => [k, Number(v)]).filter(([, n]) => Number.isInteger(n) && (n as number) > 0));
  const total = Object.values(parsed).reduce((a: number, b) => a + (b as number), 0);
  const invalid = Object.values(sizes).some((v) => v.trim() !== '' && !/^\d{1,2}$/.test(v.trim()));

  const draw = async (): Promise<void> => {
    const r = await start.run({ auditKey: audit.auditKey, seed: seed.trim(), sizes: parsed as Record<string, number> });
    if (r.ok) setJobId(r.data.jobId);
  };

  return (
    <div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', gap: `0 ${space.m}` }}>
        {audit.clauses.map((c) => (
          <TextField
            key={c.clauseId}
            label={`Sample size ${c.clauseId}`}
            value={sizes[c.clauseId] ?? ''}
            onChange={(v) => setSizes((s) => ({ ...s, [c.clauseId]: v }))}
            readOnly={!canEdit}
            width={80}
            invalid={(sizes[c.clauseId] ?? '').trim() !== '' && !/^\d{1,2}$/.test((sizes[c.clauseId] ?? '').trim())}
          />
        ))}
      </div>
      <TextField label="Seed" value={seed} onChange={setSeed} readOnly={!canEdit} width={260} hint="The same seed on the same issues draws the same sample." />
      {canEdit && (
        <>
          <p style={{ ...subtleText, fontSize: 12 }}>
            Preview: draws up to {total} evidence issues over {Object.keys(parsed).length} clauses (stratified by status and age, findings and planned work left out) and
            rewrites the description of {audit.auditKey} with the sample and a checklist per clause.
          </p>
          <Button appearance="primary" isDisabled={invalid || total === 0 || seed.trim() === '' || (job !== undefined && (job.status === 'queued' || job.status === 'running'))} onClick={() => void draw()}>
            {audit.sample === null ? 'Draw the sample' : 'Draw the sample again'}
          </Button>
        </>
      )}
      {isAuditorRefusal(error) ? (
        <Notice appearance="error" title="This auditor is not independent">
          {error?.message}
        </Notice>
      ) : (
        error !== undefined && <ResolverError error={error} />
      )}
      <JobOutcome job={job} error={jobError} label={`Sample of ${audit.auditKey}`} />
    </div>
  );
}

function FindingForm({ audit, onCreated }: { audit: AuditView; onCreated: () => void }) {
  const [requestId, setRequestId] = useState(newRequestId);
  const [clauseId, setClauseId] = useState<string | null>(audit.clauses[0]?.clauseId ?? null);
  const [grade, setGrade] = useState<FindingGrade>('major_nc');
  const [summary, setSummary] = useState('');
  const [detail, setDetail] = useState('');
  const [previewing, setPreviewing] = useState(false);
  const recordFinding = useResolverAction('recordFinding');
  const { running: busy, error } = recordFinding;
  const [created, setCreated] = useState<CreatedIssueResponse | undefined>();

  const record = async (): Promise<void> => {
    if (clauseId === null) return;
    const r = await recordFinding.run({ requestId, auditKey: audit.auditKey, clauseId, grade, summary: summary.trim(), detail: detail.trim() });
    if (!r.ok) return;
    setCreated(r.data);
    setPreviewing(false);
    setSummary('');
    setDetail('');
    setRequestId(newRequestId());
    onCreated();
  };

  const gradeLabel = GRADES.find((g) => g.value === grade)?.label ?? grade;
  return (
    <div>
      <div style={{ display: 'flex', gap: space.m, flexWrap: 'wrap' }}>
        <PickerField label="Clause" value={clauseId} options={audit.clauses.map((c) => ({ value: c.clauseId, label: `${c.clauseId} ${c.title}` }))} onChange={setClauseId} />
        <PickerField label="Grade" value={grade} options={GRADES} onChange={setGrade} width={240} />
      </div>
      <TextField label="Finding" value={summary} onChange={setSummary} width="100%" placeholder="What does not conform, in one line" />
      <TextAreaField label="What was seen (objective evidence)" value={detail} onChange={setDetail} />
      {!previewing ? (
        <Button isDisabled={summary.trim() === '' || clauseId === null} onClick={() => setPreviewing(true)}>
          Preview the finding
        </Button>
      ) : (
        <PreviewCard confirmLabel="Record the finding in Jira" busy={busy} onConfirm={() => void record()} onBack={() => setPreviewing(false)}>
          <p style={{ marginBlock: 0 }}>
            One issue “{summary.trim()}” labelled as a {gradeLabel.toLowerCase()}, mapped to clause {clauseId}, linked to {audit.auditKey}.
            {(grade === 'major_nc' || grade === 'minor_nc') && ' It stays open until a corrective action on it is verified as effective.'}
          </p>
        </PreviewCard>
      )}
      {error !== undefined && <ResolverError error={error} />}
      {created !== undefined && (
        <p role="status">
          {created.created ? 'Recorded' : 'Already recorded earlier:'} finding <IssueLink issueKey={created.issueKey} />.
        </p>
      )}
    </div>
  );
}

export function AuditCard({ audit, view, canEdit, onChanged }: { audit: AuditView; view: AuditProgrammeView; canEdit: boolean; onChanged: () => void }) {
  const plan = audit.plan;
  // Open at first while there is no sample; afterwards as the user leaves it (a reload does not fold it under them).
  const [sampleOpen, setSampleOpen] = useState(audit.sample === null && canEdit);
  const drawn = audit.sample === null ? 0 : Object.values(audit.sample.clauses).reduce((n, k) => n + k.length, 0);
  return (
    <Card label={`Audit ${audit.auditKey}`}>
      <div style={{ display: 'flex', gap: space.s, alignItems: 'center', flexWrap: 'wrap' }}>
        <strong>
          <IssueLink issueKey={audit.auditKey} />
        </strong>
        <span>{plan?.title ?? audit.summary}</span>
        <Lozenge appearance={audit.sample === null ? 'default' : 'success'}>{audit.sample === null ? 'No sample yet' : `Sample: ${drawn} issues`}</Lozenge>
        <Lozenge appearance={audit.findingKeys.length === 0 ? 'default' : 'moved'}>{`${audit.findingKeys.length} finding${audit.findingKeys.length === 1 ? '' : 's'}`}</Lozenge>
      </div>
      {plan === null ? (
        <p style={subtleText}>The audit plan on this issue cannot be read: plan the audit again from this view.</p>
      ) : (
        <p style={{ ...subtleText, marginBlock: space.s }}>
          {formatDate(plan.start)} to {formatDate(plan.end)} · auditor {pickedName(plan.auditor, view.people)} · {plural(audit.clauses.length, 'clause')} · criteria: {plan.criteria}
        </p>
      )}
      {audit.sample !== null && (
        <details>
          <summary style={{ cursor: 'pointer' }}>
            The sample (seed “{audit.sample.seed}”, as of {formatDate(audit.sample.asOf)})
          </summary>
          <ul>
            {Object.entries(audit.sample.clauses).map(([clauseId, keys]) => (
              <li key={clauseId}>
                {clauseId}:{' '}
                {keys.length === 0
                  ? 'no evidence to sample'
                  : keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && ', '}
                        <IssueLink issueKey={k} />
                      </span>
                    ))}
              </li>
            ))}
          </ul>
        </details>
      )}
      {plan !== null && (
        <>
          <details style={{ marginBlockStart: space.s }} open={sampleOpen} onToggle={(e) => setSampleOpen(e.currentTarget.open)}>
            <summary style={{ cursor: 'pointer' }}>Sample sizes and seed</summary>
            <SampleForm audit={audit} canEdit={canEdit} onDrawn={onChanged} />
          </details>
          {canEdit && (
            <details style={{ marginBlockStart: space.s }}>
              <summary style={{ cursor: 'pointer' }}>Record a finding from this audit</summary>
              <FindingForm audit={audit} onCreated={onChanged} />
            </details>
          )}
        </>
      )}
    </Card>
  );
}
