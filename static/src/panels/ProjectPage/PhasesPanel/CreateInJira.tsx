/**
 * "Create in Jira" (issue 5): turns the SAVED plan into epics in this project through the `startEpicSync`
 * resolver (which reads the stored plan itself; the browser only sends the version it shows), then polls
 * `getJobStatus`, shows "n of m" progress, and links every epic, the issues to close and the failures.
 */
import Button from '@atlaskit/button/new';
import ProgressBar from '@atlaskit/progress-bar';
import { router } from '@forge/bridge';
import { useEffect, useRef, useState } from 'react';
import type { EpicSyncResultView, JobStatusView } from '@contract/jobs';
import { getJobStatus } from '../../../api/get-job-status';
import { startEpicSync } from '../../../api/start-epic-sync';
import { JobPanel } from '../../../components/JobPanel';
import { Card, Section, Who, formatWhen, space, subtleText } from '../../../components/PanelKit';
import { ResolverError, type ResolverErrorShape } from '../../../components/ResolverError';

interface Props {
  /** Saved plan version; 0 when no plan is saved. */
  savedVersion: number;
  /** The plan on screen differs from the saved one. */
  dirty: boolean;
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

function IssueLink({ issueKey }: { issueKey: string }) {
  return (
    <a
      href={`/browse/${issueKey}`}
      onClick={(ev) => {
        ev.preventDefault();
        void router.navigate({ target: 'issue', issueKey });
      }}
    >
      {issueKey}
    </a>
  );
}

function summaryLine(r: EpicSyncResultView): string {
  const changed = r.created.epics.length + r.created.items.length + r.retitled.length + r.reparented.length;
  if (changed === 0 && r.failures.length === 0 && r.orphans.length === 0) return `Nothing to change: Jira already matches the saved plan (${r.unchanged} issues checked).`;
  return (
    `Created ${r.created.epics.length} epic(s) and ${r.created.items.length} work item(s); retitled ${r.retitled.length}; ` +
    `re-parented ${r.reparented.length}; ${r.unchanged} unchanged; ${r.orphans.length} to close; ${r.failures.length} failed.`
  );
}

export function CreateInJira({ savedVersion, dirty, canEdit, onReload }: Props) {
  const [job, setJob] = useState<JobStatusView<EpicSyncResultView> | null>(null);
  const [error, setError] = useState<ResolverErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [includeItems, setIncludeItems] = useState(true);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current);
  }, []);

  const poll = async (jobId: string) => {
    const r = await getJobStatus({ jobId });
    if (!r.ok) {
      setBusy(false);
      return setError(r.error);
    }
    setJob(r.data as JobStatusView<EpicSyncResultView>);
    if (r.data.status === 'queued' || r.data.status === 'running') timer.current = setTimeout(() => void poll(jobId), 1000);
    else setBusy(false);
  };

  const start = async () => {
    setBusy(true);
    setError(null);
    setJob(null);
    const r = await startEpicSync({ includeItems, expectedPlanVersion: savedVersion });
    if (!r.ok) {
      setBusy(false);
      return setError(r.error);
    }
    void poll(r.data.jobId);
  };

  if (!canEdit) return null;
  const noPlan = savedVersion === 0;
  const blocked = noPlan ? 'Save a plan first: the epics are made from the saved plan.' : dirty ? 'Save your changes first: the epics follow the saved plan, not the edits on screen.' : null;
  const result = job?.status === 'done' || job?.status === 'failed' ? job.result : null;
  return (
    <Section title="Create in Jira" description="Creates one epic per phase and process group (and one work item per clause) in this project, or brings the existing ones in line with the saved plan.">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.m, alignItems: 'center' }}>
        <Button appearance="primary" isDisabled={busy || blocked !== null} onClick={() => void start()}>
          {busy ? 'Creating…' : 'Create in Jira'}
        </Button>
        <label style={{ display: 'inline-flex', gap: space.xs, alignItems: 'center' }}>
          <input type="checkbox" checked={includeItems} disabled={busy} onChange={(e) => setIncludeItems(e.target.checked)} />
          One work item per clause under each epic
        </label>
      </div>
      {blocked !== null && <p style={subtleText}>{blocked}</p>}
      {job !== null && (
        <div style={{ marginBlockStart: space.s, maxWidth: '480px' }}>
          <ProgressBar value={job.total === 0 ? (job.status === 'done' ? 1 : 0) : job.done / job.total} ariaLabel={`Epic creation: ${job.done} of ${job.total}`} />
          <p role="status" aria-live="polite">
            {job.status === 'done' ? 'Done' : job.status === 'failed' ? 'Failed' : job.status === 'interrupted' ? 'Interrupted' : 'Working'}: {job.done} of {job.total}
            {job.status === 'failed' && job.messages.length > 0 ? ` — ${job.messages[job.messages.length - 1] ?? ''}` : ''}
          </p>
          {job.startedBy !== null && (
            <p style={{ ...subtleText, fontSize: '12px' }}>
              Started {formatWhen(job.createdAt)} by <Who accountId={job.startedBy} people={job.people} />
            </p>
          )}
        </div>
      )}
      {result !== null && (
        <>
          <p>{summaryLine(result)}</p>
          <ul aria-label="Epics of the plan" style={{ paddingInlineStart: space.m }}>
            {result.epics.map((e) => (
              <li key={`${e.phaseId}-${e.subsetId}`}>
                {e.key === null ? <span style={subtleText}>(not created)</span> : <IssueLink issueKey={e.key} />} {e.summary}
              </li>
            ))}
          </ul>
          {result.orphans.length > 0 && (
            <Card label="Issues to close" tone="warning">
              <strong>To close ({result.orphans.length})</strong>
              <p style={subtleText}>The plan no longer needs these issues. The app never deletes them: close them in Jira if you agree.</p>
              <ul aria-label="Issues to close" style={{ paddingInlineStart: space.m }}>
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
