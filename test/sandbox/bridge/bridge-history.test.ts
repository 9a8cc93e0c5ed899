import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';

// The bridge stand-in's view.createHistory(), run in a DOM: paths relative to the module's URL, push/replace
// change the host URL, and the host's own navigations (sidebar, back/forward) reach the listeners.
const SCRIPT = readFileSync(path.resolve(__dirname, '../../../sandbox/bridge/bridge-client.js'), 'utf8');
const BASE = '/jira/software/projects/SMS/apps/00000000-0000-4000-8000-000000000000/00000000-0000-4000-8000-00000000e0e0';

interface Loc {
  pathname: string;
  search: string;
  hash: string;
  state?: unknown;
}
interface StandInHistory {
  location: Loc;
  action: string;
  push(to: string | Partial<Loc>, state?: unknown): void;
  replace(to: string | Partial<Loc>, state?: unknown): void;
  listen(l: (location: Loc, action: string) => void): () => void;
  createHref(to: string): string;
}

async function open(subpath: string) {
  const url = `http://sandbox.test${BASE}${subpath}?moduleKey=sms-navigator-project-page&projectKey=SMS&historyBase=${encodeURIComponent(BASE)}`;
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { url, runScripts: 'outside-only' });
  dom.window.eval(SCRIPT);
  const bridge = (dom.window as unknown as { __bridge: { callBridge(name: string): Promise<StandInHistory> } }).__bridge;
  const history = await bridge.callBridge('createHistory');
  const seen: [string, string][] = [];
  history.listen((loc, action) => seen.push([action, loc.pathname + loc.search]));
  return { dom, history, seen };
}

describe('bridge stand-in view.createHistory()', () => {
  it('gives the path after the module URL: "/" on the module itself, "/scope" on its subpage', async () => {
    expect((await open('')).history.location.pathname).toBe('/');
    const { history } = await open('/scope');
    expect(history.location.pathname).toBe('/scope');
    expect(history.createHref('/maturity')).toBe(`${BASE}/maturity`);
  });

  it('push and replace change the host URL and tell the listeners, replace without a new entry', async () => {
    const { dom, history, seen } = await open('/scope');
    const entries = dom.window.history.length;
    history.push('/maturity', { from: 'scope' });
    expect(dom.window.location.pathname).toBe(`${BASE}/maturity`);
    expect(history.location).toMatchObject({ pathname: '/maturity', state: { from: 'scope' } });
    history.replace({ pathname: '/gap-report', search: '?group=8' });
    expect(dom.window.location.pathname + dom.window.location.search).toBe(`${BASE}/gap-report?group=8`);
    expect(dom.window.history.length).toBe(entries + 1);
    expect(seen).toEqual([
      ['PUSH', '/maturity'],
      ['REPLACE', '/gap-report?group=8'],
    ]);
  });

  it("follows the host's navigations: a sidebar link (sandbox:navigate) and back/forward (popstate)", async () => {
    const { dom, history, seen } = await open('/scope');
    dom.window.history.pushState({}, '', `${BASE}/phases`);
    dom.window.dispatchEvent(new dom.window.CustomEvent('sandbox:navigate'));
    dom.window.history.replaceState({}, '', `${BASE}/scope`);
    dom.window.dispatchEvent(new dom.window.PopStateEvent('popstate'));
    expect(seen).toEqual([
      ['PUSH', '/phases'],
      ['POP', '/scope'],
    ]);
    expect(history.location.pathname).toBe('/scope');
  });

  it('stops calling a listener once it unlistens', async () => {
    const { history, seen } = await open('/scope');
    const extra: string[] = [];
    const stop = history.listen((loc) => extra.push(loc.pathname));
    history.push('/phases');
    stop();
    history.push('/maturity');
    expect(extra).toEqual(['/phases']);
    expect(seen).toHaveLength(2);
  });
});
