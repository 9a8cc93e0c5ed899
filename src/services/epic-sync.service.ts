/**
 * Brings Jira in line with a phase plan: one epic per (phase, process subset), one work item per clause
 * under it, found again later through the `sms-navigator-plan-item` property.
 *
 * Order of work: one JQL search for the plan's issues -> reconcile (pure) -> only when something must be
 * created: issue types + create fields -> bulk-create epics -> retitle -> bulk-create items -> re-parent.
 *
 * Idempotency: every issue is created with its properties in the same bulk call, so an issue never exists
 * without its identity. Bulk creates are sent once per attempt (no blind transport retry): after a failed
 * chunk the plan is searched again and only the issues still missing are re-sent, so a lost answer never
 * creates a duplicate. A killed run is resumed by running again: the search finds what the last run made.
 * Reads and edits (idempotent) go through the client's own retries, which honour Retry-After.
 */
import { planIssuesJql, planIssuesWhere } from '../domain/issue-index';
import { statusCategoryOf } from '../domain/gap';
import type { EpicSyncFailureView, EpicSyncResultView } from '../contract/jobs';
import { ConfigMissingError, isAppError, isTransientError, upstreamKindOfStatus } from '../domain/errors';
import { epicTypeProblem } from '../domain/epics/epic-type';
import {
  MAPPING_PROPERTY_KEY,
  PLAN_ITEM_PROPERTY_KEY,
  type DesiredEpic,
  type DesiredItem,
  type DesiredState,
  type EpicPlanInput,
  type EpicSyncActions,
  type ExistingPlanIssue,
  type SyncPreview,
  buildDesiredState,
  epicPlanInputSchema,
  chooseCloseTransition,
  syncPreview,
  clauseMappingPropertySchema,
  epicRefKey,
  itemRefKey,
  pendingWrites,
  planItemPropertySchema,
  reconcileEpics,
} from '../domain/epics';
import {
  type BulkCreateItemResult,
  type CallOptions,
  type JiraClientOptions,
  type JiraCreateField,
  type JiraIssue,
  type JiraIssueInput,
  type JiraIssueType,
  type JiraClient,
} from '../jira/jira-client';
import type { JobKind } from '../platform/job-runner';
import { backoffDelay, realSleep } from '../platform/retry';
import { z } from 'zod';

export const EPIC_SYNC_JOB_TYPE = 'epic-sync';

/** What startEpicSync stores as the job's `input`. */
/** What the resolver stores as the job's `input`; `close`: the issues the user confirmed to close (preview). */
export const epicSyncJobInputSchema = z.object({
  projectId: z.string().regex(/^\d{1,18}$/),
  request: epicPlanInputSchema,
  close: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/)).max(1000).default([]),
});
export type EpicSyncJobInput = z.infer<typeof epicSyncJobInputSchema>;

/** The epic-sync job as the resolver starts it (its steps: src/consumers/epic-sync.consumer.ts). */
export const EPIC_SYNC_JOB: JobKind<EpicSyncJobInput> = { type: EPIC_SYNC_JOB_TYPE, input: epicSyncJobInputSchema };

export interface EpicSyncRequest {
  projectId: string;
  input: EpicPlanInput;
  /** Issue type id from the project settings; null/undefined = the project's hierarchy-level-1 type. */
  epicIssueTypeId?: string | null;
}

export interface EpicSyncProgress {
  done: number;
  total: number;
  message?: string;
}

/** The wire shape is defined once, in the contract (static/ reads it as the job's result). */
export type EpicSyncFailure = EpicSyncFailureView;
export type EpicSyncResult = EpicSyncResultView;

export interface EpicSyncServiceOptions {
  /** Who Jira sees: 'user' (default) or 'app' (queue consumers; only after the resolver checked the user). */
  as?: 'user' | 'app';
  /** Waits between create rounds (tests inject a no-op); default: the retry module's sleep and Math.random. */
  sleep?: JiraClientOptions['sleep'];
  random?: JiraClientOptions['random'];
  /** Rounds of "create what is missing, search, re-send the rest" per bulk create. Default 8. */
  createRounds?: number;
}

const SEARCH_FIELDS = ['summary', 'parent', 'status'];
const SEARCH_PAGE = 100;
const KNOWN_FIELDS = new Set(['summary', 'issuetype', 'project', 'description', 'parent', 'reporter']);

export { planIssuesJql, planIssuesWhere };

