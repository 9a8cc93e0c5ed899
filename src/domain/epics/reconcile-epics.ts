/**
 * Compares the desired epics and work items of a plan with the app's issues already in Jira and lists what
 * to do, without doing it. Rules:
 * - identity is the `sms-navigator-plan-item` property: an epic is (phase, subset), a work item (phase, clause);
 * - a missing epic or item is created (items after their epic exists: they name the epic by ref);
 * - an epic or work item whose summary differs (phase renamed or moved in the order, title pattern changed)
 *   is retitled;
 * - a work item whose clause left its phase and went to another phase that still exists in the plan keeps
 *   its issue: it is re-parented under the new epic and its properties follow (never re-created);
 * - a work item under the wrong epic (epic re-created, moved by hand) is re-parented too;
 * - everything else of the app's that the plan no longer wants (removed phase, emptied subset, duplicate)
 *   is an orphan: listed for the user to close (closed only when they confirm), never deleted; an orphan
 *   already in a done status category needs nothing;
 * - with items switched off, existing work items are left alone (neither checked nor orphaned).
 */
import { compareClauseIds } from '../catalogue/catalogue';
import { type DesiredEpic, type DesiredItem, type DesiredState, desiredEpicKey, desiredItemKey } from './epic-plan';
import {
  type ClauseMappingProperty,
  type EpicRef,
  type PlanItemProperty,
  type PlanItemRole,
  epicRefKey,
  itemRefKey,
} from './plan-item-property';

/** One of the app's issues as found by the plan search. */
export interface ExistingPlanIssue {
  id: string;
  key: string;
  summary: string;
  parentKey: string | null;
  property: PlanItemProperty;
  /** The clause mapping property, null when absent. */
  mapping: ClauseMappingProperty | null;
  /** True when the issue's status is in the done category (absent: not known, treated as open). */
  done?: boolean;
}

export interface RetitleAction {
  key: string;
  role: PlanItemRole;
  from: string;
  to: string;
}

export interface ReparentAction {
  key: string;
  clauseId: string;
  from: { phaseId: string; subsetId: string; parentKey: string | null };
  /** The epic to move under; its key is known once the epics of this run exist. */
  to: EpicRef;
  /** True when the item changes phase: its properties are rewritten with the values below. */
  propertiesChanged: boolean;
  property: PlanItemProperty;
  mapping: ClauseMappingProperty;
}

export type OrphanReason = 'phase-removed' | 'subset-removed' | 'clause-removed' | 'duplicate';

export interface OrphanIssue {
  key: string;
  role: PlanItemRole;
  summary: string;
  phaseId: string;
  clauseId: string | null;
  reason: OrphanReason;
}

export interface EpicSyncActions {
  createEpics: DesiredEpic[];
  /** Existing epic keys by epic ref key (`phase/subset`), for the parent of created and moved items. */
  epicKeys: Record<string, string>;
  retitle: RetitleAction[];
  createItems: DesiredItem[];
  reparent: ReparentAction[];
  orphans: OrphanIssue[];
  unchanged: { key: string; role: PlanItemRole }[];
}

/** Jira writes the actions need (issues to create + issues to edit); 0 means the plan and Jira agree. */
export const pendingWrites = (a: EpicSyncActions): number =>
  a.createEpics.length + a.createItems.length + a.retitle.length + a.reparent.length;

const numericId = (id: string): number => (/^\d+$/.test(id) ? Number(id) : Number.MAX_SAFE_INTEGER);
const byIssueId = (a: ExistingPlanIssue, b: ExistingPlanIssue): number => numericId(a.id) - numericId(b.id) || a.key.localeCompare(b.key);

/** Groups by identity; the oldest issue (lowest id) of each identity is the one the app keeps using. */
function firstOfEach(issues: ExistingPlanIssue[], key: (i: ExistingPlanIssue) => string): {
  kept: Map<string, ExistingPlanIssue>;
  duplicates: ExistingPlanIssue[];
} {
  const kept = new Map<string, ExistingPlanIssue>();
  const duplicates: ExistingPlanIssue[] = [];
  for (const issue of [...issues].sort(byIssueId)) {
    const k = key(issue);
    if (kept.has(k)) duplicates.push(issue);
    else kept.set(k, issue);
  }
  return { kept, duplicates };
}

const orphan = (i: ExistingPlanIssue, reason: OrphanReason): OrphanIssue => ({
  key: i.key,
  role: i.property.role,
  summary: i.summary,
  phaseId: i.property.phaseId,
  clauseId: i.property.clauseId,
  reason,
});

/** An orphan to close, or nothing to do when it is closed already. */
function addOrphan(actions: EpicSyncActions, i: ExistingPlanIssue, reason: OrphanReason): void {
  if (i.done === true) actions.unchanged.push({ key: i.key, role: i.property.role });
  else actions.orphans.push(orphan(i, reason));
}

function movedMapping(existing: ClauseMappingProperty | null, clauseId: string, fromPhase: string, toPhase: string): ClauseMappingProperty {
  if (existing === null) return { clauses: [clauseId], kinds: [], phases: [toPhase] };
  const phases = existing.phases.map((p) => (p === fromPhase ? toPhase : p));
  if (!phases.includes(toPhase)) phases.push(toPhase);
  const clauses = existing.clauses.includes(clauseId) ? [...existing.clauses] : [...existing.clauses, clauseId];
  return { ...existing, clauses, phases: [...new Set(phases)] };
}

