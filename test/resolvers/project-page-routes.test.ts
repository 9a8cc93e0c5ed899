import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_ROUTE, PROJECT_PAGE_ROUTES, viewOfPath } from '../../static/src/panels/ProjectPage/routes';
import { parseManifest, type ProjectSubpage } from '../../sandbox/manifest';

// The project page's subpages and the UI's routes are one list in effect: Jira shows the manifest's pages and only
// changes the URL; the Custom UI must route every one of them (view.createHistory()), and route nothing else.
const manifestText = readFileSync(path.resolve(__dirname, '../../manifest.yml'), 'utf8');
const manifestPages = (text: string): ProjectSubpage[] => parseManifest(text).projectPage.pages;

/** Differences between the manifest's pages and the UI's routes, in words; empty when they agree. */
function differences(pages: readonly ProjectSubpage[], routes: readonly { route: string; title: string }[]): string[] {
  const out: string[] = [];
  for (const p of pages) {
    const r = routes.find((x) => x.route === p.route);
    if (r === undefined) out.push(`manifest subpage "${p.route}" is not routed by the UI`);
    else if (r.title !== p.title) out.push(`"${p.route}" is "${p.title}" in the manifest but "${r.title}" in the UI`);
  }
  for (const r of routes) if (!pages.some((p) => p.route === r.route)) out.push(`UI route "${r.route}" is not a subpage in the manifest`);
  if (out.length === 0 && pages.map((p) => p.route).join() !== routes.map((r) => r.route).join()) out.push('the order differs');
  return out;
}

describe('project page routes', () => {
  it('are exactly the subpages of manifest.yml, with the same titles, in the same order', () => {
    expect(differences(manifestPages(manifestText), PROJECT_PAGE_ROUTES)).toEqual([]);
    expect(PROJECT_PAGE_ROUTES.map((r) => r.title)).toEqual(['Initiation', 'Scope', 'Maturity', 'Phases', 'Clause mapping', 'Gap report', 'Evaluation']);
  });

  it('fail the comparison when the manifest gains a subpage the UI does not route', () => {
    const extra = manifestText.replace('        - title: Gap report\n          route: gap-report\n', '        - title: Gap report\n          route: gap-report\n        - title: Audit\n          route: audit\n');
    expect(manifestPages(extra).map((p) => p.route)).toContain('audit');
    expect(differences(manifestPages(extra), PROJECT_PAGE_ROUTES)).toEqual(['manifest subpage "audit" is not routed by the UI']);
  });

  it('fail the comparison when the UI routes a page the manifest does not declare', () => {
    const fewer = manifestText.replace('        - title: Clause mapping\n          route: clause-mapping\n', '');
    expect(differences(manifestPages(fewer), PROJECT_PAGE_ROUTES)).toEqual(['UI route "clause-mapping" is not a subpage in the manifest']);
  });

  it('open the default view for the module URL and for a path the app does not route, as Jira opens it', () => {
    expect(viewOfPath('/')).toEqual({ route: DEFAULT_ROUTE, title: 'Initiation', known: true });
    expect(viewOfPath('/gap-report')).toEqual({ route: 'gap-report', title: 'Gap report', known: true });
    expect(viewOfPath('/scope/')).toMatchObject({ route: 'scope', known: true });
    expect(viewOfPath('/no-such-page')).toEqual({ route: DEFAULT_ROUTE, title: 'Initiation', known: false });
  });
});
