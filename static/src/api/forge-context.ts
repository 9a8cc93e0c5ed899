import { view } from '@forge/bridge';

/** The part of the Forge view context the UI reads. Untrusted: only for choosing what to show. */
export interface ViewContext {
  moduleKey: string;
  extension: {
    type?: string;
    project?: { id: string; key: string; type?: string };
    issue?: { id: string; key: string; type?: string };
  };
}

export async function getViewContext(): Promise<ViewContext> {
  const ctx = (await view.getContext()) as unknown as Partial<ViewContext> | undefined;
  return { moduleKey: ctx?.moduleKey ?? '', extension: ctx?.extension ?? {} };
}
