import { buildDesiredState, chooseCloseTransition, reconcileEpics, syncPreview, type TransitionOption } from '../../../src/domain/epics';
import { FakePlanJira, changedPlan, defaultEpicPlanInput } from '../../builders/epic-sync.builder';

const base = defaultEpicPlanInput();

function synced(): FakePlanJira {
  const jira = new FakePlanJira();
  jira.apply(reconcileEpics(buildDesiredState(base), []));
  return jira;
}

describe('syncPreview', () => {
  it('lists every issue a first run creates, with counts that match the lists', () => {
    const desired = buildDesiredState(base);
    const preview = syncPreview(desired, reconcileEpics(desired, []));
    expect(preview.counts.createEpics).toBe(desired.epics.length);
    expect(preview.counts.createItems).toBe(desired.items.length);
    expect(preview.create).toHaveLength(desired.epics.length + desired.items.length);
    expect(preview.create.every((l) => l.key === null && l.summary.startsWith('Phase '))).toBe(true);
    expect(preview.nothingToDo).toBe(false);
  });

  it('names the issues to close after a phase is removed, and says nothing is to do once they are closed', () => {
    const jira = synced();
    const dropped = changedPlan(base, (d) => {
      d.phases = d.phases.slice(0, 2);
    });
    const desired = buildDesiredState(dropped);
    const preview = syncPreview(desired, reconcileEpics(desired, jira.snapshot()));
    const removedPhase = base.phases[2]?.id;
    const removed = jira.snapshot().filter((i) => i.property.phaseId === removedPhase);
    expect(preview.close.map((o) => o.key).sort()).toEqual(removed.map((i) => i.key).sort());
    expect(preview.counts.close).toBe(removed.length);

    const closed = jira.snapshot().map((i) => (i.property.phaseId === removedPhase ? { ...i, done: true } : i));
    const after = syncPreview(desired, reconcileEpics(desired, closed));
    expect(after.close).toEqual([]);
    expect(after.nothingToDo).toBe(true);
  });

  it('shows a retitle with the old and the new title', () => {
    const jira = synced();
    const renamed = changedPlan(base, (d) => {
      if (d.phases[0]) d.phases[0].name = 'Quick wins';
    });
    const desired = buildDesiredState(renamed);
    const preview = syncPreview(desired, reconcileEpics(desired, jira.snapshot()));
    expect(preview.retitle.length).toBeGreaterThan(0);
    expect(preview.retitle.every((l) => l.summary.startsWith('Phase 1 Quick wins') && l.detail !== l.summary)).toBe(true);
  });
});

const t = (id: string, name: string, to: string, category: string, isAvailable = true): TransitionOption => ({
  id,
  name,
  isAvailable,
  to: { name: to, statusCategory: { key: category } },
});

describe('chooseCloseTransition', () => {
  it('prefers a done-category status that says "not needed" over plain Done', () => {
    const chosen = chooseCloseTransition([t('11', 'Start', 'In Progress', 'indeterminate'), t('31', 'Done', 'Done', 'done'), t('41', 'Cancel', 'Canceled', 'done')]);
    expect(chosen?.id).toBe('41');
  });

  it('takes the first available done transition otherwise, and none when the workflow has none', () => {
    expect(chooseCloseTransition([t('31', 'Close', 'Closed', 'done', false), t('32', 'Resolve', 'Resolved', 'done')])?.id).toBe('32');
    expect(chooseCloseTransition([t('11', 'Start', 'In Progress', 'indeterminate')])).toBeUndefined();
  });
});
