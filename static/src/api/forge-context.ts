import { view } from '@forge/bridge';

/** The part of the Forge view context the UI reads. Untrusted: only for choosing what to show. */
export interface ViewContext {
  moduleKey: string;
  extension: {
    type?: string;
    project?: { id: string; key: string; type?: string };
    issue?: { id: string; key: string; type?: string };
  };
  /** The Jira site address (used only for links the UI shows). */
  siteUrl?: string;
  /** The user's locale and IANA time zone, as Jira gives them (used only to format dates). */
  locale?: string;
  timezone?: string;
}

type Raw = Record<string, unknown>;
const objectOr = (v: unknown): Raw | undefined => (v !== null && typeof v === 'object' ? (v as Raw) : undefined);
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** `{ id, key, type? }` when the value has a string id and key. */
function entityRef(v: unknown): { id: string; key: string; type?: string } | undefined {
  const o = objectOr(v);
  const id = text(o?.id);
  const key = text(o?.key);
  if (id === undefined || key === undefined) return undefined;
  const type = text(o?.type);
  return { id, key, ...(type !== undefined ? { type } : {}) };
}

/** The view context read field by field: whatever the host leaves out or gives in another shape is absent. */
export function readViewContext(raw: unknown): ViewContext {
  const ctx = objectOr(raw);
  const ext = objectOr(ctx?.extension);
  const type = text(ext?.type);
  const project = entityRef(ext?.project);
  const issue = entityRef(ext?.issue);
  const siteUrl = text(ctx?.siteUrl);
  const locale = text(ctx?.locale);
  const timezone = text(ctx?.timezone);
  return {
    moduleKey: text(ctx?.moduleKey) ?? '',
    extension: { ...(type !== undefined ? { type } : {}), ...(project ? { project } : {}), ...(issue ? { issue } : {}) },
    ...(siteUrl !== undefined && siteUrl !== '' ? { siteUrl } : {}),
    ...(locale !== undefined ? { locale } : {}),
    ...(timezone !== undefined ? { timezone } : {}),
  };
}

export async function getViewContext(): Promise<ViewContext> {
  return readViewContext(await view.getContext());
}
