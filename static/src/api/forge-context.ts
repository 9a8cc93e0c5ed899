import { view } from '@forge/bridge';

/** The part of the Forge view context the UI reads. Untrusted: only for choosing what to show. */
export interface ViewContext {
  moduleKey: string;
  extension: {
    type?: string;
    project?: { id: string; key: string; type?: string };
    issue?: { id: string; key: string; type?: string };
  };
  /** The user's locale and IANA time zone, as Jira gives them (used only to format dates). */
  locale?: string;
  timezone?: string;
}

export async function getViewContext(): Promise<ViewContext> {
  const ctx = (await view.getContext()) as unknown as Partial<ViewContext> | undefined;
  return {
    moduleKey: ctx?.moduleKey ?? '',
    extension: ctx?.extension ?? {},
    ...(typeof ctx?.locale === 'string' ? { locale: ctx.locale } : {}),
    ...(typeof ctx?.timezone === 'string' ? { timezone: ctx.timezone } : {}),
  };
}
