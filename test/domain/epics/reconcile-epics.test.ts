import { buildDesiredState, pendingWrites, reconcileEpics, type EpicPlanInput } from '../../../src/domain/epics';
import { FakePlanJira, changedPlan, defaultEpicPlanInput } from '../../builders/epic-sync.builder';

/** Runs the plan once against an empty fake Jira. */
function synced(input: EpicPlanInput): FakePlanJira {
  const jira = new FakePlanJira();
  jira.apply(reconcileEpics(buildDesiredState(input), jira.snapshot()));
  return jira;
}

/** Applies a sync of `input` and checks a second pass has nothing left to do. */
function syncAndConverge(jira: FakePlanJira, input: EpicPlanInput) {
  const desired = buildDesiredState(input);
  const actions = reconcileEpics(desired, jira.snapshot());
  jira.apply(actions);
  const again = reconcileEpics(desired, jira.snapshot());
  expect(pendingWrites(again)).toBe(0);
  return actions;
}

const base = defaultEpicPlanInput();
const [p1, p2, p3] = base.phases.map((p) => p.id) as [string, string, string];

describe('reconcileEpics', () => {
  it('creates every epic and item on the first run, and nothing else', () => {
    const desired = buildDesiredState(base);
    const actions = reconcileEpics(desired, []);
    expect(actions.createEpics).toHaveLength(13);
    expect(actions.createItems).toHaveLength(53);
    expect(actions.retitle).toEqual([]);
    expect(actions.reparent).toEqual([]);
    expect(actions.orphans).toEqual([]);
    expect(pendingWrites(actions)).toBe(66);
  });

  it('finds nothing to do when the plan has not changed', () => {
    const jira = synced(base);
    const actions = reconcileEpics(buildDesiredState(base), jira.snapshot());
    expect(pendingWrites(actions)).toBe(0);
    expect(actions.unchanged).toHaveLength(66);
    expect(actions.orphans).toEqual([]);
  });

  it('retitles only the epics and work items of a renamed phase (every title names its phase)', () => {
    const jira = synced(base);
    const renamed = changedPlan(base, (d) => {
      if (d.phases[1]) d.phases[1].name = 'Customers and suppliers';
    });
    const actions = syncAndConverge(jira, renamed);
    const phase2 = new Set(jira.snapshot().filter((i) => i.property.phaseId === base.phases[1]?.id).map((i) => i.key));
    // Every retitle is in phase 2, and every phase-2 title names the phase, so all of them are retitled.
    expect(actions.retitle.every((r) => phase2.has(r.key))).toBe(true);
    expect(new Set(actions.retitle.map((r) => r.key))).toEqual(phase2);
    expect(actions.retitle.filter((r) => r.role === 'epic')).toHaveLength(4);
    expect(actions.retitle.every((r) => r.to.startsWith('Phase 2 Customers') && r.to.length <= 80)).toBe(true);
    expect(actions.createEpics).toEqual([]);
    expect(actions.createItems).toEqual([]);
    expect(actions.reparent).toEqual([]);
  });

  it('retitles the epics and items whose phase number changed when phases are reordered', () => {
    const jira = synced(base);
    const swapped = changedPlan(base, (d) => {
      d.phases = [d.phases[1], d.phases[0], d.phases[2]].filter((p) => p !== undefined);
    });
    const actions = syncAndConverge(jira, swapped);
    const moved = jira.snapshot().filter((i) => i.property.phaseId !== base.phases[2]?.id);
    expect(actions.retitle.map((r) => r.key).sort()).toEqual(moved.map((i) => i.key).sort());
    expect(actions.retitle.filter((r) => r.role === 'epic')).toHaveLength(8);
    expect(actions.createEpics).toEqual([]);
    expect(actions.reparent).toEqual([]);
  });

  it('re-parents the items of a process moved to another phase instead of re-creating them', () => {
    const jira = synced(base);
    const before = jira.snapshot().filter((i) => i.property.clauseId?.startsWith('8.6.') === true && i.property.phaseId === p1);
    const moved = changedPlan(base, (d) => {
      const [a, b] = d.phases;
      if (!a || !b) return;
      a.processes = a.processes.filter((p) => !p.startsWith('8.6.'));
      b.processes.push('8.6.1', '8.6.2', '8.6.3');
    });
    const actions = syncAndConverge(jira, moved);
    expect(actions.createItems).toEqual([]);
    expect(actions.reparent.map((r) => r.key).sort()).toEqual(before.map((i) => i.key).sort());
    expect(actions.reparent.every((r) => r.propertiesChanged && r.to.phaseId === p2 && r.to.subsetId === '8.6')).toBe(true);
    // The phase-2 epic for 8.6 is new; the phase-1 8.6 epic has lost its subset and is an orphan to close.
    expect(actions.createEpics.map((e) => `${e.ref.phaseId}/${e.ref.subsetId}`)).toEqual([`${p2}/8.6`]);
    expect(actions.orphans).toEqual([expect.objectContaining({ role: 'epic', phaseId: p1, reason: 'subset-removed' })]);
    const movedIssue = jira.get(before[0]?.key ?? '');
    expect(movedIssue.property.phaseId).toBe(p2);
    expect(movedIssue.mapping?.phases).toEqual([p2]);
  });

  it('keeps evidence kinds and extra clauses of a moved item mapping', () => {
    const jira = synced(base);
    const item = jira.issues.find((i) => i.property.clauseId === '8.6.1');
    if (!item) throw new Error('no 8.6.1 item');
    item.mapping = { clauses: ['8.6.1', '8.6.3'], kinds: ['procedure'], phases: [p1, 'other'] };
    const moved = changedPlan(base, (d) => {
      if (!d.phases[0] || !d.phases[2]) return;
      d.phases[0].processes = d.phases[0].processes.filter((p) => p !== '8.6.1');
      d.phases[2].processes.push('8.6.1');
    });
    const actions = syncAndConverge(jira, moved);
    const r = actions.reparent.find((a) => a.key === item.key);
    expect(r?.mapping).toEqual({ clauses: ['8.6.1', '8.6.3'], kinds: ['procedure'], phases: [p3, 'other'] });
  });

  it('lists the epics and items of a removed phase as orphans and never re-parents them', () => {
    const jira = synced(base);
    const removed = changedPlan(base, (d) => {
      d.phases = d.phases.filter((p) => p.id !== p3);
    });
    const actions = syncAndConverge(jira, removed);
    const phase3 = jira.issues.filter((i) => i.property.phaseId === p3);
    expect(actions.orphans.map((o) => o.key).sort()).toEqual(phase3.map((i) => i.key).sort());
    expect(actions.orphans.every((o) => o.reason === 'phase-removed')).toBe(true);
    expect(actions.orphans[0]?.role).toBe('epic');
    expect(pendingWrites(actions)).toBe(0);
    // Orphans stay listed on every later run until the user closes them.
    expect(reconcileEpics(buildDesiredState(removed), jira.snapshot()).orphans).toHaveLength(phase3.length);
  });

  it('creates only the missing items when a process is added to a phase', () => {
    const jira = synced(base);
    const added = changedPlan(base, (d) => d.phases[0]?.processes.push('8.5.1'));
    const actions = syncAndConverge(jira, added);
    expect(actions.createEpics.map((e) => e.ref)).toEqual([{ phaseId: p1, subsetId: '8.5' }]);
    expect(actions.createItems.map((i) => i.clauseId)).toEqual(['8.5.1.1', '8.5.1.2', '8.5.1.3']);
    expect(actions.reparent).toEqual([]);
  });

  it('creates a new phase with its epics and items and leaves the others alone', () => {
    const jira = synced(base);
    const added = changedPlan(base, (d) =>
      d.phases.push({ id: 'consolidation', name: 'Consolidation', objectives: ['Confirm everything works.'], processes: ['8.1'] }),
    );
    const actions = syncAndConverge(jira, added);
    expect(actions.createEpics.map((e) => e.summary)).toEqual(['Phase 4 Consolidation · 8.1 Operational planning and control']);
    expect(actions.createItems.map((i) => i.clauseId)).toEqual(['8.1']);
    expect(actions.unchanged).toHaveLength(66);
  });

  it('orphans the item of a process dropped from a phase that still exists', () => {
    const jira = synced(base);
    const dropped = changedPlan(base, (d) => {
      if (d.phases[0]) d.phases[0].processes = d.phases[0].processes.filter((p) => p !== '8.6.3');
    });
    const actions = syncAndConverge(jira, dropped);
    expect(actions.orphans).toEqual([expect.objectContaining({ role: 'item', clauseId: '8.6.3', phaseId: p1, reason: 'clause-removed' })]);
  });

  it('re-creates a deleted epic and moves its surviving items under it without touching their properties', () => {
    const jira = synced(base);
    const epic = jira.issues.find((i) => i.property.role === 'epic' && i.property.phaseId === p1 && i.property.subsetId === '8.6');
    if (!epic) throw new Error('no epic');
    jira.issues.splice(jira.issues.indexOf(epic), 1);
    const actions = syncAndConverge(jira, base);
    expect(actions.createEpics).toHaveLength(1);
    expect(actions.reparent).toHaveLength(3);
    expect(actions.reparent.every((r) => !r.propertiesChanged && r.from.parentKey === epic.key)).toBe(true);
  });

  it('reports a duplicate issue of the same identity as an orphan and keeps the oldest', () => {
    const jira = synced(base);
    const item = jira.issues.find((i) => i.property.clauseId === '8.6.1');
    if (!item) throw new Error('no item');
    const dup = jira.add(item.summary, item.parentKey, { ...item.property }, item.mapping);
    const actions = reconcileEpics(buildDesiredState(base), jira.snapshot());
    expect(actions.orphans).toEqual([expect.objectContaining({ key: dup.key, reason: 'duplicate' })]);
    expect(actions.unchanged.some((u) => u.key === item.key)).toBe(true);
  });

  it('leaves existing items alone when items are switched off', () => {
    const jira = synced(base);
    const actions = reconcileEpics(buildDesiredState({ ...base, includeItems: false }), jira.snapshot());
    expect(pendingWrites(actions)).toBe(0);
    expect(actions.orphans).toEqual([]);
    expect(actions.unchanged).toHaveLength(13);
  });

  it('ignores issues of another plan', () => {
    const jira = synced(base);
    const other = jira.snapshot().map((i) => ({ ...i, property: { ...i.property, planId: 'other' } }));
    const actions = reconcileEpics(buildDesiredState(base), other);
    expect(actions.createEpics).toHaveLength(13);
    expect(actions.orphans).toEqual([]);
  });

  it('converges after a mix of rename, move, addition and removal in one go', () => {
    const jira = synced(base);
    const mixed = changedPlan(base, (d) => {
      const [a, b, c] = d.phases;
      if (!a || !b || !c) return;
      a.name = 'Fix what users feel';
      a.processes = a.processes.filter((p) => p !== '8.6.3');
      b.processes.push('8.6.3', '8.5.1');
      d.phases = [a, b];
    });
    const actions = syncAndConverge(jira, mixed);
    expect(actions.reparent.filter((r) => r.propertiesChanged).map((r) => r.clauseId)).toEqual(['8.6.3']);
    // 8.5.1 left with phase 3 (removed): its phase-3 items are orphans and phase 2 gets new ones.
    expect(actions.createItems.map((i) => i.clauseId)).toEqual(['8.5.1.1', '8.5.1.2', '8.5.1.3']);
    expect(actions.orphans.every((o) => o.phaseId === p3 && o.reason === 'phase-removed')).toBe(true);
    expect(actions.retitle.filter((r) => r.role === 'epic' && r.to.includes('Fix what users feel'))).toHaveLength(4);
  });
});
