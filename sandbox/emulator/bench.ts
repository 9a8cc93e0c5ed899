import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fastify from 'fastify';
import { MAPPING_PROPERTY_KEY } from './catalog';
import { createEmulator } from './index';

export interface SearchPageMeasurement {
  issueCount: number;
  pageSize: number;
  samplesMs: number[];
  medianMs: number;
}

/**
 * Times one 100-issue POST /rest/api/3/search/jql page (over a real local HTTP connection, so routing, JSON and
 * the emulator's work are all in) against a project of `issues` generated issues. For `npm run bench`
 * (`sandbox.search.page.ms`). Uses a temporary data directory unless `dataDir` is given.
 */
export async function measureSearchPage(opts: { issues?: number; samples?: number; dataDir?: string } = {}): Promise<SearchPageMeasurement> {
  const issues = opts.issues ?? 10_000;
  const samples = opts.samples ?? 15;
  const dir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'sandbox-bench-'));
  const emulator = await createEmulator({ dataDir: dir, reset: opts.dataDir === undefined });
  const app = fastify();
  try {
    await emulator.register(app);
    const info = emulator.seedLargeProject(issues);
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const body = {
      jql: `project = ${info.projectKey} AND statusCategory != Done ORDER BY key ASC`,
      maxResults: 100,
      fields: ['summary', 'status', 'issuetype', 'labels', 'parent', 'updated'],
      properties: [MAPPING_PROPERTY_KEY],
    };
    const run = async (token?: string): Promise<string | undefined> => {
      const res = await fetch(`${base}/rest/api/3/search/jql`, {
        method: 'POST',
        headers: { 'x-sandbox-as-app': 'true', 'content-type': 'application/json' },
        body: JSON.stringify(token ? { ...body, nextPageToken: token } : body),
      });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`search/jql answered ${res.status}: ${text.slice(0, 300)}`);
      return (JSON.parse(text) as { nextPageToken?: string }).nextPageToken;
    };
    let token = await run(); // warm-up
    const samplesMs: number[] = [];
    for (let i = 0; i < samples; i += 1) {
      const t0 = process.hrtime.bigint();
      token = (await run(token)) ?? undefined;
      samplesMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const sorted = [...samplesMs].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    const medianMs = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
    return { issueCount: info.issueCount, pageSize: 100, samplesMs, medianMs };
  } finally {
    await app.close();
    await emulator.close();
    if (opts.dataDir === undefined) rmSync(dir, { recursive: true, force: true });
  }
}