export function reconcileEpics(desired: DesiredState, existingAll: readonly ExistingPlanIssue[]): EpicSyncActions {
  const existing = existingAll.filter((i) => i.property.planId === desired.planId);
  const phaseOrder = new Map(desired.phaseIds.map((id, i) => [id, i]));
  const actions: EpicSyncActions = {
    createEpics: [],
    epicKeys: {},
    retitle: [],
    createItems: [],
    reparent: [],
    orphans: [],
    unchanged: [],
  };

  // ---- epics
  const epics = firstOfEach(
    existing.filter((i) => i.property.role === 'epic'),
    (i) => epicRefKey(i.property),
  );
  for (const dup of epics.duplicates) addOrphan(actions, dup, 'duplicate');
  const wantedEpics = new Set(desired.epics.map(desiredEpicKey));
  for (const want of desired.epics) {
    const have = epics.kept.get(desiredEpicKey(want));
    if (have === undefined) {
      actions.createEpics.push(want);
      continue;
    }
    actions.epicKeys[desiredEpicKey(want)] = have.key;
    if (have.summary !== want.summary) actions.retitle.push({ key: have.key, role: 'epic', from: have.summary, to: want.summary });
    else actions.unchanged.push({ key: have.key, role: 'epic' });
  }
  for (const [k, have] of epics.kept) {
    if (wantedEpics.has(k)) continue;
    addOrphan(actions, have, phaseOrder.has(have.property.phaseId) ? 'subset-removed' : 'phase-removed');
  }

  // ---- items
  if (desired.includeItems) {
    const items = firstOfEach(
      existing.filter((i) => i.property.role === 'item' && i.property.clauseId !== null),
      (i) => itemRefKey(i.property.phaseId, i.property.clauseId as string),
    );
    for (const dup of items.duplicates) addOrphan(actions, dup, 'duplicate');

    const unmatchedWanted = new Map<string, DesiredItem[]>();
    const matchedExisting = new Set<string>();
    for (const want of desired.items) {
      const have = items.kept.get(desiredItemKey(want));
      if (have === undefined) {
        const list = unmatchedWanted.get(want.clauseId) ?? [];
        list.push(want);
        unmatchedWanted.set(want.clauseId, list);
        continue;
      }
      matchedExisting.add(have.key);
      const epicKey = actions.epicKeys[epicRefKey(want.epic)];
      const retitled = have.summary !== want.summary;
      if (retitled) actions.retitle.push({ key: have.key, role: 'item', from: have.summary, to: want.summary });
      if (epicKey !== undefined && have.parentKey === epicKey) {
        if (!retitled) actions.unchanged.push({ key: have.key, role: 'item' });
      } else {
        actions.reparent.push({
          key: have.key,
          clauseId: want.clauseId,
          from: { phaseId: have.property.phaseId, subsetId: have.property.subsetId, parentKey: have.parentKey },
          to: want.epic,
          propertiesChanged: false,
          property: want.property,
          mapping: have.mapping ?? want.mapping,
        });
      }
    }

    // Items whose clause left their (still planned) phase move to where the clause went.
    const movable = new Map<string, ExistingPlanIssue[]>();
    const leftovers: ExistingPlanIssue[] = [];
    for (const have of items.kept.values()) {
      if (matchedExisting.has(have.key)) continue;
      if (phaseOrder.has(have.property.phaseId)) {
        const clauseId = have.property.clauseId as string;
        const list = movable.get(clauseId) ?? [];
        list.push(have);
        movable.set(clauseId, list);
      } else {
        leftovers.push(have);
      }
    }
    for (const want of desired.items) {
      const queue = unmatchedWanted.get(want.clauseId);
      if (queue === undefined || !queue.includes(want)) continue;
      const candidates = (movable.get(want.clauseId) ?? []).sort(
        (a, b) => (phaseOrder.get(a.property.phaseId) ?? 0) - (phaseOrder.get(b.property.phaseId) ?? 0) || byIssueId(a, b),
      );
      const have = candidates.shift();
      if (have === undefined) {
        actions.createItems.push(want);
        continue;
      }
      if (have.summary !== want.summary) actions.retitle.push({ key: have.key, role: 'item', from: have.summary, to: want.summary });
      actions.reparent.push({
        key: have.key,
        clauseId: want.clauseId,
        from: { phaseId: have.property.phaseId, subsetId: have.property.subsetId, parentKey: have.parentKey },
        to: want.epic,
        propertiesChanged: true,
        property: want.property,
        mapping: movedMapping(have.mapping, want.clauseId, have.property.phaseId, want.epic.phaseId),
      });
    }
    for (const rest of movable.values()) for (const have of rest) addOrphan(actions, have, 'clause-removed');
    for (const have of leftovers) addOrphan(actions, have, 'phase-removed');
  }

  actions.orphans.sort(
    (a, b) =>
      a.phaseId.localeCompare(b.phaseId) ||
      (a.role === b.role ? 0 : a.role === 'epic' ? -1 : 1) ||
      compareClauseIds(a.clauseId ?? '0', b.clauseId ?? '0') ||
      a.key.localeCompare(b.key),
  );
  return actions;
}
