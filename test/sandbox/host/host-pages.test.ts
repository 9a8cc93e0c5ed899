import { JSDOM } from 'jsdom';
import { adfToParagraphs, HostData } from '../../../sandbox/host/host-data';
import { CONTEXT_ELEMENT_ID, injectBridge, staticFile } from '../../../sandbox/host/host-routes';
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { issueViewBody, layout, projectPageBody, settingsPageBody, UI_RESOURCES, type PageChrome } from '../../../sandbox/host/host-pages';
import { MANIFEST_PATH, parseManifest, readManifest } from '../../../sandbox/manifest';
import { SANDBOX_USERS } from '../../../sandbox/seed/users';

const SUBPAGES = readManifest().projectPage.pages;

const project = { id: '10000', key: 'SMS', name: 'Service Management <System>', type: 'software', teamManaged: false };

const chrome = (over: Partial<PageChrome> = {}): PageChrome => ({
  title: 'SMS Navigator',
  user: SANDBOX_USERS[2]!,
  users: SANDBOX_USERS,
  colorMode: 'dark',
  currentPath: '/browse/SMS-1',
  project,
  sidebar: 'project',
  active: 'app',
  crumbs: [{ label: 'Projects', href: '/' }, { label: 'SMS Navigator' }],
  uiBuilt: true,
  subpages: SUBPAGES,
  confluence: 'connected',
  ...over,
});

const dom = (html: string) => new JSDOM(html).window.document;