/** True when a `status` field value is in the done status category. */
export function isDoneStatus(status: unknown): boolean {
  const key = (status as { statusCategory?: { key?: unknown } } | null | undefined)?.statusCategory?.key;
  return typeof key === 'string' && statusCategoryOf(key) === 'done';
}

/** Turns a searched issue into reconcile input; undefined when its plan-item property is unreadable. */
export function toExistingPlanIssue(issue: JiraIssue): ExistingPlanIssue | undefined {
  const property = planItemPropertySchema.safeParse(issue.properties[PLAN_ITEM_PROPERTY_KEY]);
  if (!property.success) return undefined;
  const mappingRaw = issue.properties[MAPPING_PROPERTY_KEY];
  const mapping = mappingRaw === undefined ? null : clauseMappingPropertySchema.safeParse(mappingRaw);
  const parent = issue.fields.parent as { key?: unknown } | null | undefined;
  const summary = issue.fields.summary;
  return {
    done: isDoneStatus(issue.fields.status),
    id: issue.id,
    key: issue.key,
    summary: typeof summary === 'string' ? summary : '',
    parentKey: parent && typeof parent.key === 'string' ? parent.key : null,
    property: property.data,
    mapping: mapping === null || !mapping.success ? null : mapping.data,
  };
}

/** Level-1 type (or the configured one, which must be at level 1: CONFIG_MISSING otherwise) for epics; a level-0 type, "Task" if there is one, for work items. */
export function chooseIssueTypes(
  types: JiraIssueType[],
  epicOverride: string | null | undefined,
): { epic: JiraIssueType; item: JiraIssueType | undefined } {
  const problem = epicOverride !== null && epicOverride !== undefined ? epicTypeProblem(types, epicOverride) : undefined;
  if (problem !== undefined) {
    throw new ConfigMissingError(`The epic issue type chosen in the settings cannot be used: ${problem}. A project administrator picks an epic-level type in the app settings.`, {
      setting: 'epicIssueTypeId',
      epicIssueTypeId: epicOverride ?? null,
    });
  }
  const epic =
    epicOverride !== null && epicOverride !== undefined
      ? types.find((t) => t.id === epicOverride)
      : [...types].filter((t) => t.hierarchyLevel === 1).sort((a, b) => Number(a.id) - Number(b.id))[0];
  if (epic === undefined) {
    throw new ConfigMissingError(
      epicOverride
        ? `The epic issue type ${epicOverride} chosen in the settings is not available in this project. Pick another in the app settings.`
        : 'This project has no epic-level issue type (hierarchy level 1). Enable one, or pick a type in the app settings.',
      { epicIssueTypeId: epicOverride ?? null },
    );
  }
  const standard = types.filter((t) => t.hierarchyLevel === epic.hierarchyLevel - 1 && !t.subtask);
  const item = standard.find((t) => t.name.toLowerCase() === 'task') ?? [...standard].sort((a, b) => Number(a.id) - Number(b.id))[0];
  return { epic, item };
}

/**
 * Extra values for required fields the app does not set itself: the first allowed value when Jira lists
 * some, the summary for a required text field (e.g. a classic "Epic Name"); anything else cannot be guessed.
 */
export function requiredFieldDefaults(fields: JiraCreateField[], typeName: string): (summary: string) => Record<string, unknown> {
  const extra: { fieldId: string; value: (summary: string) => unknown }[] = [];
  const unknown: string[] = [];
  for (const f of fields) {
    if (!f.required || f.hasDefaultValue || KNOWN_FIELDS.has(f.fieldId)) continue;
    const first = f.allowedValues?.[0] as { id?: unknown } | undefined;
    if (first && typeof first.id === 'string') {
      const v = { id: first.id };
      extra.push({ fieldId: f.fieldId, value: () => (f.schema.type === 'array' ? [v] : v) });
    } else if (f.schema.type === 'string') {
      extra.push({ fieldId: f.fieldId, value: (s) => s.slice(0, 255) });
    } else {
      unknown.push(f.name);
    }
  }
  if (unknown.length > 0) {
    throw new ConfigMissingError(
      `Issues of type ${typeName} need values the app cannot choose: ${unknown.join(', ')}. Make these fields optional or give them a default.`,
      { issueType: typeName, fields: unknown },
    );
  }
  return (summary) => Object.fromEntries(extra.map((e) => [e.fieldId, e.value(summary)]));
}

interface CreateSpec {
  identity: string;
  summary: string;
  role: 'epic' | 'item';
  clauseId: string | null;
  body: JiraIssueInput;
}

