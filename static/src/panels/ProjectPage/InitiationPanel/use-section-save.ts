/** The save state every Initiation section shares: busy flag, last status message and last resolver error. */
import type { ResolverResult } from '@contract/result';
import { useState } from 'react';
import type { ResolverErrorShape } from '../../../components/ResolverError';

export interface SectionSave {
  busy: boolean;
  status: string | null;
  error: ResolverErrorShape | undefined;
  setError: (error: ResolverErrorShape | undefined) => void;
  /** Marks the section busy and clears the last status and error while `work` runs; then shows the message it returns (null: none). */
  run: (work: () => Promise<string | null>) => Promise<void>;
  /** Runs one resolver call: shows its error, or lets `done` take the data and return the status message. */
  submit: <T>(call: () => Promise<ResolverResult<T>>, done: (data: T) => string) => Promise<void>;
}

export function useSectionSave(): SectionSave {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ResolverErrorShape | undefined>();

  const run = async (work: () => Promise<string | null>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    setStatus(null);
    const message = await work();
    setBusy(false);
    if (message !== null) setStatus(message);
  };

  const submit = <T,>(call: () => Promise<ResolverResult<T>>, done: (data: T) => string): Promise<void> =>
    run(async () => {
      const r = await call();
      if (!r.ok) {
        setError(r.error);
        return null;
      }
      return done(r.data);
    });

  return { busy, status, error, setError, run, submit };
}
