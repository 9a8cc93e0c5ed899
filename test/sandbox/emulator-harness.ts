import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fastify, { type FastifyInstance } from 'fastify';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../sandbox/emulator';
import { loadPageRenderer } from '../../sandbox/emulator/page-view';

// The emulator loads its page renderer (jsdom, the ADF schema) on first use; here it is loaded with the test file.
loadPageRenderer();

export const USERS = {
  siteAdmin: '557058:sandbox-site-admin',
  projectAdmin: '557058:sandbox-project-admin',
  member: '557058:sandbox-member',
  outsider: '557058:sandbox-outsider',
} as const;

export type As = keyof typeof USERS | 'app' | 'anonymous';

/** What a call returns (a small subset of a fetch Response, read eagerly). */
export interface CallResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  json(): unknown;
}

export interface Harness {
  /** Base URL of the listening server (http://127.0.0.1:port). */
  url: string;
  app: FastifyInstance;
  emulator: Emulator;
  dir: string;
  call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, as?: As, extraHeaders?: Record<string, string>): Promise<CallResult>;
  close(opts?: { keepDir?: boolean }): Promise<void>;
}

export const headersFor = (as: As): Record<string, string> =>
  as === 'app' ? { 'x-sandbox-as-app': 'true' } : as === 'anonymous' ? {} : { 'x-sandbox-account-id': USERS[as] };

/** A Fastify instance with the emulator mounted on a fresh (or given) data directory. */
export async function startHarness(opts: Partial<EmulatorOptions> = {}): Promise<Harness> {
  const dir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'emulator-test-'));
  const emulator = await createEmulator({ now: () => new Date('2026-11-20T12:00:00.000Z'), ...opts, dataDir: dir });
  const app = fastify();
  await emulator.register(app);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    app,
    emulator,
    dir,
    async call(method, path, body, as = 'member', extraHeaders = {}) {
      const res = await fetch(`${url}${path}`, {
        method,
        redirect: 'manual',
        headers: { ...headersFor(as), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...extraHeaders },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => {
        headers[k] = v;
      });
      return { statusCode: res.status, headers, body: text, json: () => JSON.parse(text) as unknown };
    },
    async close(o = {}) {
      await app.close();
      await emulator.close();
      if (!o.keepDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
