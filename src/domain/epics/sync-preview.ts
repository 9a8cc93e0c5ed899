/**
 * What "Create in Jira" is about to do, said before it does it (the preview the user confirms), and how it
 * closes the issues the plan no longer wants. Pure: the service feeds it the reconcile result.
 */
import type { DesiredState } from './epic-plan';
import { epicRefKey } from './plan-item-property';
import type { EpicSyncActions, OrphanIssue } from './reconcile-epics';

export interface SyncPreviewLine {
  /** The issue key when the issue exists; null for one to create. */
  key: string | null;
  role: 'epic' | 'item';
  summary: string;
  /** Retitle: the title it has now. Re-parent: the epic it moves under (summary). */
  detail?: string;
}

export interface SyncPreview {
  counts: { createEpics: number; createItems: number; retitle: number; reparent: number; close: number; unchanged: number };
  create: SyncPreviewLine[];
  retitle: SyncPreviewLine[];
  reparent: SyncPreviewLine[];
  close: OrphanIssue[];
  /** True when Jira already matches the plan and nothing is open to close. */
  nothingToDo: boolean;
}

/** The preview of one reconcile result: counts and every issue each count stands for. */
export function syncPreview(desired: DesiredState, actions: EpicSyncActions): SyncPreview {
  const epicSummaries = new Map(desired.epics.map((e) => [epicRefKey(e.ref), e.summary]));
  const create: SyncPreviewLine[] = [
    ...actions.createEpics.map((e) => ({ key: null, role: 'epic' as const, summary: e.summary })),
    ...actions.createItems.map((i) => ({ key: null, role: 'item' as const, summary: i.summary })),
  ];
  const retitle = actions.retitle.map((r) => ({ key: r.key, role: r.role, summary: r.to, detail: r.from }));
  const reparent = actions.reparent.map((m) => ({
    key: m.key,
    role: 'item' as const,
    summary: m.clauseId,
    detail: epicSummaries.get(epicRefKey(m.to)) ?? epicRefKey(m.to),
  }));
  const counts = {
    createEpics: actions.createEpics.length,
    createItems: actions.createItems.length,
    retitle: actions.retitle.length,
    reparent: actions.reparent.length,
    close: actions.orphans.length,
    unchanged: actions.unchanged.length,
  };
  const nothingToDo = counts.createEpics + counts.createItems + counts.retitle + counts.reparent + counts.close === 0;
  return { counts, create, retitle, reparent, close: actions.orphans, nothingToDo };
}

/** A workflow transition as Jira lists it for an issue (the part the app reads). */
export interface TransitionOption {
  id: string;
  name: string;
  isAvailable?: boolean;
  to: { name: string; statusCategory: { key: string } };
}

/** Target status names that say "not needed" rather than "done"; preferred when the workflow has one. */
const NOT_NEEDED = /cancel|won.?t do|withdrawn|obsolete|rejected|declined/i;

/**
 * The transition that closes an issue the plan no longer needs: an available one into the done status
 * category, one whose target says "not needed" (Canceled, Won't do) first, so a closed orphan never reads as
 * finished work. Undefined when the workflow offers none (the issue is then reported, not closed).
 */
export function chooseCloseTransition(transitions: readonly TransitionOption[]): TransitionOption | undefined {
  const done = transitions.filter((t) => t.isAvailable !== false && t.to.statusCategory.key === 'done');
  return done.find((t) => NOT_NEEDED.test(t.to.name) || NOT_NEEDED.test(t.name)) ?? done[0];
}
