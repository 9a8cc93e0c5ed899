/**
 * The one job UI shared by Create in Jira (Phases), bulk clause mapping and the gap report publish: an
 * interrupted job says so plainly and offers Resume (continue where it stopped) and Abandon (end it; for a
 * bulk mapping, undo what it wrote), and the project's job history of that type (who, when, what, how it
 * ended, links). `JobProgress` is the progress block of a running (or just ended) job, `progressOf` its bar value,
 * `useJob` follows the job a view started until it ends.
 */
import { formatDateTime } from '../format/dates';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import ProgressBar from '@atlaskit/progress-bar';
import { token } from '@atlaskit/tokens';
import type { JobHistoryItemView, JobStatusName, JobStatusView, ListJobHistoryResponse } from '@contract/jobs';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { abandonJob } from '../api/abandon-job';
import { getJobStatus } from '../api/get-job-status';
import { listJobHistory } from '../api/list-job-history';
import { resumeJob } from '../api/resume-job';
import { Notice } from './Notice';
import { space } from './kit/layout';
import { Who, subtleText } from './kit/text';
import { ResolverError, type ResolverErrorShape } from './ResolverError';

export type { JobTypeKey } from '@contract/jobs';
import type { JobTypeKey } from '@contract/jobs';

const POLL_MS = 2000;
const cell = { padding: token('space.075', '6px'), borderBlockEnd: `1px solid ${token('color.border', '#091E4224')}`, textAlign: 'start', verticalAlign: 'top' } as const;

const STATUS_LABEL: Record<JobStatusName, { text: string; appearance: 'default' | 'inprogress' | 'success' | 'removed' | 'moved' }> = {
  queued: { text: 'Queued', appearance: 'default' },
  running: { text: 'Running', appearance: 'inprogress' },
  interrupted: { text: 'Interrupted', appearance: 'moved' },
  done: { text: 'Done', appearance: 'success' },
  failed: { text: 'Failed', appearance: 'removed' },
  abandoned: { text: 'Abandoned', appearance: 'default' },
};

/** What a job's progress is read from (JobStatusView and the bulk mapping's BulkJobView both have it). */
export type JobCounts = { status: JobStatusName; done: number; total: number };

const isRunning = (job: JobCounts): boolean => job.status === 'queued' || job.status === 'running';

/** The bar value of a job: done / total; an ended job with nothing to do is full, a running one empty. */
export const progressOf = (job: JobCounts): number => (job.total === 0 ? (isRunning(job) ? 0 : 1) : job.done / job.total);

/** How often a followed job is read while it runs. */
const FOLLOW_MS = 1000;

/**
 * Follows one job (read every second while queued or running) until it ends; calls the latest `onDone` once
 * when it finished. A new `jobId` starts afresh (job and error cleared).
 */
export function useJob<R>(jobId: string | undefined, onDone: (job: JobStatusView<R>) => void): { job: JobStatusView<R> | undefined; error: ResolverErrorShape | undefined } {
  const [job, setJob] = useState<JobStatusView<R> | undefined>();
  const [error, setError] = useState<ResolverErrorShape | undefined>();
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    if (jobId === undefined) return undefined;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setJob(undefined);
    setError(undefined);
    const poll = async (): Promise<void> => {
      const r = await getJobStatus({ jobId });
      if (!live) return;
      if (!r.ok) {
        setError(r.error);
        return;
      }
      const status = r.data as JobStatusView<R>;
      setJob(status);
      if (isRunning(status)) timer = setTimeout(() => void poll(), FOLLOW_MS);
      else if (status.status === 'done') done.current(status);
    };
    void poll();
    return () => {
      live = false;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [jobId]);
  return { job, error };
}

/** "<label>: n of m <unit>…" (or "— finished", "— <status>") above the job's progress bar. */
export function JobProgress({ label, unit, job, children }: { label: string; unit: string; job: JobCounts; children?: ReactNode }) {
  const running = isRunning(job);
  return (
    <div style={{ display: 'grid', gap: token('space.075', '6px') }}>
      <span>
        {label}: {job.done} of {job.total} {unit}
        {running ? '…' : job.status === 'done' ? ' — finished' : ` — ${job.status}`}
      </span>
      <ProgressBar ariaLabel={`${label} progress`} appearance={job.status === 'done' ? 'success' : 'default'} value={progressOf(job)} />
      {children}
    </div>
  );
}

