import { type z } from 'zod';
import { ValidationError } from '../domain/errors';
import type { AppServices } from '../resolvers/services';

/** Delivery facts of one queued event (Forge `AsyncEvent` fields). */
export interface JobMeta {
  jobId: string | null;
  eventId: string | null;
  /** 0 on the first delivery. */
  retryCount: number;
}

export interface JobHandlerSpec<S extends z.ZodType> {
  /** The event body's `type`, e.g. 'createPhaseEpics'. */
  type: string;
  /** Schema of the whole event body (including `type`). */
  body: S;
  /** Must be safe to run twice; throw to have the queue retry. */
  handle: (body: z.output<S>, deps: AppServices, meta: JobMeta) => Promise<void>;
}

export interface JobHandler {
  readonly type: string;
  run(body: unknown, deps: AppServices, meta: JobMeta): Promise<void>;
}

/** Declares the handler of one job type; register it in `JOB_HANDLERS` (src/wiring.ts). */
export function defineJobHandler<S extends z.ZodType>(spec: JobHandlerSpec<S>): JobHandler {
  return {
    type: spec.type,
    async run(body, deps, meta) {
      const parsed = spec.body.safeParse(body);
      if (!parsed.success) {
        throw new ValidationError(`Job ${spec.type}: the event body is not valid.`, {
          issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
        });
      }
      await spec.handle(parsed.data, deps, meta);
    },
  };
}