/** The Jira client with retries, and one that makes a single attempt per call (for bulk creates). */
export interface EpicSyncClients {
  jira: JiraClient;
  jiraOnce: JiraClient;
}

export class EpicSyncService {
  private readonly jira: JiraClient;
  /** Bulk creates: one attempt per call, re-sent by createAll only after checking what exists. */
  private readonly jiraOnce: JiraClient;
  private readonly call: CallOptions;
  private readonly rounds: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(clients: EpicSyncClients, opts: EpicSyncServiceOptions = {}) {
    this.jira = clients.jira;
    this.jiraOnce = clients.jiraOnce;
    this.call = { as: opts.as ?? 'user' };
    this.rounds = Math.max(1, opts.createRounds ?? 8);
    this.sleep = opts.sleep ?? realSleep;
    this.random = opts.random ?? Math.random;
  }

  /** The app's issues of the plan in the project (one search, paged by 100). */
  async findExisting(projectId: string, planId: string, as: CallOptions['as'] = this.call.as): Promise<ExistingPlanIssue[]> {
    const out: ExistingPlanIssue[] = [];
    for await (const issue of this.jira.searchJqlAll(planIssuesJql(projectId, planId), {
      as,
      fields: SEARCH_FIELDS,
      properties: [PLAN_ITEM_PROPERTY_KEY, MAPPING_PROPERTY_KEY],
      pageSize: SEARCH_PAGE,
    })) {
      const existing = toExistingPlanIssue(issue);
      if (existing !== undefined) out.push(existing);
    }
    return out;
  }

  /** What a run would do, without writing (one search). */
  async preview(req: EpicSyncRequest, as: CallOptions['as'] = this.call.as): Promise<{ desired: DesiredState; existing: ExistingPlanIssue[]; actions: EpicSyncActions }> {
    const desired = buildDesiredState(req.input);
    const existing = await this.findExisting(req.projectId, desired.planId, as);
    return { desired, existing, actions: reconcileEpics(desired, existing) };
  }

  /** The preview the user confirms: counts and every issue behind them. */
  async previewView(req: EpicSyncRequest, as: CallOptions['as'] = this.call.as): Promise<SyncPreview> {
    const { desired, actions } = await this.preview(req, as);
    return syncPreview(desired, actions);
  }

  /**
   * Closes the issues the user confirmed, each with a transition into the done category ("Canceled" or the
   * like first). Safe to repeat: an issue already in a done status counts as closed and is not moved again.
   * `onClosed` runs after each issue (the job saves its checkpoint there).
   */
  async closeIssues(
    keys: readonly string[],
    onClosed: (key: string, outcome: { ok: true; status: string } | { ok: false; failure: EpicSyncFailure }) => Promise<void>,
  ): Promise<void> {
    for (const key of keys) {
      try {
        const issue = await this.jira.getIssue(key, { ...this.call, fields: ['status'] });
        if (isDoneStatus(issue.fields.status)) {
          const name = (issue.fields.status as { name?: unknown }).name;
          await onClosed(key, { ok: true, status: typeof name === 'string' ? name : 'Done' });
          continue;
        }
        const transition = chooseCloseTransition(await this.jira.getTransitions(key, this.call));
        if (transition === undefined) {
          await onClosed(key, {
            ok: false,
            failure: { summary: key, role: 'edit', key, status: 0, messages: ['Its workflow offers no transition into a done status; close it by hand.'], transient: false },
          });
          continue;
        }
        await this.jira.transitionIssue(key, transition.id, this.call);
        await onClosed(key, { ok: true, status: transition.to.name });
      } catch (e) {
        await onClosed(key, { ok: false, failure: this.editFailure(key, null, e) });
      }
    }
  }

