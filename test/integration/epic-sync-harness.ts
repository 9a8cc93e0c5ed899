/**
 * Shared by test/integration/epic-sync.test.ts and bench/epics.bench.ts: the emulated Jira on a free port,
 * the app's HTTP ProductApi to it, and a key-independent picture of the plan's issues in Jira.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fastify, { type FastifyInstance } from 'fastify';
import { createEmulator, type Emulator } from '../../sandbox/emulator';
import { createHttpProductApi } from '../../sandbox/http-product-api';
import {
  type EpicPlanInput,
  type ExistingPlanIssue,
  buildDesiredState,
  epicRefKey,
  itemRefKey,
} from '../../src/domain/epics';
import type { ProductApi, ProductRequester } from '../../src/platform/product-api';
import { JiraClient, type JiraClientOptions } from '../../src/jira/jira-client';
import { EpicSyncService, type EpicSyncServiceOptions } from '../../src/services/epic-sync.service';

/** The service's options, plus the Jira client options the harness builds its two clients with. */
export type HarnessServiceOptions = EpicSyncServiceOptions & { clientOptions?: JiraClientOptions };

export const SMS_PROJECT_ID = '10000';
export const OPS_PROJECT_ID = '10001';

export interface EpicHarness {
  url: string;
  emulator: Emulator;
  /** The app's ProductApi (HTTP to the emulator); asUser() acts as `user`. */
  api: ProductApi;
  dir: string;
  /** A service working as the app, with retries that do not sleep. */
  service(opts?: HarnessServiceOptions, api?: ProductApi): EpicSyncService;
  /** Product calls the emulator has answered so far (faults included). */
  calls(): number;
  close(): Promise<void>;
}

const noSleep = async (): Promise<void> => undefined;

export async function startEpicHarness(opts: { trafficLogFile?: string; user?: string } = {}): Promise<EpicHarness> {
  const dir = mkdtempSync(path.join(tmpdir(), 'epic-sync-'));
  const emulator = await createEmulator({ dataDir: dir, reset: true, ...(opts.trafficLogFile ? { trafficLogFile: opts.trafficLogFile } : {}) });
  const app: FastifyInstance = fastify({ logger: false, bodyLimit: 8 * 1024 * 1024 });
  await emulator.register(app);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const user = opts.user ?? '557058:sandbox-project-admin';
  const api = createHttpProductApi(url, () => user);
  return {
    url,
    emulator,
    api,
    dir,
    service: (o = {}, a = api) => {
      const clientOptions = { sleep: noSleep, random: () => 0.5, ...(o.clientOptions ?? {}) };
      const clients = { jira: new JiraClient(a, clientOptions), jiraOnce: new JiraClient(a, { ...clientOptions, maxAttempts: 1 }) };
      return new EpicSyncService(clients, { as: 'app', ...o, sleep: clientOptions.sleep, random: clientOptions.random });
    },
    calls: () => emulator.stats().calls,
    async close() {
      await app.close();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A ProductApi whose calls throw (like a killed process) once `limit` calls have been made. */
export function killingApi(inner: ProductApi, limit: number): ProductApi & { made(): number } {
  let made = 0;
  const wrap = (r: ProductRequester): ProductRequester => ({
    requestJira: async (p, init) => {
      made += 1;
      if (made > limit) throw new Error(`killed after ${limit} calls`);
      return r.requestJira(p, init);
    },
    requestConfluence: (p, init) => r.requestConfluence(p, init),
  });
  return { asUser: () => wrap(inner.asUser()), asApp: () => wrap(inner.asApp()), made: () => made };
}

export interface JiraPicture {
  /** One line per identity (phase/subset or phase/clause), independent of issue keys, sorted. */
  lines: string[];
  /** Issues beyond the first of the same identity. */
  duplicates: number;
  issues: number;
}

/** What the plan's issues in Jira look like: identity, summary, parent identity and mapped phases. */
export function pictureOf(existing: readonly ExistingPlanIssue[]): JiraPicture {
  const identityOfKey = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const i of existing) {
    const id = i.property.role === 'epic' ? `E ${epicRefKey(i.property)}` : `I ${itemRefKey(i.property.phaseId, i.property.clauseId ?? '')}`;
    identityOfKey.set(i.key, id);
    seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  const lines = new Set<string>();
  for (const i of existing) {
    const id = identityOfKey.get(i.key) as string;
    if (i.property.role === 'epic') lines.add(`${id} | ${i.summary}`);
    else {
      const parent = i.parentKey === null ? 'none' : (identityOfKey.get(i.parentKey) ?? `foreign:${i.parentKey}`);
      lines.add(`${id} | ${i.summary} | parent=${parent} | phases=${(i.mapping?.phases ?? []).join(',')} | clauses=${(i.mapping?.clauses ?? []).join(',')}`);
    }
  }
  const duplicates = [...seen.values()].reduce((n, c) => n + (c - 1), 0);
  return { lines: [...lines].sort(), duplicates, issues: existing.length };
}

/** The picture a plan should leave in Jira when nothing else is there. */
export function expectedPicture(input: EpicPlanInput): string[] {
  const d = buildDesiredState(input);
  return [
    ...d.epics.map((e) => `E ${epicRefKey(e.ref)} | ${e.summary}`),
    ...d.items.map(
      (i) =>
        `I ${itemRefKey(i.epic.phaseId, i.clauseId)} | ${i.summary} | parent=E ${epicRefKey(i.epic)} | phases=${i.mapping.phases.join(',')} | clauses=${i.mapping.clauses.join(',')}`,
    ),
  ].sort();
}

/** A ProductApi that rewrites the JSON body of bulk creates before sending (to provoke per-item refusals). */
export function bodyRewritingApi(inner: ProductApi, rewrite: (body: { issueUpdates: { fields: Record<string, unknown> }[] }) => void): ProductApi {
  const wrap = (r: ProductRequester): ProductRequester => ({
    requestJira: (p, init) => {
      if (p.value.startsWith('/rest/api/3/issue/bulk') && init?.body !== undefined) {
        const body = JSON.parse(init.body) as { issueUpdates: { fields: Record<string, unknown> }[] };
        rewrite(body);
        return r.requestJira(p, { ...init, body: JSON.stringify(body) });
      }
      return r.requestJira(p, init);
    },
    requestConfluence: (p, init) => r.requestConfluence(p, init),
  });
  return { asUser: () => wrap(inner.asUser()), asApp: () => wrap(inner.asApp()) };
}
