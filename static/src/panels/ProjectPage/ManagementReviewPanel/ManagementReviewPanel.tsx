/**
 * The Management review view (ISO/IEC 20000-1 9.3): publishes the review pack to Confluence through the one page
 * upsert (a job), lists the packs published, and records the meeting's decisions and actions as Jira issues.
 */
import Button from '@atlaskit/button/new';
import type { CreatedIssueResponse, PublishReviewResultView, ReviewOutputKind } from '@contract/audit';
import { useEffect, useState } from 'react';
import { useResolver, useResolverAction } from '../../../api/use-resolver';
import { getSiteUrl } from '../../../api/start-publish-report';
import { ConfluenceNotConnected } from '../../../components/ConfluenceNotConnected';
import { DateField, PickerField } from '../../../components/JiraFields';
import { Loading } from '../../../components/Loading';
import { Card, Section, space } from '../../../components/kit/layout';
import { TextAreaField, TextField } from '../../../components/kit/fields';
import { inTextLink, subtleText } from '../../../components/kit/text';
import { ResolverError } from '../../../components/ResolverError';
import type { ProjectViewProps } from '../ProjectPage';
import { FigureLink, Figures, JobOutcome, newRequestId } from '../AuditPanel/audit-ui';
import { useJob } from '../../../components/JobPanel';
import { IssueLink } from '../../../components/IssueLink';

const PACK_SECTIONS = [
  'Actions from the previous review',
  'Changes to the scope',
  'Audit results',
  'Nonconformities and corrective actions',
  'KPI trends',
  'Maturity',
  'Customer satisfaction and complaints',
  'Challenges and risks',
  'Decisions and actions (filled in after the meeting)',
];

function OutputForm({ reviewDate, onCreated }: { reviewDate: string; onCreated: () => void }) {
  const [requestId, setRequestId] = useState(newRequestId);
  const [kind, setKind] = useState<ReviewOutputKind>('action');
  const [summary, setSummary] = useState('');
  const [detail, setDetail] = useState('');
  const [dueDate, setDueDate] = useState('');
  const recordOutput = useResolverAction('recordReviewOutput');
  const { running: busy, error } = recordOutput;
  const [created, setCreated] = useState<CreatedIssueResponse | undefined>();

  const record = async (): Promise<void> => {
    const r = await recordOutput.run({ requestId, reviewDate, kind, summary: summary.trim(), detail: detail.trim(), dueDate: dueDate === '' ? null : dueDate });
    if (!r.ok) return;
    setCreated(r.data);
    setSummary('');
    setDetail('');
    setRequestId(newRequestId());
    onCreated();
  };

  return (
    <div>
      <div style={{ display: 'flex', gap: space.m, flexWrap: 'wrap' }}>
        <PickerField
          label="Kind"
          value={kind}
          options={[
            { value: 'decision', label: 'Decision' },
            { value: 'action', label: 'Action' },
          ]}
          onChange={setKind}
          width={180}
        />
        <DateField label="Due date (optional)" value={dueDate} onChange={setDueDate} />
      </div>
      <TextField label="What was decided, or who does what" value={summary} onChange={setSummary} width="100%" />
      <TextAreaField label="Detail" value={detail} onChange={setDetail} />
      <p style={{ ...subtleText, fontSize: 12 }}>
        Preview: one Jira issue “Management review {reviewDate} – {kind}: {summary.trim() || '…'}” labelled sms-review-action, carrying the review date and a link to
        its pack.
      </p>
      <Button appearance="primary" isDisabled={busy || summary.trim() === ''} onClick={() => void record()}>
        Record in Jira
      </Button>
      {error !== undefined && <ResolverError error={error} />}
      {created !== undefined && (
        <p role="status">
          {created.created ? 'Recorded' : 'Already recorded earlier:'} <IssueLink issueKey={created.issueKey} />.
        </p>
      )}
    </div>
  );
}