describe('host pages', () => {
  it('frames the project page like Jira: an iframe with a title and the module in its URL', () => {
    const doc = dom(layout(chrome(), projectPageBody(project, true)));
    const frame = doc.querySelector('iframe');
    expect(frame?.getAttribute('title')).toBe('SMS Navigator project page');
    const src = new URL(frame?.getAttribute('src') ?? '', 'http://x');
    expect(src.pathname).toBe('/static/index.html');
    expect(src.searchParams.get('moduleKey')).toBe('sms-navigator-project-page');
    expect(src.searchParams.get('projectKey')).toBe('SMS');
  });

  it("lists the manifest's subpages under the app in the project sidebar, in manifest order, with Jira's URLs", () => {
    const doc = dom(layout(chrome({ activeSubpage: 'maturity' }), projectPageBody(project, true)));
    const links = [...doc.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Project navigation"] a[data-app-route]')];
    expect(links.map((a) => a.textContent)).toEqual(SUBPAGES.map((s) => s.title));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(
      SUBPAGES.map((s) => `/jira/software/projects/SMS/apps/00000000-0000-4000-8000-000000000000/00000000-0000-4000-8000-00000000e0e0/${s.route}`),
    );
    expect(links.filter((a) => a.getAttribute('aria-current') === 'page').map((a) => a.dataset.appRoute)).toEqual(['maturity']);
    const src = new URL(doc.querySelector('iframe')?.getAttribute('src') ?? '', 'http://x');
    expect(src.searchParams.get('historyBase')).toBe('/jira/software/projects/SMS/apps/00000000-0000-4000-8000-000000000000/00000000-0000-4000-8000-00000000e0e0');
  });

  it('shows the Confluence switch pressed when connected, unpressed when not, and no switch when the manifest lacks Confluence', () => {
    const on = dom(layout(chrome(), projectPageBody(project, true))).querySelector('#confluence-toggle');
    expect(on?.getAttribute('aria-pressed')).toBe('true');
    expect(on?.closest('form')?.querySelector<HTMLInputElement>('input[name="to"]')?.value).toBe('disconnected');
    const off = dom(layout(chrome({ confluence: 'disconnected' }), projectPageBody(project, true))).querySelector('#confluence-toggle');
    expect(off?.getAttribute('aria-pressed')).toBe('false');
    const undeclared = dom(layout(chrome({ confluence: 'undeclared' }), projectPageBody(project, true)));
    expect(undeclared.querySelector('#confluence-toggle')).toBeNull();
    expect(undeclared.querySelector('.confluence-switch')?.textContent).toBe('Confluence: not in manifest');
  });

  it('shows the user switcher with the current user selected and the theme from the cookie', () => {
    const doc = dom(layout(chrome(), projectPageBody(project, true)));
    const select = doc.querySelector<HTMLSelectElement>('select#sandbox-user');
    expect(doc.querySelector('label[for="sandbox-user"]')?.textContent).toBe('User');
    expect(select?.options).toHaveLength(4);
    expect(select?.selectedOptions[0]?.textContent).toBe('Mo Member (member)');
    expect(doc.documentElement.getAttribute('data-color-mode')).toBe('dark');
    expect(doc.querySelector('#theme-toggle')?.getAttribute('aria-pressed')).toBe('true');
    expect(doc.querySelector<HTMLInputElement>('input[name="back"]')?.value).toBe('/browse/SMS-1');
  });

  it('escapes product text (project name, issue summary and description)', () => {
    const issue = {
      id: '1', key: 'SMS-1', summary: '<img src=x onerror=alert(1)>', status: 'In Progress', statusCategory: 'indeterminate',
      type: 'Incident', projectKey: 'SMS', priority: null, assignee: null, description: ['a <b>bold</b> claim'],
    };
    const page = layout(chrome(), issueViewBody(issue, true));
    const doc = dom(page);
    expect(doc.querySelector('img')).toBeNull();
    expect(doc.querySelector('#issue-summary')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(doc.querySelector('.project-name')?.textContent).toBe('Service Management <System>');
    const frame = doc.querySelector('iframe');
    expect(frame?.getAttribute('title')).toBe('ISO 20000 clauses');
    expect(new URL(frame?.getAttribute('src') ?? '', 'http://x').searchParams.get('issueKey')).toBe('SMS-1');
  });

  it("shows the manifest's issue context glance collapsed with its label, framing the app (loaded when opened) for the issue", () => {
    const issue = {
      id: '1', key: 'SMS-1', summary: 'Outage', status: 'Open', statusCategory: 'new',
      type: 'Incident', projectKey: 'SMS', priority: null, assignee: null, description: [],
    };
    const glances = readManifest().issueContexts;
    expect(glances.map((g) => g.key)).toEqual(['sms-navigator-issue-context']);
    const doc = dom(layout(chrome(), issueViewBody(issue, true, glances)));
    const glance = doc.querySelector('details.app-context');
    expect(glance?.hasAttribute('open')).toBe(false);
    expect(glance?.querySelector('summary')?.textContent?.trim()).toBe(glances[0]!.label);
    const frame = glance?.querySelector('iframe');
    expect(frame?.getAttribute('loading')).toBe('lazy');
    const src = new URL(frame?.getAttribute('src') ?? '', 'http://x').searchParams;
    expect([src.get('moduleKey'), src.get('issueKey')]).toEqual(['sms-navigator-issue-context', 'SMS-1']);
    // Without the module in the manifest, the issue view has no glance.
    expect(dom(layout(chrome(), issueViewBody(issue, true, []))).querySelector('details.app-context')).toBeNull();
  });

  it("serves every Custom UI resource of the manifest, and frames each module with the resource the manifest gives it", () => {
    const raw = YAML.parse(readFileSync(MANIFEST_PATH, 'utf8')) as { modules: Record<string, { key: string; resource?: string }[]>; resources: { key: string; path: string }[] };
    expect(Object.entries(UI_RESOURCES).map(([key, r]) => ({ key, path: `static/${r.dir}` }))).toEqual(raw.resources);
    const resourceOf = new Map(Object.values(raw.modules).flat().filter((m) => m.resource !== undefined).map((m) => [m.key, m.resource]));
    const issue = { id: '1', key: 'SMS-1', summary: 'Outage', status: 'Open', statusCategory: 'new', type: 'Incident', projectKey: 'SMS', priority: null, assignee: null, description: [] };
    const pages = [projectPageBody(project, true), settingsPageBody(project, true), issueViewBody(issue, true, readManifest().issueContexts)];
    const framed = pages.flatMap((body) => [...dom(layout(chrome(), body)).querySelectorAll('iframe.app-frame')].map((f) => new URL(f.getAttribute('src') ?? '', 'http://x')));
    expect(framed.map((u) => u.searchParams.get('moduleKey'))).toEqual(['sms-navigator-project-page', 'sms-navigator-project-settings', 'sms-navigator-issue-context', 'sms-navigator-issue-panel']);
    for (const url of framed) {
      const resource = resourceOf.get(url.searchParams.get('moduleKey') ?? '') as keyof typeof UI_RESOURCES;
      expect(`${url.searchParams.get('moduleKey')} ${url.pathname}`).toBe(`${url.searchParams.get('moduleKey')} ${UI_RESOURCES[resource].url}index.html`);
    }
    // The issue modules have their own resource: an issue view loads nothing of the project page.
    expect(framed.slice(2).map((u) => u.pathname)).toEqual(['/static-issue/index.html', '/static-issue/index.html']);
  });

  it('refuses an issue context glance Forge would refuse (no label, or a label over 255 characters)', () => {
    const manifest = (label: string | null) => `app:\n  id: x\nmodules:\n  jira:projectPage:\n    - key: p\n      title: P\n  jira:issueContext:\n    - key: c\n      title: C\n      resource: main\n${label === null ? '' : `      label: ${label}\n`}`;
    expect(parseManifest(manifest('ISO 20000')).issueContexts).toEqual([{ key: 'c', title: 'C', label: 'ISO 20000' }]);
    expect(() => parseManifest(manifest(null))).toThrow(/jira:issueContext/);
    expect(() => parseManifest(manifest('x'.repeat(256)))).toThrow(/jira:issueContext/);
  });

  it('says how to build the UI instead of framing it when static/build is missing', () => {
    const doc = dom(layout(chrome({ uiBuilt: false }), projectPageBody(project, false)));
    expect(doc.querySelector('iframe')).toBeNull();
    expect(doc.querySelector('[role="alert"]')?.textContent).toContain('npm run build:ui');
  });
});

describe('injectBridge', () => {
  it('puts the bridge stand-in first in <head>, before the module script', () => {
    const out = injectBridge('<!doctype html><html><head><meta charset="utf-8"><script type="module" src="./assets/index.js"></script></head><body></body></html>');
    expect(out.indexOf('/__bridge/bridge-client.js')).toBeGreaterThan(0);
    expect(out.indexOf('/__bridge/bridge-client.js')).toBeLessThan(out.indexOf('./assets/index.js'));
    expect(out).not.toContain(CONTEXT_ELEMENT_ID);
  });

  it('writes the frame context as a JSON data block that no value can close or turn into script', () => {
    const context = { moduleKey: 'sms-navigator-project-page', extension: { project: { key: 'SMS', name: '</script><script>alert(1)</script><!--' } } };
    const out = injectBridge('<html><head><script type="module" src="./assets/index.js"></script></head><body></body></html>', context);
    const doc = new JSDOM(out).window.document;
    const block = doc.getElementById(CONTEXT_ELEMENT_ID);
    expect(block?.getAttribute('type')).toBe('application/json');
    expect(JSON.parse(block?.textContent ?? '')).toEqual(context);
    expect(doc.querySelectorAll('script')).toHaveLength(3); // the data block, the bridge, the app: nothing injected
    expect(out.indexOf(CONTEXT_ELEMENT_ID)).toBeLessThan(out.indexOf('/__bridge/bridge-client.js'));
  });
});

describe('adfToParagraphs', () => {
  it('reads paragraphs, headings and list items of an ADF document as plain text', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', content: [{ type: 'text', text: 'Impact' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Email is ' }, { type: 'text', text: 'down.' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'EU users' }] }] }] },
      ],
    };
    expect(adfToParagraphs(doc)).toEqual(['Impact', 'Email is down.', '• EU users']);
    expect(adfToParagraphs(null)).toEqual([]);
  });
});

