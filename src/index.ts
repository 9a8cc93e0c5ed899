/**
 * Forge entry points named in manifest.yml (`index.resolverHandler`, `index.jobConsumer`).
 * Only adapters are built here; everything else is in src/wiring.ts.
 */
import api, { getAppContext } from '@forge/api';
import { kvs } from '@forge/kvs';
import { ForgeJobQueue } from './platform/forge-job-queue';
import { ForgeProductApi } from './platform/forge-product-api';
import { ForgeKvsStore } from './storage/forge-kvs-store';
import { createApp } from './wiring';

const app = createApp({
  api: new ForgeProductApi(api, () => getAppContext().installation?.contexts.map((c) => c.toString())),
  store: new ForgeKvsStore(kvs),
  queue: new ForgeJobQueue(),
  appIdentity: () => {
    const ctx = getAppContext();
    return { appId: ctx.appAri.appId, environmentId: ctx.environmentAri.environmentId, environmentType: ctx.environmentType };
  },
});

export const resolverHandler = app.resolverHandler;
export const jobConsumer = app.jobConsumer;
