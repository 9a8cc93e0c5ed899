import {
  MAPPING_PROPERTY_KEY,
  PLAN_ITEM_PROPERTY_KEY,
  assessableClausesOf,
  buildDesiredState,
  epicRefKey,
  epicSummary,
  itemRefKey,
  itemSummary,
  planIssueTitle,
  TITLE_MAX,
  planItemPropertySchema,
} from '../../../src/domain/epics';
import { ValidationError } from '../../../src/domain/errors';
import { adfErrors, plainText } from '../report/validate-adf';
import { changedPlan, defaultEpicPlanInput } from '../../builders/epic-sync.builder';

describe('buildDesiredState', () => {
  const desired = buildDesiredState(defaultEpicPlanInput());

  it('makes one epic per phase and process group of the default Approach 1 plan', () => {
    expect(desired.epics.map((e) => `${e.phaseNumber}:${e.ref.subsetId}`)).toEqual([
      '1:8.1', '1:8.2', '1:8.6', '1:8.7',
      '2:8.1', '2:8.2', '2:8.3', '2:8.7',
      '3:8.1', '3:8.2', '3:8.4', '3:8.5', '3:8.7',
    ]);
  });

  it('makes one work item per assessable clause of each planned process, under the epic of its group', () => {
    const phase1 = desired.items.filter((i) => i.epic.phaseId === desired.phaseIds[0]).map((i) => i.clauseId);
    expect(phase1).toContain('8.6.1');
    expect(phase1).toContain('8.7.3.1');
    expect(phase1).not.toContain('8.7.3'); // a heading: its subclauses are the items
    for (const item of desired.items) {
      expect(item.clauseId.startsWith(`${item.epic.subsetId}.`) || item.clauseId === item.epic.subsetId).toBe(true);
    }
    expect(desired.items).toHaveLength(53);
  });

  it('gives every issue a valid plan-item property and every item a clause mapping with its phase', () => {
    for (const e of desired.epics) {
      expect(planItemPropertySchema.parse(e.property)).toEqual({ ...e.property });
      expect(e.property).toMatchObject({ planId: 'main', role: 'epic', clauseId: null });
    }
    for (const i of desired.items) {
      expect(planItemPropertySchema.parse(i.property)).toMatchObject({ role: 'item', clauseId: i.clauseId });
      expect(i.mapping).toEqual({ clauses: [i.clauseId], kinds: [], phases: [i.epic.phaseId] });
    }
    expect(PLAN_ITEM_PROPERTY_KEY).not.toBe(MAPPING_PROPERTY_KEY);
  });

  it('titles epics and items in one pattern: phase number and name, then the subset or clause', () => {
    expect(desired.epics[2]?.summary).toBe('Phase 1 Resolution and fulfilment · 8.6 Resolution and fulfilment');
    expect(desired.epics[0]?.summary).toBe('Phase 1 Resolution and fulfilment · 8.1 Operational planning and control');
    expect(desired.items.find((i) => i.clauseId === '8.6.1')?.summary).toBe('Phase 1 Resolution and fulfilment · 8.6.1 Incident management');
    // Every epic and item: "Phase <n> <its phase's name> · <subset or clause> <title>", within 80 characters.
    const phases = defaultEpicPlanInput().phases;
    const numberOf = new Map(desired.epics.map((e) => [epicRefKey(e.ref), e.phaseNumber]));
    const titled = [
      ...desired.epics.map((e) => ({ summary: e.summary, phaseNumber: e.phaseNumber, id: e.ref.subsetId })),
      ...desired.items.map((i) => ({ summary: i.summary, phaseNumber: numberOf.get(epicRefKey(i.epic)) ?? 0, id: i.clauseId })),
    ];
    for (const t of titled) {
      const name = phases[t.phaseNumber - 1]?.name ?? '';
      expect(name).not.toBe('');
      expect(t.summary.length).toBeLessThanOrEqual(TITLE_MAX);
      expect(t.summary.startsWith(`Phase ${t.phaseNumber} ${name.slice(0, 15)}`)).toBe(true);
      expect(t.summary).toContain(` · ${t.id} `);
    }
  });

  it('gives the same clause planned in two phases two different titles', () => {
    const input = defaultEpicPlanInput();
    const first = input.phases[0];
    if (first === undefined) throw new Error('the default plan has phases');
    const twice = buildDesiredState({ ...input, phases: [first, { ...first, id: 'again', name: 'Again' }] });
    const titles = twice.items.filter((i) => i.clauseId === '8.6.1').map((i) => i.summary);
    expect(titles).toHaveLength(2);
    expect(new Set(titles).size).toBe(2);
  });

  it('writes descriptions that pass the ADF validator and state the phase objectives', () => {
    const input = defaultEpicPlanInput();
    for (const e of desired.epics) expect(adfErrors(e.description)).toEqual([]);
    for (const i of desired.items.slice(0, 10)) expect(adfErrors(i.description)).toEqual([]);
    const firstObjective = input.phases[0]?.objectives[0] ?? '';
    expect(plainText(desired.epics[0]?.description)).toContain(firstObjective);
  });

  it('describes a phase without objectives with a placeholder and still validates', () => {
    const bare = buildDesiredState(
      changedPlan(defaultEpicPlanInput(), (d) => {
        for (const p of d.phases) p.objectives = [];
      }),
    );
    expect(plainText(bare.epics[0]?.description)).toMatch(/No objectives are recorded/);
    expect(adfErrors(bare.epics[0]?.description)).toEqual([]);
  });

  it('leaves items out when they are switched off', () => {
    const epicsOnly = buildDesiredState(defaultEpicPlanInput({ includeItems: false }));
    expect(epicsOnly.epics).toHaveLength(13);
    expect(epicsOnly.items).toEqual([]);
  });

  it('rejects a clause outside clause 8, an unknown clause and a duplicate phase id', () => {
    const base = defaultEpicPlanInput();
    expect(() => buildDesiredState(changedPlan(base, (d) => d.phases[0]?.processes.push('5.1')))).toThrow(ValidationError);
    expect(() => buildDesiredState(changedPlan(base, (d) => d.phases[0]?.processes.push('8.99')))).toThrow(/8\.99/);
    expect(() =>
      buildDesiredState(
        changedPlan(base, (d) => {
          const first = d.phases[0];
          if (first) d.phases.push({ ...first });
        }),
      ),
    ).toThrow(/used twice/);
    expect(() => buildDesiredState({ planId: 'Not A Slug', phases: [] })).toThrow(ValidationError);
  });

  it('counts a process planned twice in one phase once', () => {
    const twice = buildDesiredState({
      planId: 'p',
      phases: [{ id: 'a', name: 'A', objectives: [], processes: ['8.6.1', '8.6.1', '8.6'] }],
    });
    expect(twice.items.map((i) => i.clauseId)).toEqual(['8.6.1', '8.6.2', '8.6.3']);
  });
});