  async run(req: EpicSyncRequest, onProgress: (p: EpicSyncProgress) => Promise<void> = async () => undefined): Promise<EpicSyncResult> {
    const { desired, actions } = await this.preview(req);
    const total = pendingWrites(actions);
    let done = 0;
    const step = async (n: number, message?: string): Promise<void> => {
      done = Math.min(total, done + n);
      await onProgress({ done, total, ...(message !== undefined ? { message } : {}) });
    };
    await onProgress({ done, total, message: `${total} change(s) to make in Jira.` });

    const failures: EpicSyncFailure[] = [];
    const epicKeys: Record<string, string> = { ...actions.epicKeys };
    const created = { epics: [] as string[], items: [] as string[] };

    if (actions.createEpics.length > 0 || actions.createItems.length > 0) {
      const types = chooseIssueTypes(await this.jira.getIssueTypesForProject(req.projectId, this.call), req.epicIssueTypeId);
      const epicFields = await this.jira.getCreateFields(req.projectId, types.epic.id, this.call);
      const epicExtra = requiredFieldDefaults(epicFields, types.epic.name);
      const epicHasDescription = epicFields.some((f) => f.fieldId === 'description');

      if (actions.createEpics.length > 0) {
        const specs = actions.createEpics.map((e) => this.epicSpec(req.projectId, types.epic.id, e, epicExtra, epicHasDescription));
        const made = await this.createAll(req.projectId, desired.planId, specs, failures, step);
        for (const e of actions.createEpics) {
          const key = made.get(epicRefKey(e.ref));
          if (key !== undefined) {
            epicKeys[epicRefKey(e.ref)] = key;
            created.epics.push(key);
          }
        }
      }

      if (actions.createItems.length > 0) {
        if (types.item === undefined) {
          throw new ConfigMissingError('This project has no standard issue type to hold the work items under the epics.');
        }
        const itemFields = await this.jira.getCreateFields(req.projectId, types.item.id, this.call);
        const itemExtra = requiredFieldDefaults(itemFields, types.item.name);
        const itemHasDescription = itemFields.some((f) => f.fieldId === 'description');
        const ready: CreateSpec[] = [];
        for (const item of actions.createItems) {
          const parentKey = epicKeys[epicRefKey(item.epic)];
          if (parentKey === undefined) {
            failures.push({
              summary: item.summary,
              role: 'item',
              clauseId: item.clauseId,
              status: 0,
              messages: ['Not created because its epic could not be created.'],
              transient: true,
            });
            continue;
          }
          ready.push(this.itemSpec(req.projectId, types.item.id, parentKey, item, itemExtra, itemHasDescription));
        }
        await this.retitle(actions, failures, step);
        const made = await this.createAll(req.projectId, desired.planId, ready, failures, step);
        for (const spec of ready) {
          const key = made.get(spec.identity);
          if (key !== undefined) created.items.push(key);
        }
      } else {
        await this.retitle(actions, failures, step);
      }
    } else {
      await this.retitle(actions, failures, step);
    }

    const reparented: string[] = [];
    for (const move of actions.reparent) {
      const parentKey = epicKeys[epicRefKey(move.to)];
      if (parentKey === undefined) {
        failures.push({ summary: move.key, role: 'edit', key: move.key, clauseId: move.clauseId, status: 0, messages: ['Its new epic could not be created.'], transient: true });
        continue;
      }
      try {
        await this.jira.editIssue(
          move.key,
          {
            fields: { parent: { key: parentKey } },
            ...(move.propertiesChanged
              ? { properties: [{ key: PLAN_ITEM_PROPERTY_KEY, value: move.property }, { key: MAPPING_PROPERTY_KEY, value: move.mapping }] }
              : {}),
          },
          this.call,
        );
        reparented.push(move.key);
      } catch (e) {
        failures.push(this.editFailure(move.key, move.clauseId, e));
      }
      await step(1);
    }

    const retitled = actions.retitle.map((r) => r.key).filter((k) => !failures.some((f) => f.key === k));
    return {
      planId: desired.planId,
      epics: desired.epics.map((e) => ({
        phaseId: e.ref.phaseId,
        subsetId: e.ref.subsetId,
        key: epicKeys[epicRefKey(e.ref)] ?? null,
        summary: e.summary,
      })),
      created,
      retitled,
      reparented,
      orphans: actions.orphans,
      closed: [],
      unchanged: actions.unchanged.length,
      failures,
    };
  }

  private async retitle(actions: EpicSyncActions, failures: EpicSyncFailure[], step: (n: number) => Promise<void>): Promise<void> {
    for (const r of actions.retitle) {
      try {
        await this.jira.editIssue(r.key, { fields: { summary: r.to } }, this.call);
      } catch (e) {
        failures.push(this.editFailure(r.key, null, e));
      }
      await step(1);
    }
  }

  private editFailure(key: string, clauseId: string | null, e: unknown): EpicSyncFailure {
    if (!isAppError(e)) throw e;
    const status = typeof e.details?.status === 'number' ? e.details.status : 0;
    const msgs = Array.isArray(e.details?.messages) ? e.details.messages.filter((m): m is string => typeof m === 'string') : [];
    return {
      summary: key,
      role: 'edit',
      key,
      clauseId,
      status,
      messages: msgs.length > 0 ? msgs : [e.message],
      transient: isTransientError(e),
    };
  }

