/**
 * Epic sync benchmarks (issue 5), on the default Approach 1 plan of the seeded project SMS:
 * - epics.create.calls: the app's product calls for the first "Create in Jira" (resolver + queued job) of the
 *   plan SAVED in storage (the resolver reads it; saving is not counted); bound = the plan's lower bound
 *   (epicCreateLowerBound, printed as lowerBound) + 3.
 * - epics.rerun.calls: the same again with nothing to change; bound 3.
 * - epics.faults.duplicates: 100 runs (seeds 1..100) with 20 % random 429/500/reset faults; issues created
 *   twice over all runs; bound 0. `mismatches` counts runs whose final Jira state differs from a fault-free run.
 * Calls are counted at the app's ProductApi (what the app sends), so host-side lookups are not included.
 */
import type { Emit } from './run';
import { createHttpProductApi } from '../sandbox/http-product-api';
import { buildDesiredState, epicCreateLowerBound, epicPlanInputFromPlan } from '../src/domain/epics';
import { proposePlan } from '../src/domain/planning/propose-plan';
import type { ProductApi, ProductRequester } from '../src/platform/product-api';
import type { JobEvent } from '../src/platform/job-queue';
import { InMemoryKvStore } from '../src/storage/in-memory-kv-store';
import { PlanRepository } from '../src/storage/plan-repository';
import { createApp } from '../src/wiring';
import { SMS_PROJECT_ID, expectedPicture, pictureOf, startEpicHarness } from '../test/integration/epic-sync-harness';

const ADMIN = '557058:sandbox-project-admin';

function counting(inner: ProductApi): ProductApi & { count: () => number } {
  let n = 0;
  const wrap = (r: ProductRequester): ProductRequester => ({
    requestJira: (p, i) => {
      n += 1;
      return r.requestJira(p, i);
    },
    requestConfluence: (p, i) => {
      n += 1;
      return r.requestConfluence(p, i);
    },
  });
  return { asUser: () => wrap(inner.asUser()), asApp: () => wrap(inner.asApp()), count: () => n };
}

export async function run(emit: Emit): Promise<void> {
  const h = await startEpicHarness();
  try {
    // The default Approach 1 plan, saved as the Phases tab would save it; the epic input is derived from it.
    const plan = proposePlan('subsets');
    const input = epicPlanInputFromPlan('main', plan);
    const lowerBound = epicCreateLowerBound(buildDesiredState(input));

    // The app as Forge runs it: resolver -> queue -> consumer, with an inline queue.
    const api = counting(createHttpProductApi(h.url, () => ADMIN));
    const queued: JobEvent[] = [];
    const store = new InMemoryKvStore();
    await new PlanRepository(store).save(SMS_PROJECT_ID, plan, 0, ADMIN);
    const app = createApp({
      api,
      store,
      queue: { push: async (events) => (queued.push(...events), `job-${queued.length}`) },
      log: () => undefined,
    });
    const context = { accountId: ADMIN, moduleKey: 'sms-navigator-project-page', extension: { type: 'jira:projectPage', project: { id: SMS_PROJECT_ID, key: 'SMS', type: 'software' } } };
    const createInJira = async (): Promise<number> => {
      const before = api.count();
      const res = (await app.resolverHandler(
        { call: { functionKey: 'startEpicSync', payload: { includeItems: true } }, context },
        { principal: { accountId: ADMIN } },
      )) as { ok: boolean; error?: { message: string } };
      if (!res.ok) throw new Error(`startEpicSync failed: ${res.error?.message ?? ''}`);
      for (let e = queued.shift(); e !== undefined; e = queued.shift()) await app.jobConsumer({ body: e.body, jobId: 'bench', eventId: 'bench' }, {});
      return api.count() - before;
    };

    const first = await createInJira();
    emit({ name: 'epics.create.calls', value: first, unit: 'calls', bound: lowerBound + 3, lowerBound, epics: 13, items: 53 });
    const rerun = await createInJira();
    emit({ name: 'epics.rerun.calls', value: rerun, unit: 'calls', bound: 3 });

    const reference = expectedPicture(input);
    let duplicates = 0;
    let mismatches = 0;
    let reruns = 0;
    for (let seed = 1; seed <= 100; seed += 1) {
      h.emulator.setFaults({ rate: 0 });
      h.emulator.reset();
      h.emulator.setFaults({ rate: 0.2, kinds: ['429', '500', 'reset'], seed, latencyMs: 0, retryAfterSeconds: 0 });
      let result = await h.service().run({ projectId: SMS_PROJECT_ID, input }).catch(() => undefined);
      for (let i = 0; i < 3 && (result === undefined || result.failures.length > 0); i += 1) {
        reruns += 1;
        result = await h.service().run({ projectId: SMS_PROJECT_ID, input }).catch(() => undefined);
      }
      h.emulator.setFaults({ rate: 0 });
      const picture = pictureOf(await h.service().findExisting(SMS_PROJECT_ID, input.planId));
      duplicates += picture.duplicates;
      if (JSON.stringify(picture.lines) !== JSON.stringify(reference)) mismatches += 1;
    }
    emit({ name: 'epics.faults.duplicates', value: duplicates, unit: 'issues', bound: 0, runs: 100, faultRate: 0.2, mismatches, reruns });
  } finally {
    await h.close();
  }
}
