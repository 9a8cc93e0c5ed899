import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { route, RequestProductNotAllowedError } from '@forge/api';
import { ConfluenceClient } from '../../src/confluence/confluence-client';
import { ConfluenceConnection, parseConfluenceSwitch } from '../../sandbox/confluence-connection';
import { createHttpProductApi } from '../../sandbox/http-product-api';
import { declaresConfluence, MANIFEST_PATH, parseManifest, readManifest } from '../../sandbox/manifest';

const manifestText = readFileSync(MANIFEST_PATH, 'utf8');
/** The project's manifest with its app.compatibility block cut out. */
const withoutCompatibility = (): string => {
  const cut = manifestText.replace(/\n  compatibility:\n(?: {4}.*\n)+/, '\n');
  expect(cut).not.toContain('compatibility:');
  return cut;
};

function countingFetch() {
  const sent: string[] = [];
  const doFetch = (async (input: URL | RequestInfo) => {
    sent.push(String(input));
    return new Response(JSON.stringify({ results: [{ id: '7', key: 'SMS', name: 'SMS' }] }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { sent, doFetch };
}

describe('the sandbox reads app.compatibility from manifest.yml', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sms-nav-manifest-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('declares Confluence in the project manifest', () => {
    expect(declaresConfluence(readManifest())).toBe(true);
  });

  it('treats Confluence as unreachable when a copy of the manifest has no compatibility block: Confluence calls fail, nothing is sent', async () => {
    const file = path.join(dir, 'manifest.yml');
    writeFileSync(file, withoutCompatibility());
    const manifest = readManifest(file);
    expect(declaresConfluence(manifest)).toBe(false);

    // Even with the site switch on "connected", the app cannot reach Confluence.
    const connection = new ConfluenceConnection(declaresConfluence(manifest), 'connected');
    const { sent, doFetch } = countingFetch();
    const api = createHttpProductApi('http://127.0.0.1:9', () => undefined, doFetch, undefined, connection);
    const key = 'SMS';
    await expect(api.asApp().requestConfluence(route`/wiki/api/v2/spaces?keys=${key}`)).rejects.toBeInstanceOf(RequestProductNotAllowedError);
    await expect(new ConfluenceClient(api).getSpaceByKey('SMS', { as: 'app' })).rejects.toMatchObject({ code: 'CONFLUENCE_NOT_CONNECTED' });
    await expect(api.isConnected?.('confluence')).resolves.toBe(false);
    // Jira stays reachable.
    await api.asApp().requestJira(route`/rest/api/3/myself`);
    expect(sent).toEqual(['http://127.0.0.1:9/rest/api/3/myself']);
  });

  it('follows the site switch when the manifest declares Confluence', async () => {
    const connection = new ConfluenceConnection(declaresConfluence(parseManifest(manifestText)), parseConfluenceSwitch('disconnected'));
    const { sent, doFetch } = countingFetch();
    const api = createHttpProductApi('http://127.0.0.1:9', () => undefined, doFetch, undefined, connection);
    const client = new ConfluenceClient(api);
    await expect(client.getSpaceByKey('SMS', { as: 'app' })).rejects.toMatchObject({ code: 'CONFLUENCE_NOT_CONNECTED' });
    expect(sent).toEqual([]);
    connection.set('connected');
    await expect(client.getSpaceByKey('SMS', { as: 'app' })).resolves.toMatchObject({ id: '7' });
    expect(sent).toHaveLength(1);
  });

  it('reads SANDBOX_CONFLUENCE as connected by default and refuses anything but connected or disconnected', () => {
    expect(parseConfluenceSwitch(undefined)).toBe('connected');
    expect(parseConfluenceSwitch('')).toBe('connected');
    expect(parseConfluenceSwitch('disconnected')).toBe('disconnected');
    expect(() => parseConfluenceSwitch('off')).toThrow('SANDBOX_CONFLUENCE');
  });
});

describe('sandbox manifest: the consumer time limit', () => {
  it('is the consumer function\'s timeoutSeconds (900 in manifest.yml), Forge\'s default 55 s without it, never over 900', () => {
    expect(readManifest().consumerTimeoutSeconds).toBe(900);
    const base = 'app:\n  id: x\nmodules:\n  jira:projectPage:\n    - key: p\n      title: P\n  consumer:\n    - key: c\n      queue: q\n      function: f\n  function:\n    - key: f\n      handler: index.f\n';
    expect(parseManifest(base).consumerTimeoutSeconds).toBe(55);
    expect(parseManifest(`${base}      timeoutSeconds: 3600\n`).consumerTimeoutSeconds).toBe(900);
  });
});
