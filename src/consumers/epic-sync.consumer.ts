/**
 * The 'epic-sync' job: brings Jira in line with the project's saved plan (queued by startEpicSync, which stored
 * the plan as the job's input). One step, run by the job runner (src/platform/job-runner.ts).
 *
 * Identity: Forge queue consumers run without a user, so `asUser()` is not available here (it would need a
 * stored user token). The Jira calls therefore run as the app — allowed only because the resolver checked,
 * as the user, that they may change the SMS data (write access) AND hold CREATE_ISSUES in the project
 * before queueing. The user's accountId is recorded on the job.
 *
 * Safe to run again: the step searches Jira for the plan's issues first (reconcile), so a redelivered or
 * resumed run creates only what is still missing. Jira failing for some issues transiently makes the runner
 * retry; a job whose work items all fail (or whose every write fails) ends `failed` with the reason, never `done`.
 */
import { z } from 'zod';
import type { AppServices } from '../app-services';
import type { EpicSyncResultView } from '../contract/jobs';
import { UpstreamError } from '../domain/errors';
import { defineJob, toJson, type JobOutcome, type TypedJob } from '../platform/job-runner';
import { EPIC_SYNC_JOB, hasTransientFailures, type EpicSyncJobInput } from '../services/epic-sync.service';

export { EPIC_SYNC_JOB_TYPE, type EpicSyncJobInput } from '../services/epic-sync.service';

const PROGRESS_EVERY = 10;

const resultSchema = z.custom<EpicSyncResultView>(
  (v) => typeof v === 'object' && v !== null && Array.isArray((v as { failures?: unknown }).failures),
  'not an epic-sync result',
);
const checkpointSchema = z.object({
  result: resultSchema.nullable(),
  /** Keys the close step has finished with (closed or failed), so a resumed run does not redo them. */
  closeDone: z.array(z.string()).default([]),
});
type EpicSyncCheckpoint = z.infer<typeof checkpointSchema>;

/** Most orphans and failures a stored result lists (a job record holds at most 240 KiB). */
export const RESULT_LIST_MAX = 300;

/** The result as stored: long lists of issues to close or failures are cut to RESULT_LIST_MAX. */
export function clipEpicSyncResult(result: EpicSyncResultView): { result: EpicSyncResultView; note: string | null } {
  const cut = result.orphans.length > RESULT_LIST_MAX || result.failures.length > RESULT_LIST_MAX;
  if (!cut) return { result, note: null };
  return {
    result: { ...result, orphans: result.orphans.slice(0, RESULT_LIST_MAX), failures: result.failures.slice(0, RESULT_LIST_MAX) },
    note: `${result.orphans.length} issue(s) to close and ${result.failures.length} failure(s); the first ${RESULT_LIST_MAX} of each are listed.`,
  };
}

/** Done, or failed with the reason when nothing the job had to write could be written. */
export function epicSyncOutcome(result: EpicSyncResultView): JobOutcome {
  const summary =
    `Created ${result.created.epics.length} epic(s) and ${result.created.items.length} work item(s); ` +
    `retitled ${result.retitled.length}, re-parented ${result.reparented.length}; closed ${result.closed.length}; ${result.orphans.length} to close; ` +
    `${result.failures.length} failed.`;
  const failureLines = result.failures.slice(0, 50).map((f) => `${f.summary}: ${f.messages.join('; ') || `HTTP ${f.status}`}`);
  const itemFailures = result.failures.filter((f) => f.role === 'item').length;
  const wrote = result.created.epics.length + result.created.items.length + result.retitled.length + result.reparented.length;
  const allItemsFailed = itemFailures > 0 && result.created.items.length === 0;
  const failed = result.failures.length > 0 && (wrote === 0 || allItemsFailed);
  const reason = result.failures[0] ? `${result.failures[0].summary}: ${result.failures[0].messages.join('; ') || `HTTP ${result.failures[0].status}`}` : '';
  const links = result.epics.flatMap((e) => (e.key ? [{ label: e.key, href: `/browse/${e.key}` }] : [])).slice(0, 20);
  return {
    status: failed ? 'failed' : 'done',
    result: toJson(result),
    links,
    messages: failed
      ? [`Failed: ${allItemsFailed ? `none of the ${itemFailures} work item(s)` : 'none of the issues'} could be created in Jira. First reason — ${reason}`, summary, ...failureLines]
      : [summary, ...failureLines],
  };
}

