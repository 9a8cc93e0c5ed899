/** The queue that long jobs (epic creation, report publishing, bulk mapping) are pushed to.
 *  In Forge it is an `@forge/events` Queue; in the sandbox an in-process queue that calls the same consumer. */
export interface JobEvent {
  body: Record<string, unknown>;
}

export interface JobQueue {
  /** Pushes at most 50 events; resolves to a job id. */
  push(events: JobEvent[]): Promise<string>;
}