describe('staticFile', () => {
  it('resolves files inside the build directory and refuses paths that leave it', () => {
    expect(staticFile('/srv/build', 'assets/index-abc.js')).toBe('/srv/build/assets/index-abc.js');
    expect(staticFile('/srv/build', '../secret')).toBeUndefined();
    expect(staticFile('/srv/build', '%2e%2e/%2e%2e/etc/passwd')).toBeUndefined();
    expect(staticFile('/srv/build', '')).toBeUndefined();
  });
});

describe('HostData lookups', () => {
  it('answers repeated project and issue lookups from a short cache, then asks again', async () => {
    const urls: string[] = [];
    let now = 0;
    const data = new HostData(async (req) => {
      urls.push(req.url);
      if (req.url.startsWith('/rest/api/3/project/')) return { statusCode: 200, body: JSON.stringify({ id: '10000', key: 'SMS', name: 'SMS', projectTypeKey: 'software' }) };
      return { statusCode: 200, body: JSON.stringify({ id: '1', key: 'SMS-1', fields: { issuetype: { id: '3', name: 'Task' }, project: { key: 'SMS' } } }) };
    }, () => now);
    expect(await data.project('SMS')).toEqual({ id: '10000', key: 'SMS', type: 'software' });
    await data.project('SMS');
    expect(await data.issue('SMS-1')).toEqual({ id: '1', key: 'SMS-1', type: 'Task', typeId: '3', projectKey: 'SMS' });
    await data.issue('SMS-1');
    expect(urls).toHaveLength(2);
    now = 61_000;
    await data.project('SMS');
    expect(urls).toHaveLength(3);
  });

  it('sends the app identity for lookups and the user identity for what the user sees', async () => {
    const headers: Record<string, string>[] = [];
    const data = new HostData(async (req) => {
      headers.push(req.headers ?? {});
      return { statusCode: 404, body: '{"errorMessages":["nope"]}' };
    });
    expect(await data.project('NOPE')).toBeUndefined();
    expect(await data.issueView('SMS-1', '557058:sandbox-member')).toEqual({ status: 404 });
    expect(headers[0]).toMatchObject({ 'x-sandbox-as-app': 'true' });
    expect(headers[1]).toMatchObject({ 'x-sandbox-account-id': '557058:sandbox-member' });
  });
});