export default function ManagementReviewPanel({ canEdit, confluence, reportSpaceChosen }: ProjectViewProps) {
  const programme = useResolver('getAuditProgramme', {});
  const [siteUrl, setSiteUrl] = useState('');
  const [reviewDate, setReviewDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [periodStart, setPeriodStart] = useState(() => `${new Date().getUTCFullYear()}-01-01`);
  const [jobId, setJobId] = useState<string | undefined>();
  const startPublish = useResolverAction('startPublishReview');
  const startError = startPublish.error;
  const reload = programme.reload;
  useEffect(() => {
    void getSiteUrl().then(setSiteUrl);
  }, []);
  const { job, error: jobError } = useJob<PublishReviewResultView>(jobId, () => void reload());

  if (programme.data === undefined) return programme.error !== undefined ? <ResolverError error={programme.error} /> : <Loading label="Loading the management review" />;
  const view = programme.data;
  const published = view.reviews.find((r) => r.reviewDate === reviewDate);

  const publish = async (): Promise<void> => {
    const r = await startPublish.run({ reviewDate, periodStart });
    if (r.ok) setJobId(r.data.jobId);
  };
  const running = job !== undefined && (job.status === 'queued' || job.status === 'running');

  return (
    <div>
      <p style={{ ...subtleText, marginBlockStart: 0 }}>
        The pack is assembled from the project’s data: audits, nonconformities and corrective actions, KPIs, risks and the actions of earlier reviews. The
        meeting’s decisions and actions are then recorded here as Jira issues.
      </p>
      <Figures>
        <FigureLink figure={view.figures.audits} />
        <FigureLink figure={view.figures.openMajor} tone="bad" />
        <FigureLink figure={view.figures.openMinor} tone="bad" />
        <FigureLink figure={view.figures.overdueActions} tone="bad" />
      </Figures>
      <Section title="Review pack">
        <div style={{ display: 'flex', gap: space.m, flexWrap: 'wrap' }}>
          <DateField label="Review date" value={reviewDate} onChange={setReviewDate} readOnly={!canEdit} />
          <DateField label="Period from" value={periodStart} onChange={setPeriodStart} readOnly={!canEdit} hint="Audits, changes and actions since this date." />
        </div>
        <Card label="What the pack holds">
          <p style={{ marginBlock: 0 }}>
            A Confluence page “Management review {reviewDate}” in the project’s report space, with these sections, each figure beside the JQL that gives it:
          </p>
          <ol style={{ marginBlockEnd: 0 }}>
            {PACK_SECTIONS.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
          <p style={{ ...subtleText, fontSize: 12 }}>Publishing again for the same date updates the same page.</p>
        </Card>
        {!confluence.connected ? (
          <ConfluenceNotConnected confluence={confluence} />
        ) : (
          canEdit && (
            <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: space.s }}>
              <Button appearance="primary" isDisabled={running || reviewDate === '' || periodStart === '' || !reportSpaceChosen} onClick={() => void publish()}>
                {published === undefined ? 'Publish the review pack' : 'Publish the review pack again'}
              </Button>
              {!reportSpaceChosen && <span style={subtleText}>A project administrator must choose the Confluence space for reports in the project settings first.</span>}
            </div>
          )
        )}
        {startError !== undefined && <ResolverError error={startError} />}
        <JobOutcome job={job} error={jobError} label="Review pack" />
        {job?.status === 'done' && job.result !== null && (
          <p>
            <a href={`${siteUrl}${job.result.pagePath}`} target="_blank" rel="noreferrer">
              Open “{job.result.title}” in Confluence
            </a>
          </p>
        )}
        {view.reviews.length > 0 && (
          <div>
            <h4 style={{ marginBlockEnd: space.xs }}>Published packs</h4>
            <ul>
              {view.reviews.map((r) => (
                <li key={r.reviewDate}>
                  <a href={`${siteUrl}${r.pagePath}`} target="_blank" rel="noreferrer" style={inTextLink}>
                    {r.title}
                  </a>{' '}
                  <span style={subtleText}>published {r.publishedAt.slice(0, 10)}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </Section>
      <Section title="Decisions and actions">
        {view.reviewOutputs.length === 0 ? (
          <p style={subtleText}>No decision or action is recorded yet.</p>
        ) : (
          <ul>
            {view.reviewOutputs.map((o) => (
              <li key={o.issueKey}>
                <IssueLink issueKey={o.issueKey} /> {o.summary}
              </li>
            ))}
          </ul>
        )}
        {canEdit && <OutputForm reviewDate={reviewDate} onCreated={() => void reload()} />}
      </Section>
    </div>
  );
}
