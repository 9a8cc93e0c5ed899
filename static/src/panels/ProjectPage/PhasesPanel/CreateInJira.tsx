/**
 * SLOT for the epics work (issue 5): turns the saved plan into epics in this project through the
 * `startEpicSync` resolver, then polls `getJobStatus` and shows "n of m" progress and links to the epics.
 */
import Button from '@atlaskit/button/new';
import ProgressBar from '@atlaskit/progress-bar';
import { router } from '@forge/bridge';
import { useEffect, useRef, useState } from 'react';
import type { EpicSyncResultView, JobStatusView } from '@contract/jobs';
import type { Plan } from '@contract/plan';
import { getJobStatus } from '../../../api/get-job-status';
import { startEpicSync } from '../../../api/start-epic-sync';
import { Section, space, subtleText } from '../../../components/PanelKit';
import { ResolverError, type ResolverErrorShape } from '../../../components/ResolverError';

export function CreateInJira({ plan, dirty, canEdit }: { plan: Plan | null; dirty: boolean; canEdit: boolean }) {
  const [job, setJob] = useState<JobStatusView<EpicSyncResultView> | null>(null);
  const [error, setError] = useState<ResolverErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
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
    if (plan === null) return;
    setBusy(true);
    setError(null);
    setJob(null);
    const r = await startEpicSync({
      planId: 'main',
      phases: plan.phases.map((p) => ({ id: p.id, name: p.name, objectives: p.objectives, processes: [...p.boundary.processes] })),
    });
    if (!r.ok) {
      setBusy(false);
      return setError(r.error);
    }
    void poll(r.data.jobId);
  };

  if (!canEdit) return null;
  const result = job?.result ?? null;
  return (
    <Section title="Create in Jira" description="Creates one epic per phase (and one work item per clause) in this project, or brings existing ones in line with the saved plan.">
      {plan === null ? (
        <p style={subtleText}>Save a plan first.</p>
      ) : (
        <Button appearance="primary" isDisabled={busy || dirty} onClick={() => void start()}>
          {busy ? 'Creating…' : 'Create epics in Jira'}
        </Button>
      )}
      {dirty && plan !== null && <p style={subtleText}>Save your changes first: the epics follow the saved plan.</p>}
      {job !== null && (
        <div style={{ marginBlockStart: space.s, maxWidth: '480px' }}>
          <ProgressBar value={job.total === 0 ? (job.status === 'done' ? 1 : 0) : job.done / job.total} ariaLabel={`Epic creation: ${job.done} of ${job.total}`} />
          <p role="status" aria-live="polite">
            {job.status === 'done' ? 'Done' : job.status === 'failed' ? 'Failed' : 'Working'}: {job.done} of {job.total}
          </p>
        </div>
      )}
      {result !== null && (
        <ul aria-label="Epics of the plan" style={{ paddingInlineStart: space.m }}>
          {result.epics.map((e) =>
            e.key === null ? (
              <li key={`${e.phaseId}-${e.subsetId}`}>{e.summary} (not created)</li>
            ) : (
              <li key={e.key}>
                <a
                  href={`/browse/${e.key}`}
                  onClick={(ev) => {
                    ev.preventDefault();
                    void router.navigate({ target: 'issue', issueKey: e.key ?? '' });
                  }}
                >
                  {e.key}
                </a>{' '}
                {e.summary}
              </li>
            ),
          )}
          {result.failures.map((f, i) => (
            <li key={`f-${i}`}>Failed: {f.summary} — {f.messages.join(' ')}</li>
          ))}
        </ul>
      )}
      {error !== null && <ResolverError error={error} />}
    </Section>
  );
}
