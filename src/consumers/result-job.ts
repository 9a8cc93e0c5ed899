/**
 * The one shape of a job that does its work in one step and ends with one result (publish-report,
 * audit-sample, publish-review), over the one job runner (src/platform/job-runner.ts): the step's result is
 * checkpointed (a finished step is not run again), the ending is failed with `noResult` when the step left
 * none, else done with the result and what `ending` says of it.
 */
import { z } from 'zod';
import { defineJob, toJson, type JobKind, type JobOutcome, type JobStepContext, type TypedJob } from '../platform/job-runner';

/** The checkpoint of a result job: the step's result once it ran. */
export interface ResultCheckpoint<R> {
  result: R | null;
}

export interface ResultJobSpec<I, R extends object, D> {
  /** The job's name and input schema (declared by the service that owns the work). */
  kind: JobKind<I>;
  /** The step's name (kept on the job's record). */
  step: string;
  /** A string field every result has: a stored checkpoint whose result lacks it is not read as a result. */
  resultKey: keyof R & string;
  /** Does the work (safe to run again after a cut-off run) and returns its result. */
  run(ctx: JobStepContext<I, ResultCheckpoint<R>, D>): Promise<R>;
  /** The job's reason when it ended without a result. */
  noResult: string;
  /** What a done job shows of its result: messages, links, and done/total when the step did not count. */
  ending(result: R, input: I): Omit<JobOutcome, 'status' | 'result'>;
}

/** Declares a one-step job that ends with one result; register it in `JOB_TYPES` (src/wiring.ts). */
export function defineResultJob<I, R extends object, D>(spec: ResultJobSpec<I, R, D>): TypedJob<I, D> {
  const resultSchema = z.custom<R>((v) => typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)[spec.resultKey] === 'string');
  const checkpoint: z.ZodType<ResultCheckpoint<R>> = z.object({ result: resultSchema.nullable() });
  return defineJob<I, ResultCheckpoint<R>, D>({
    ...spec.kind,
    checkpoint,
    initial: () => ({ result: null }),
    steps: [{ name: spec.step, run: async (ctx) => ({ result: await spec.run(ctx) }) }],
    finish(ctx) {
      const result = ctx.checkpoint.result;
      if (result === null) return { status: 'failed', result: null, messages: [spec.noResult] };
      return { status: 'done', result: toJson(result), ...spec.ending(result, ctx.input) };
    },
  });
}
