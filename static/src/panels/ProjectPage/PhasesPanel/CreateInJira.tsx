/**
 * "Create in Jira" (issues 5 and 15): turns the SAVED plan into epics and work items in this project. First a
 * preview (`previewEpicSync`: how many epics and items will be created, retitled, re-parented, closed, each
 * listed) in a confirmation dialog; only "Create" there starts the job (`startEpicSync`, with the issues the
 * user agreed to close). Then "n of m" progress and the result; the last sync (who, when, what) is read back
 * from the job history on load, with a link to the plan's issues in the issue navigator.
 */
import { plural } from '../../../format/counts';
import Button from '@atlaskit/button/new';
import ProgressBar from '@atlaskit/progress-bar';
import { token } from '@atlaskit/tokens';
import { IssueLink } from '../../../components/IssueLink';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EpicSyncResultView, JobStatusView, PreviewEpicSyncResponse, SyncPreviewLine } from '@contract/jobs';
import { getJobStatus } from '../../../api/get-job-status';
import { listJobHistory } from '../../../api/list-job-history';
import { previewEpicSync } from '../../../api/preview-epic-sync';
import { startEpicSync } from '../../../api/start-epic-sync';
import { JobPanel, progressOf } from '../../../components/JobPanel';
import { Card, Section, space } from '../../../components/kit/layout';
import { Who, formatWhen, subtleText } from '../../../components/kit/text';
import { ResolverError, type ResolverErrorShape } from '../../../components/ResolverError';
import { JqlLink } from '../../IssuePanel/JqlLink';

interface Props {
  /** Saved plan version; 0 when no plan is saved. */
  savedVersion: number;
  /** The plan on screen differs from the saved one. */
  dirty: boolean;
  /** Errors in the plan on screen (an error blocks Create). */
  errorCount: number;
  /** JQL of the plan's issues (from getPlan). */
  planJql: string;
  canEdit: boolean;
  /** Reloads the saved plan (after a CONFLICT). */
  onReload: () => Promise<void>;
}

const REASONS: Record<EpicSyncResultView['orphans'][number]['reason'], string> = {
  'phase-removed': 'its phase was removed from the plan',
  'subset-removed': 'its phase no longer holds processes of this group',
  'clause-removed': 'its clause is no longer planned in this phase',
  duplicate: 'a second issue for the same plan entry',
};

/** What a sync did, in one sentence: what it created, then only the other figures that are not zero. */
function summaryLine(r: EpicSyncResultView): string {
  const changed = r.created.epics.length + r.created.items.length + r.retitled.length + r.reparented.length + r.closed.length;
  if (changed === 0 && r.failures.length === 0 && r.orphans.length === 0) return `Nothing to change: Jira already matches the saved plan (${plural(r.unchanged, 'issue')} checked).`;
  const others = [
    r.retitled.length > 0 ? `retitled ${r.retitled.length}` : '',
    r.reparented.length > 0 ? `re-parented ${r.reparented.length}` : '',
    r.closed.length > 0 ? `closed ${r.closed.length}` : '',
    r.unchanged > 0 ? `${r.unchanged} unchanged` : '',
    r.orphans.length > 0 ? `${r.orphans.length} still to close` : '',
    r.failures.length > 0 ? `${r.failures.length} failed` : '',
  ].filter((s) => s !== '');
  return `Created ${plural(r.created.epics.length, 'epic')} and ${plural(r.created.items.length, 'work item')}${others.map((s) => `; ${s}`).join('')}.`;
}

/**
 * The preview to confirm, in place under the button (a non-modal dialog): the app's frame grows with its
 * content, so an overlay could open out of sight; this panel scrolls itself into view and takes focus.
 */
function PreviewPanel({ title, confirmLabel, confirmDisabled, onCancel, onConfirm, children }: {
  title: string;
  confirmLabel: string;
  confirmDisabled: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
    ref.current?.focus();
  }, []);
  return (
    <div
      ref={ref}
      role="dialog"
      aria-modal="false"
      aria-labelledby="epic-sync-preview-title"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
      style={{ marginBlock: space.m, padding: space.m, border: `2px solid ${token('color.border.brand', '#0C66E4')}`, borderRadius: token('radius.large', '8px'), outline: 'none' }}
    >
      <h3 id="epic-sync-preview-title" style={{ marginBlock: 0, marginBlockEnd: space.s }}>
        {title}
      </h3>
      {children}
      <div style={{ display: 'flex', gap: space.s, justifyContent: 'flex-end', marginBlockStart: space.m }}>
        <Button appearance="subtle" onClick={onCancel}>
          Cancel
        </Button>
        <Button appearance="primary" isDisabled={confirmDisabled} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </div>
  );
}

/** The lines of one kind of change in the preview, folded when long. */
function PreviewList({ title, lines, render }: { title: string; lines: readonly SyncPreviewLine[]; render: (l: SyncPreviewLine) => React.ReactNode }) {
  if (lines.length === 0) return null;
  return (
    <details open={lines.length <= 12} style={{ marginBlockEnd: space.s }}>
      <summary style={{ cursor: 'pointer', fontWeight: 600 }}>
        {title} ({lines.length})
      </summary>
      <ul aria-label={title} style={{ paddingInlineStart: space.m, marginBlock: space.xs }}>
        {lines.map((l, i) => (
          <li key={`${l.key ?? ''}-${l.summary}-${i}`}>{render(l)}</li>
        ))}
      </ul>
    </details>
  );
}