  private epicSpec(
    projectId: string,
    typeId: string,
    e: DesiredEpic,
    extra: (summary: string) => Record<string, unknown>,
    withDescription: boolean,
  ): CreateSpec {
    return {
      identity: epicRefKey(e.ref),
      summary: e.summary,
      role: 'epic',
      clauseId: null,
      body: {
        fields: {
          ...extra(e.summary),
          project: { id: projectId },
          issuetype: { id: typeId },
          summary: e.summary,
          ...(withDescription ? { description: e.description } : {}),
        },
        properties: [{ key: PLAN_ITEM_PROPERTY_KEY, value: e.property }],
      },
    };
  }

  private itemSpec(
    projectId: string,
    typeId: string,
    parentKey: string,
    i: DesiredItem,
    extra: (summary: string) => Record<string, unknown>,
    withDescription: boolean,
  ): CreateSpec {
    return {
      identity: itemRefKey(i.epic.phaseId, i.clauseId),
      summary: i.summary,
      role: 'item',
      clauseId: i.clauseId,
      body: {
        fields: {
          ...extra(i.summary),
          project: { id: projectId },
          issuetype: { id: typeId },
          summary: i.summary,
          parent: { key: parentKey },
          ...(withDescription ? { description: i.description } : {}),
        },
        properties: [
          { key: PLAN_ITEM_PROPERTY_KEY, value: i.property },
          { key: MAPPING_PROPERTY_KEY, value: i.mapping },
        ],
      },
    };
  }

  /**
   * Bulk-creates `specs` (chunks of 50, per-item results). Items that failed transiently are re-sent in
   * later rounds, but only after a search shows they do not exist yet. Returns identity -> key of the
   * issues that exist at the end; permanent failures and what is still missing after the last round go
   * to `failures` with Jira's messages.
   */
  private async createAll(
    projectId: string,
    planId: string,
    specs: CreateSpec[],
    failures: EpicSyncFailure[],
    step: (n: number) => Promise<void>,
  ): Promise<Map<string, string>> {
    const keys = new Map<string, string>();
    let pending = specs;
    let lastError = new Map<string, BulkCreateItemResult & { ok: false }>();
    for (let round = 1; pending.length > 0 && round <= this.rounds; round += 1) {
      if (round > 1) {
        await this.sleep(backoffDelay(round - 1, this.random, 500, 10_000));
        const found = new Map<string, string>();
        for (const issue of await this.findExisting(projectId, planId)) {
          const p = issue.property;
          found.set(p.role === 'epic' ? epicRefKey(p) : itemRefKey(p.phaseId, p.clauseId ?? ''), issue.key);
        }
        const still: CreateSpec[] = [];
        for (const spec of pending) {
          const key = found.get(spec.identity);
          if (key === undefined) still.push(spec);
          else {
            keys.set(spec.identity, key);
            await step(1);
          }
        }
        pending = still;
        if (pending.length === 0) break;
      }
      const results = await this.jiraOnce.createIssuesBulk(
        pending.map((s) => s.body),
        this.call,
      );
      const retry: CreateSpec[] = [];
      lastError = new Map();
      for (const [i, spec] of pending.entries()) {
        const r = results[i];
        if (r === undefined) continue;
        if (r.ok) {
          keys.set(spec.identity, r.key);
          await step(1);
        } else if (upstreamKindOfStatus(r.status) === 'transient') {
          retry.push(spec);
          lastError.set(spec.identity, r);
        } else {
          failures.push({ summary: spec.summary, role: spec.role, clauseId: spec.clauseId, status: r.status, messages: r.messages, transient: false });
          await step(1);
        }
      }
      pending = retry;
    }
    for (const spec of pending) {
      const r = lastError.get(spec.identity);
      failures.push({
        summary: spec.summary,
        role: spec.role,
        clauseId: spec.clauseId,
        status: r?.status ?? 0,
        messages: r?.messages ?? ['Jira kept failing; run the sync again to finish.'],
        transient: true,
      });
    }
    return keys;
  }
}

/** Throws when a result still has transient failures (the queue should run the job again). */
export function hasTransientFailures(result: EpicSyncResult): boolean {
  return result.failures.some((f) => f.transient);
}
