/** Preview and publish to Confluence: the preview first, then a queued job with progress and a link to the page. */
import Button from '@atlaskit/button/new';
import ProgressBar from '@atlaskit/progress-bar';
import type { AppContextResponse } from '@contract/app-context';
import type { GapReportView, PreviewReportResponse, PublishReportResultView } from '@contract/gap-report';
import type { ResolverResult } from '@contract/result';
import { useState } from 'react';
import { previewReport } from '../../../api/preview-report';
import { startPublishReport } from '../../../api/start-publish-report';
import { ConfluenceNotConnected } from '../../../components/ConfluenceNotConnected';
import { JobPanel, progressOf, useJob } from '../../../components/JobPanel';
import { Notice } from '../../../components/Notice';
import { Section, space } from '../../../components/kit/layout';
import { Who, formatWhen, subtleText } from '../../../components/kit/text';
import { ResolverError, type ResolverErrorShape } from '../../../components/ResolverError';
import { AdfPreview } from './AdfPreview';

export function PublishSection({ view, canEdit, confluence, siteUrl, onPublished }: { view: GapReportView; canEdit: boolean; confluence: AppContextResponse['confluence']; siteUrl: string; onPublished: () => void }) {
  const [preview, setPreview] = useState<ResolverResult<PreviewReportResponse> | undefined>();
  const [loadingPreview, setLoadingPreview] = useState(false);
  const [snapshot, setSnapshot] = useState(false);
  const [error, setError] = useState<ResolverErrorShape | undefined>();
  const [jobId, setJobId] = useState<string | undefined>();
  const { job, error: jobError } = useJob<PublishReportResultView>(jobId, onPublished);

  const doPreview = async (): Promise<void> => {
    setLoadingPreview(true);
    setPreview(await previewReport({}));
    setLoadingPreview(false);
  };

  const doPublish = async (): Promise<void> => {
    setError(undefined);
    const r = await startPublishReport({ snapshot });
    if (!r.ok) setError(r.error);
    else setJobId(r.data.jobId);
  };

  const running = job !== undefined && (job.status === 'queued' || job.status === 'running');
  const configured = view.settings.configured;
  const pageUrl = (path: string): string => `${siteUrl}${path}`;

  return (
    <Section
      title="Publish to Confluence"
      description={
        !confluence.connected
          ? 'The report is published as a page in Confluence once Confluence is connected. The preview works without it.'
          : configured
          ? `The report becomes a page in Confluence space ${view.settings.confluenceSpaceKey ?? ''}${view.settings.confluenceParentPageId ? ` under page ${view.settings.confluenceParentPageId}` : ''}. Later publishes update the same page, so its history is the audit trail.`
          : 'A project administrator must choose the Confluence space for reports in the project settings first.'
      }
    >
      {view.publication !== null && (
        <p style={subtleText}>
          Last published {formatWhen(view.publication.lastPublishedAt)}
          {view.publication.lastPublishedBy !== '' && (
            <>
              {' '}
              by <Who accountId={view.publication.lastPublishedBy} people={view.people} />
            </>
          )}{' '}
          as version {view.publication.pageVersion}:{' '}
          <a href={pageUrl(view.publication.pagePath)} target="_blank" rel="noreferrer">
            {view.publication.title}
          </a>
        </p>
      )}
      <ConfluenceNotConnected confluence={confluence} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.s, alignItems: 'center', marginBlock: space.s }}>
        <Button onClick={() => void doPreview()} isDisabled={loadingPreview}>
          {loadingPreview ? 'Building preview…' : 'Preview'}
        </Button>
        {/* Without Confluence a publish could never finish: no publish action at all. */}
        {confluence.connected && (
          <>
            <Button appearance="primary" onClick={() => void doPublish()} isDisabled={!canEdit || !configured || running}>
              Publish to Confluence
            </Button>
            <label style={{ display: 'inline-flex', gap: space.xs, alignItems: 'center' }}>
              <input type="checkbox" checked={snapshot} onChange={(e) => setSnapshot(e.target.checked)} disabled={!canEdit} />
              Also keep a dated snapshot page
            </label>
          </>
        )}
      </div>
      {!canEdit && confluence.connected && <p style={subtleText}>Publishing needs write access to the SMS data of this project.</p>}
      {error !== undefined && <ResolverError error={error} />}
      {jobError !== undefined && <ResolverError error={jobError} />}
      {job !== undefined && (
        <div role="status" aria-live="polite" style={{ marginBlock: space.s }}>
          {job.startedBy !== null && (
            <p style={{ ...subtleText, fontSize: '12px' }}>
              Started by <Who accountId={job.startedBy} people={job.people} />
            </p>
          )}
          {running && (
            <>
              <ProgressBar ariaLabel="Publishing progress" value={progressOf(job)} isIndeterminate={job.total === 0} />
              <p style={subtleText}>{job.messages[job.messages.length - 1] ?? 'Queued…'}</p>
            </>
          )}
          {job.status === 'done' && job.result !== null && (
            <Notice appearance="success" title="Published">
              <p>
                {job.messages[job.messages.length - 1]}{' '}
                <a href={pageUrl(job.result.pagePath)} target="_blank" rel="noreferrer">
                  Open the page in Confluence
                </a>
              </p>
            </Notice>
          )}
          {job.status === 'failed' && (
            <Notice appearance="error" title="Publishing failed">
              <p>{job.messages[job.messages.length - 1]}</p>
            </Notice>
          )}
        </div>
      )}
      <JobPanel type="publish-report" noun="The publish" canEdit={canEdit} siteUrl={siteUrl} refreshKey={`${job?.jobId ?? ''}:${job?.status ?? ''}`} onFollow={setJobId} />
      {preview !== undefined && !preview.ok && <ResolverError error={preview.error} />}
      {preview !== undefined && preview.ok && (
        <div style={{ marginBlockStart: space.s }}>
          <p style={subtleText}>
            Preview of “{preview.data.title}” · {Math.round(preview.data.bytes / 1024)} KB of {Math.round(preview.data.limitBytes / 1024)} KB allowed
            {preview.data.willSplit ? ` · too large for one page: split into ${preview.data.childTitles.length} child pages, one per clause group` : ''}
            {preview.data.evidenceTruncated ? ' · the preview reads part of the mapped issues; the publish reads them all' : ''}
          </p>
          <AdfPreview adf={preview.data.adf} label="Report preview" />
        </div>
      )}
    </Section>
  );
}
