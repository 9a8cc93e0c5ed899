import type { ResolverResult } from '@contract/result';
import type { ReactElement } from 'react';
import { Notice } from './Notice';

export type ResolverErrorShape = Extract<ResolverResult<unknown>, { ok: false }>['error'];
type AppErrorShape = ResolverErrorShape;

const TITLES: Partial<Record<AppErrorShape['code'], string>> = {
  FORBIDDEN: 'You do not have permission',
  UNAUTHENTICATED: 'Please log in',
  CONFLICT: 'Someone else saved first',
  VALIDATION_FAILED: 'Some values are not valid',
  NOT_FOUND: 'Not found',
  PROJECT_MISMATCH: 'Wrong project',
  CONFIG_MISSING: 'Settings needed',
  LIMIT_EXCEEDED: 'Too large',
  UPSTREAM_ERROR: 'Jira or Confluence answered with an error',
  RATE_LIMITED: 'Jira or Confluence is busy',
  CONFLUENCE_NOT_CONNECTED: "Confluence isn't connected",
  INTERNAL: 'Something went wrong',
};

function issuesOf(details: Record<string, unknown> | undefined, labels: Record<string, string>): string[] {
  const issues = details?.issues;
  if (!Array.isArray(issues)) return [];
  return issues
    .map((i: unknown) => {
      if (i === null || typeof i !== 'object') return String(i);
      const { path, message } = i as { path?: unknown; message?: unknown };
      const raw = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
      const where = labels[raw] ?? raw;
      return where ? `${where}: ${String(message)}` : String(message);
    })
    .slice(0, 10);
}

/** Shows a resolver's `{ ok: false, error }` in words, with the field messages when there are some. */
export function ResolverError({ error, action, fieldLabels = {} }: { error: AppErrorShape; action?: ReactElement; fieldLabels?: Record<string, string> }) {
  const appearance = error.code === 'CONFLICT' || error.code === 'CONFIG_MISSING' || error.code === 'CONFLUENCE_NOT_CONNECTED' ? 'warning' : 'error';
  const list = issuesOf(error.details, fieldLabels);
  return (
    <Notice appearance={appearance} title={TITLES[error.code] ?? 'Error'} action={action}>
      <p>{error.message}</p>
      {list.length > 0 && (
        <ul>
          {list.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </Notice>
  );
}