describe('assessableClausesOf', () => {
  it('returns a leaf process itself and the assessable subclauses of a heading', () => {
    expect(assessableClausesOf('8.1')).toEqual(['8.1']);
    expect(assessableClausesOf('8.5.1')).toEqual(['8.5.1.1', '8.5.1.2', '8.5.1.3']);
  });
});

describe('epicSummary and itemSummary', () => {
  it('stay within 80 characters, shortening a long phase name the same way in every title, then the clause title', () => {
    const s = epicSummary(12, 'x'.repeat(400), '8.5');
    expect(s.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(s).toMatch(/^Phase 12 x+… · 8\.5 Service design, build and transition$/);
    // A long name and a long clause title: both shortened at a word end, the pattern kept; the phase name is
    // shortened the same way in every title of its phase (its epic's too).
    const name = 'Customers, suppliers and everyone else we deal with every day';
    const both = itemSummary(2, name, '8.2.3');
    expect(both.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(both).toBe('Phase 2 Customers, suppliers and… · 8.2.3 Control of parties involved in the…');
    expect(epicSummary(2, name, '8.2')).toBe('Phase 2 Customers, suppliers and… · 8.2 Service portfolio');
    const item = itemSummary(3, 'Level II: Service design, build and transition of everything', '8.2.3');
    expect(item.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(item).toMatch(/^Phase 3 .+ · 8\.2\.3 /);
  });

  it('clip even an extreme clause title to 80 characters with an ellipsis', () => {
    const s = planIssueTitle({ phaseNumber: 1, phaseName: 'P', id: '8.1', title: 'y'.repeat(200) });
    expect(s.length).toBe(TITLE_MAX);
    expect(s.endsWith('…')).toBe(true);
  });
});

describe('epicRefKey and itemRefKey', () => {
  it('never give an epic and a work item the same identity, even for 8.1 (group and clause at once)', () => {
    const desired = buildDesiredState(defaultEpicPlanInput());
    const epicKeys = new Set(desired.epics.map((e) => epicRefKey(e.ref)));
    const itemKeys = desired.items.map((i) => itemRefKey(i.epic.phaseId, i.clauseId));
    expect(itemKeys.filter((k) => epicKeys.has(k))).toEqual([]);
    expect(new Set(itemKeys).size).toBe(itemKeys.length);
  });
});