export interface JobPanelProps {
  type: JobTypeKey;
  /** What the job is called in sentences ("The bulk mapping change"). */
  noun: string;
  canEdit: boolean;
  /** Changes when the panel started a job, so the history is read again. */
  refreshKey?: string | number;
  /** Prefix for the links (the site URL); the links are product paths. */
  siteUrl?: string;
  /** After Resume or Abandon: the job to follow now (the resumed one, or an undo queued by Abandon). */
  onFollow?: (jobId: string) => void;
  /** What Abandon does for this job type, said on the button's confirmation line. */
  abandonHint?: string;
}

export function JobPanel({ type, noun, canEdit, refreshKey, siteUrl = '', onFollow, abandonHint }: JobPanelProps) {
  const [history, setHistory] = useState<ListJobHistoryResponse | undefined>();
  const [error, setError] = useState<ResolverErrorShape | undefined>();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | undefined>();
  /** The history table is rendered only while open, so its lines never double the panel's own messages. */
  const [open, setOpen] = useState(false);

  const load = useCallback(async (): Promise<ListJobHistoryResponse | undefined> => {
    const r = await listJobHistory({ type });
    if (!r.ok) {
      setError(r.error);
      return undefined;
    }
    setHistory(r.data);
    return r.data;
  }, [type]);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  const latest: JobHistoryItemView | undefined = history?.jobs[0];
  const active = latest !== undefined && (latest.status === 'queued' || latest.status === 'running');
  useEffect(() => {
    if (!active) return undefined;
    const t = setTimeout(() => void load(), POLL_MS);
    return () => clearTimeout(t);
  }, [active, history, load]);

  const act = async (what: 'resume' | 'abandon', jobId: string): Promise<void> => {
    setBusy(true);
    setError(undefined);
    const r = what === 'resume' ? await resumeJob({ jobId }) : await abandonJob({ jobId });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setNote(r.data.message);
    await load();
    onFollow?.(r.data.followUpJobId ?? r.data.jobId);
  };

  const people = history?.people ?? {};
  return (
    <div style={{ display: 'grid', gap: space.s }}>
      {error && <ResolverError error={error} />}
      {latest?.status === 'interrupted' && (
        <Notice appearance="warning" title={`${noun} was interrupted`}>
          <p>
            It stopped after {latest.done} of {latest.total} and is not running now. {latest.lastMessage ?? ''}
          </p>
          {canEdit ? (
            <div style={{ display: 'flex', gap: space.s, flexWrap: 'wrap', alignItems: 'center' }}>
              <Button appearance="primary" onClick={() => void act('resume', latest.jobId)} isDisabled={busy}>
                Resume
              </Button>
              <Button appearance="warning" onClick={() => void act('abandon', latest.jobId)} isDisabled={busy}>
                Abandon
              </Button>
              <span style={subtleText}>Resume continues where it stopped. {abandonHint ?? 'Abandon ends it.'}</span>
            </div>
          ) : (
            <p style={subtleText}>A project administrator or an SMS editor can resume or abandon it.</p>
          )}
        </Notice>
      )}
      {note && <p role="status" style={subtleText}>{note}</p>}
      {history && history.jobs.length > 0 && (
        <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
          <summary>Job history ({history.jobs.length})</summary>
          {open && (
            <table aria-label={`${noun} history`} style={{ borderCollapse: 'collapse', width: '100%', marginBlockStart: space.s }}>
              <thead>
                <tr>
                  <th style={cell}>When</th>
                  <th style={cell}>Who</th>
                  <th style={cell}>What</th>
                  <th style={cell}>How it ended</th>
                  <th style={cell}>Links</th>
                </tr>
              </thead>
              <tbody>
                {history.jobs.map((j) => (
                  <tr key={j.jobId}>
                    <td style={cell}>{formatDateTime(j.createdAt)}</td>
                    <td style={cell}>
                      <Who accountId={j.startedBy} people={people} />
                    </td>
                    <td style={cell}>
                      {j.title}
                      {j.lastMessage && <span style={{ ...subtleText, display: 'block', fontSize: '12px' }}>{j.lastMessage}</span>}
                    </td>
                    <td style={cell}>
                      <Lozenge appearance={STATUS_LABEL[j.status].appearance}>{STATUS_LABEL[j.status].text}</Lozenge>
                      {j.endedBy && (
                        <span style={{ ...subtleText, display: 'block', fontSize: '12px' }}>
                          by <Who accountId={j.endedBy} people={people} />
                        </span>
                    )}
                  </td>
                  <td style={cell}>
                    {j.links.map((l) => (
                      <a key={l.href} href={`${siteUrl}${l.href}`} target="_blank" rel="noreferrer" style={{ marginInlineEnd: space.xs }}>
                        {l.label}
                      </a>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          )}
        </details>
      )}
    </div>
  );
}
