/**
 * The project page's views, in the order of the work. The same list is the `pages:` of the jira:projectPage
 * module in manifest.yml: Jira shows those in its project sidebar and only changes the URL; this app routes
 * them with view.createHistory(). test/resolvers/project-page-routes.test.ts fails when the two differ.
 * Plain data (no React) so that the test can read it.
 */
export const PROJECT_PAGE_ROUTES = [
  { route: 'initiation', title: 'Initiation' },
  { route: 'scope', title: 'Scope' },
  { route: 'maturity', title: 'Maturity' },
  { route: 'phases', title: 'Phases' },
  { route: 'clause-mapping', title: 'Clause mapping' },
  { route: 'gap-report', title: 'Gap report' },
  { route: 'evaluation', title: 'Evaluation' },
] as const;

export type ProjectRoute = (typeof PROJECT_PAGE_ROUTES)[number]['route'];

/** The view for the module's own URL and for any path the app does not route (as Jira opens it). */
export const DEFAULT_ROUTE: ProjectRoute = PROJECT_PAGE_ROUTES[0].route;

const BY_ROUTE: ReadonlyMap<string, (typeof PROJECT_PAGE_ROUTES)[number]> = new Map(PROJECT_PAGE_ROUTES.map((r) => [r.route, r]));

/**
 * The view a history path names (`/scope`, `/gap-report/`, `scope`): its first segment when that is a route,
 * else the default view. `known` is false for a path the app does not route (the module URL itself is `/`).
 */
export function viewOfPath(pathname: string): { route: ProjectRoute; title: string; known: boolean } {
  const segment = pathname.split('/').find((s) => s !== '') ?? '';
  const hit = BY_ROUTE.get(segment);
  if (hit !== undefined) return { route: hit.route, title: hit.title, known: true };
  const fallback = BY_ROUTE.get(DEFAULT_ROUTE);
  return { route: DEFAULT_ROUTE, title: fallback?.title ?? '', known: segment === '' };
}

/** The history path of a view. */
export const pathOfRoute = (route: ProjectRoute): string => `/${route}`;