/** Builds the job type (its Jira client, with the retry options tests inject, comes from the composition root). */
export function createEpicSyncJob(): TypedJob<EpicSyncJobInput, AppServices> {
  return defineJob<EpicSyncJobInput, EpicSyncCheckpoint, AppServices>({
    ...EPIC_SYNC_JOB,
    checkpoint: checkpointSchema,
    initial: () => ({ result: null, closeDone: [] }),
    steps: [
      {
        name: 'sync',
        async run(ctx) {
          const { deps, input } = ctx;
          const settings = await deps.settings.get(input.projectId);
          let written = -1;
          const result = await deps.epicSync.run(
            { projectId: input.projectId, input: input.request, epicIssueTypeId: settings?.epicIssueTypeId ?? null },
            async (p) => {
              if (p.message === undefined && p.done !== p.total && p.done - written < PROGRESS_EVERY) return;
              written = p.done;
              await ctx.progress({ done: p.done, total: p.total, ...(p.message ? { message: p.message } : {}) });
            },
          );
          if (hasTransientFailures(result)) {
            throw new UpstreamError(`Jira kept failing for ${result.failures.filter((f) => f.transient).length} issue(s); the job resumes with what is still missing.`);
          }
          const clipped = clipEpicSyncResult(result);
          if (clipped.note !== null) await ctx.progress({ message: clipped.note });
          return { result: clipped.result, closeDone: [] };
        },
      },
      {
        // Closes what the user confirmed AND the sync still found open and unwanted: a key the plan wants
        // again (or that was closed by hand meanwhile) is left alone.
        name: 'close',
        async run(ctx) {
          const result = ctx.checkpoint.result;
          if (result === null || ctx.input.close.length === 0) return;
          const confirmed = new Set(ctx.input.close);
          const todo = result.orphans.filter((o) => confirmed.has(o.key) && !ctx.checkpoint.closeDone.includes(o.key));
          if (todo.length === 0) return;
          await ctx.progress({ message: `Closing ${todo.length} issue(s) the plan no longer needs.` });
          let current = ctx.checkpoint;
          await ctx.deps.epicSync.closeIssues(
            todo.map((o) => o.key),
            async (key, outcome) => {
              const r = current.result as EpicSyncResultView;
              const orphan = r.orphans.find((o) => o.key === key);
              const next: EpicSyncResultView = outcome.ok
                ? { ...r, orphans: r.orphans.filter((o) => o.key !== key), closed: [...r.closed, { key, summary: orphan?.summary ?? key, status: outcome.status }] }
                : { ...r, failures: [...r.failures, outcome.failure] };
              current = { result: next, closeDone: [...current.closeDone, key] };
              await ctx.progress({ checkpoint: current });
            },
          );
          const transient = (current.result?.failures ?? []).filter((f) => f.transient && f.key !== undefined && confirmed.has(f.key));
          if (transient.length > 0) {
            // Let a retry try these again: they are not done.
            const retryKeys = new Set(transient.map((f) => f.key));
            const r = current.result as EpicSyncResultView;
            await ctx.progress({
              checkpoint: { result: { ...r, failures: r.failures.filter((f) => !(f.transient && retryKeys.has(f.key))) }, closeDone: current.closeDone.filter((k) => !retryKeys.has(k)) },
            });
            throw new UpstreamError(`Jira kept failing while closing ${transient.length} issue(s); the job resumes with them.`);
          }
          return current;
        },
      },
    ],
    finish(ctx) {
      const result = ctx.checkpoint.result;
      if (result === null) return { status: 'failed', result: null, messages: ['The sync left no result.'] };
      return epicSyncOutcome(result);
    },
  });
}

export const epicSyncJob = createEpicSyncJob();
