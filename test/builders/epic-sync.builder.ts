/** Fixtures for the epic sync: the default Approach 1 plan as epic input, and an in-memory "Jira" that applies actions. */
import {
  type EpicPlanInput,
  type EpicSyncActions,
  type ExistingPlanIssue,
  epicPlanInputFromPlan,
  epicRefKey,
} from '../../src/domain/epics';
import { proposePlan } from '../../src/domain/planning/propose-plan';

/** The default Approach 1 plan (3 phases) as epic-sync input, plan id "main". */
export function defaultEpicPlanInput(overrides: Partial<EpicPlanInput> = {}): EpicPlanInput {
  return { ...epicPlanInputFromPlan('main', proposePlan('subsets')), ...overrides };
}

/** A deep copy with `edit` applied, so tests change a plan without touching the original. */
export function changedPlan(input: EpicPlanInput, edit: (draft: EpicPlanInput) => void): EpicPlanInput {
  const draft = structuredClone(input);
  edit(draft);
  return draft;
}

/** Applies actions the way the sync service does, against an in-memory issue list (keys SMS-1, SMS-2, …). */
export class FakePlanJira {
  readonly issues: ExistingPlanIssue[] = [];
  private next = 1;

  constructor(private readonly projectKey = 'SMS') {}

  apply(actions: EpicSyncActions): void {
    const epicKeys: Record<string, string> = { ...actions.epicKeys };
    for (const e of actions.createEpics) {
      const issue = this.add(e.summary, null, { ...e.property }, null);
      epicKeys[epicRefKey(e.ref)] = issue.key;
    }
    for (const r of actions.retitle) this.get(r.key).summary = r.to;
    for (const i of actions.createItems) {
      this.add(i.summary, this.epicKey(epicKeys, epicRefKey(i.epic)), { ...i.property }, { ...i.mapping });
    }
    for (const m of actions.reparent) {
      const issue = this.get(m.key);
      issue.parentKey = this.epicKey(epicKeys, epicRefKey(m.to));
      if (m.propertiesChanged) {
        issue.property = { ...m.property };
        issue.mapping = { ...m.mapping };
      }
    }
  }

  get(key: string): ExistingPlanIssue {
    const issue = this.issues.find((i) => i.key === key);
    if (issue === undefined) throw new Error(`no issue ${key}`);
    return issue;
  }

  /** Copies, so that reconciliation cannot mutate the fake. */
  snapshot(): ExistingPlanIssue[] {
    return structuredClone(this.issues);
  }

  private epicKey(keys: Record<string, string>, ref: string): string {
    const key = keys[ref];
    if (key === undefined) throw new Error(`epic ${ref} has no key`);
    return key;
  }

  add(
    summary: string,
    parentKey: string | null,
    property: ExistingPlanIssue['property'],
    mapping: ExistingPlanIssue['mapping'],
  ): ExistingPlanIssue {
    const id = String(10000 + this.next);
    const issue: ExistingPlanIssue = { id, key: `${this.projectKey}-${this.next}`, summary, parentKey, property, mapping };
    this.next += 1;
    this.issues.push(issue);
    return issue;
  }
}
