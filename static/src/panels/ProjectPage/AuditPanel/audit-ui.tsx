/** Small pieces the Audit and Management review views share: traced figures, issue links, a job's outcome, request ids. */
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { TracedFigure } from '@contract/audit';
import type { JobStatusView } from '@contract/jobs';
import { router } from '@forge/bridge';
import type { ReactNode } from 'react';
import { JobProgress } from '../../../components/JobPanel';
import { Card, space } from '../../../components/kit/layout';
import { subtleText } from '../../../components/kit/text';
import { ResolverError, type ResolverErrorShape } from '../../../components/ResolverError';
import { issueSearchUrl } from '../../IssuePanel/JqlLink';

/** A request id chosen when a form opens: the server finds the issue of a repeated request instead of creating another. */
export function newRequestId(): string {
  const c = globalThis.crypto;
  if (c !== undefined && typeof c.randomUUID === 'function') return c.randomUUID();
  return `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A figure with the JQL that gives it, shown and linked (the issue navigator opens the same issues). */
export function FigureLink({ figure, tone = 'neutral' }: { figure: TracedFigure; tone?: 'neutral' | 'bad' | 'good' }) {
  const url = issueSearchUrl(figure.jql);
  const color = tone === 'bad' && figure.value > 0 ? token('color.text.danger', '#AE2E24') : tone === 'good' ? token('color.text.success', '#216E4E') : token('color.text', '#172B4D');
  return (
    <div style={{ minWidth: 180, flex: '1 1 180px', padding: space.s, border: `1px solid ${token('color.border', '#091E4224')}`, borderRadius: 4 }}>
      <div style={{ ...subtleText, fontSize: 12 }}>{figure.label}</div>
      <div style={{ font: token('font.heading.large', 'normal 653 24px/28px sans-serif'), color }}>{figure.value}</div>
      <a
        href={url}
        title={figure.jql}
        onClick={(e) => {
          e.preventDefault();
          void router.navigate(url);
        }}
        style={{ fontSize: 12 }}
      >
        {figure.exact ? 'Open these issues in Jira' : 'Open the issues they were counted in'}
      </a>
      <code style={{ display: 'block', fontSize: 11, overflowWrap: 'anywhere', marginBlockStart: space.xs, ...subtleText }}>{figure.jql}</code>
    </div>
  );
}

export function Figures({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.s, marginBlockEnd: space.m }}>{children}</div>;
}

/** Progress and outcome of a job the view started: the shared progress block with the job's messages. */
export function JobOutcome<R>({ job, error, label }: { job: JobStatusView<R> | undefined; error: ResolverErrorShape | undefined; label: string }) {
  if (error !== undefined) return <ResolverError error={error} />;
  if (job === undefined) return null;
  return (
    <div role="status" aria-live="polite" style={{ marginBlock: space.s }}>
      <JobProgress label={label} unit="step" job={job}>
        {job.messages.map((m) => (
          <p key={m} style={{ marginBlock: space.xs }}>
            {m}
          </p>
        ))}
      </JobProgress>
    </div>
  );
}

/** The app's error detail of a refused auditor (VALIDATION_FAILED, reason auditor_not_independent). */
export function isAuditorRefusal(error: ResolverErrorShape | undefined): boolean {
  return error?.code === 'VALIDATION_FAILED' && error.details?.reason === 'auditor_not_independent';
}

/** "What will be created in Jira", with the button that writes it and the way back to the form. */
export function PreviewCard({ confirmLabel, busy, onConfirm, onBack, children }: { confirmLabel: string; busy: boolean; onConfirm: () => void; onBack: () => void; children: ReactNode }) {
  return (
    <Card label="What will be created in Jira">
      {children}
      <div style={{ display: 'flex', gap: space.s, marginBlockStart: space.s }}>
        <Button appearance="primary" isDisabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button appearance="subtle" onClick={onBack}>
          Back to editing
        </Button>
      </div>
    </Card>
  );
}