export function CreateInJira({ savedVersion, dirty, errorCount, planJql, canEdit, onReload }: Props) {
  const [job, setJob] = useState<JobStatusView<EpicSyncResultView> | null>(null);
  const [error, setError] = useState<ResolverErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [includeItems, setIncludeItems] = useState(true);
  const [preview, setPreview] = useState<PreviewEpicSyncResponse | null>(null);
  const [closeOrphans, setCloseOrphans] = useState(true);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current);
  }, []);

  const poll = useCallback(async (jobId: string) => {
    const r = await getJobStatus({ jobId });
    if (!r.ok) {
      setBusy(false);
      return setError(r.error);
    }
    setJob(r.data as JobStatusView<EpicSyncResultView>);
    if (r.data.status === 'queued' || r.data.status === 'running') timer.current = setTimeout(() => void poll(jobId), 1000);
    else setBusy(false);
  }, []);

  // The last sync survives a reload: read the newest epic-sync job of the project and show it.
  useEffect(() => {
    void listJobHistory({ type: 'epic-sync' }).then((r) => {
      const last = r.ok ? r.data.jobs[0] : undefined;
      if (last !== undefined) void poll(last.jobId);
    });
  }, [poll]);

  const openPreview = async () => {
    setBusy(true);
    setError(null);
    const r = await previewEpicSync({ includeItems, expectedPlanVersion: savedVersion });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setCloseOrphans(true);
    setPreview(r.data);
  };

  const start = async () => {
    if (preview === null) return;
    const close = closeOrphans ? preview.preview.close.map((o) => o.key) : [];
    setPreview(null);
    setBusy(true);
    setError(null);
    setJob(null);
    const r = await startEpicSync({ includeItems, expectedPlanVersion: savedVersion, close });
    if (!r.ok) {
      setBusy(false);
      return setError(r.error);
    }
    void poll(r.data.jobId);
  };

  if (!canEdit) return null;
  const noPlan = savedVersion === 0;
  const blocked = noPlan
    ? 'Save a plan first: the epics are made from the saved plan.'
    : dirty
      ? 'Save your changes first: the epics follow the saved plan, not the edits on screen.'
      : errorCount > 0
        ? `Fix the ${plural(errorCount, 'error')} in the plan first.`
        : null;
  const result = job?.status === 'done' || job?.status === 'failed' ? job.result : null;
  const running = job !== null && (job.status === 'queued' || job.status === 'running');
  const p = preview?.preview;
  const writes = p === undefined ? 0 : p.counts.createEpics + p.counts.createItems + p.counts.retitle + p.counts.reparent + (closeOrphans ? p.counts.close : 0);
  return (
    <Section title="Create in Jira" description="Creates one epic per phase and process group (and one work item per clause) in this project, or brings the existing ones in line with the saved plan. You see every change before anything is written.">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.m, alignItems: 'center' }}>
        {/* The main action only when it can run and its preview is not open: otherwise "Save plan" or the preview's confirm is. */}
        <Button appearance={blocked === null && preview === null ? 'primary' : 'default'} isDisabled={busy || running || blocked !== null} onClick={() => void openPreview()}>
          {busy && preview === null && !running ? 'Checking Jira…' : running ? 'Working…' : 'Create in Jira…'}
        </Button>
        <label style={{ display: 'inline-flex', gap: space.xs, alignItems: 'center' }}>
          <input type="checkbox" checked={includeItems} disabled={busy} onChange={(e) => setIncludeItems(e.target.checked)} />
          One work item per clause under each epic
        </label>
      </div>
      {blocked !== null && <p style={subtleText}>{blocked}</p>}
      {p !== undefined && preview !== null && (
        <PreviewPanel
          title={p.nothingToDo ? 'Jira already matches the plan' : 'Create in Jira: check the changes'}
          confirmLabel={p.nothingToDo || writes === 0 ? 'Nothing to do' : `Make ${plural(writes, 'change')} in Jira`}
          confirmDisabled={p.nothingToDo || writes === 0}
          onCancel={() => setPreview(null)}
          onConfirm={() => void start()}
        >
          <div data-testid="epic-sync-preview">
            <p>
              From plan version {preview.planVersion}: create {plural(p.counts.createEpics, 'epic')} and {plural(p.counts.createItems, 'work item')}, retitle{' '}
              {p.counts.retitle}, re-parent {p.counts.reparent}, close {p.counts.close}. {p.counts.unchanged} already match.
            </p>
            <PreviewList title="To create" lines={p.create} render={(l) => <>{l.role === 'epic' ? 'Epic' : 'Work item'}: {l.summary}</>} />
            <PreviewList
              title="To retitle"
              lines={p.retitle}
              render={(l) => (
                <>
                  {l.key !== null && <IssueLink issueKey={l.key} />} “{l.detail}” → “{l.summary}”
                </>
              )}
            />
            <PreviewList
              title="To move under another epic"
              lines={p.reparent}
              render={(l) => (
                <>
                  {l.key !== null && <IssueLink issueKey={l.key} />} clause {l.summary} → {l.detail}
                </>
              )}
            />
            {p.close.length > 0 && (
              <Card label="Issues to close" tone="warning">
                <strong>To close ({p.close.length})</strong>
                <p style={subtleText}>The plan no longer needs these issues. The app never deletes an issue; it can move them to a done status (“Canceled” where the workflow has it).</p>
                <ul aria-label="Issues to close" style={{ paddingInlineStart: space.m }}>
                  {p.close.map((o) => (
                    <li key={o.key}>
                      <IssueLink issueKey={o.key} /> {o.summary} <span style={subtleText}>({REASONS[o.reason]})</span>
                    </li>
                  ))}
                </ul>
                <label style={{ display: 'inline-flex', gap: space.xs, alignItems: 'center' }}>
                  <input type="checkbox" checked={closeOrphans} onChange={(e) => setCloseOrphans(e.target.checked)} />
                  Close these {plural(p.close.length, 'issue')}
                </label>
              </Card>
            )}
          </div>
        </PreviewPanel>
      )}
      {job !== null && (
        <div style={{ marginBlockStart: space.s, maxWidth: '480px' }}>
          {running && <ProgressBar value={progressOf(job)} ariaLabel={`Epic creation: ${job.done} of ${job.total}`} />}
          <p role="status" aria-live="polite">
            {running ? `Working: ${job.done} of ${job.total}` : job.status === 'done' ? 'Last sync done' : job.status === 'failed' ? 'Last sync failed' : 'Last sync interrupted'}
            {job.status === 'failed' && job.messages.length > 0 ? ` — ${job.messages[job.messages.length - 1] ?? ''}` : ''}
          </p>
          {job.startedBy !== null && (
            <p style={{ ...subtleText, fontSize: '12px' }} data-testid="last-sync">
              Started {formatWhen(job.createdAt)} by <Who accountId={job.startedBy} people={job.people} />
              {job.endedAt !== null ? `, ended ${formatWhen(job.endedAt)}` : ''}.
            </p>
          )}
        </div>
      )}
      {result !== null && (
        <>
          <p>{summaryLine(result)}</p>
          <p>
            <JqlLink jql={planJql}>Open the plan’s issues in the issue navigator</JqlLink>
          </p>
          <details open={result.epics.length <= 15}>
            <summary style={{ cursor: 'pointer' }}>Epics of the plan ({result.epics.length})</summary>
            <ul aria-label="Epics of the plan" style={{ paddingInlineStart: space.m }}>
              {result.epics.map((e) => (
                <li key={`${e.phaseId}-${e.subsetId}`}>
                  {e.key === null ? <span style={subtleText}>(not created)</span> : <IssueLink issueKey={e.key} />} {e.summary}
                </li>
              ))}
            </ul>
          </details>
          {result.closed.length > 0 && (
            <Card label="Closed issues">
              <strong>Closed ({result.closed.length})</strong>
              <ul aria-label="Closed issues" style={{ paddingInlineStart: space.m }}>
                {result.closed.map((c) => (
                  <li key={c.key}>
                    <IssueLink issueKey={c.key} /> {c.summary} <span style={subtleText}>(now {c.status})</span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
          {result.orphans.length > 0 && (
            <Card label="Issues still to close" tone="warning">
              <strong>Still to close ({result.orphans.length})</strong>
              <p style={subtleText}>The plan no longer needs these issues. Run “Create in Jira” again to close them after confirming, or close them in Jira.</p>
              <ul aria-label="Issues still to close" style={{ paddingInlineStart: space.m }}>
                {result.orphans.map((o) => (
                  <li key={o.key}>
                    <IssueLink issueKey={o.key} /> {o.summary} <span style={subtleText}>({REASONS[o.reason]})</span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
          {result.failures.length > 0 && (
            <Card label="Failures" tone="warning">
              <strong>Not done ({result.failures.length})</strong>
              <ul aria-label="Failures" style={{ paddingInlineStart: space.m }}>
                {result.failures.map((f, i) => (
                  <li key={`${f.role}-${f.key ?? f.summary}-${i}`}>
                    {f.key !== undefined && <IssueLink issueKey={f.key} />} {f.summary}: {f.messages.join(' ') || `Jira answered ${f.status}`}
                    {f.transient ? ' (temporary; run again)' : ''}
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </>
      )}
      {error !== null && (
        <ResolverError
          error={error}
          action={error.code === 'CONFLICT' ? <Button appearance="subtle" onClick={() => void onReload().then(() => setError(null))}>Reload the saved plan</Button> : undefined}
        />
      )}
      <JobPanel type="epic-sync" noun="Create in Jira" canEdit={canEdit} refreshKey={`${job?.jobId ?? ''}:${job?.status ?? ''}`} onFollow={(id) => void poll(id)} />
    </Section>
  );
}
