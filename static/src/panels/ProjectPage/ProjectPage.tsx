import { token } from '@atlaskit/tokens';
import { Suspense, lazy, useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import type { AppContextResponse } from '@contract/app-context';
import { useResolver } from '../../api/use-resolver';
import { useHistoryPath } from '../../api/project-history';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { SectionLevel } from '../../components/kit/layout';
import { ResolverError } from '../../components/ResolverError';
import { discardUnsavedChanges, unsavedChanges, useUnsavedList } from '../../components/unsaved-changes';
import { ProjectHeader } from './ProjectHeader';
import { GoToView } from './go-to-view';
import { pathOfRoute, viewOfPath, type ProjectRoute } from './routes';
import { subtleText } from '../../components/kit/text';

// The "Leave without saving?" dialog (Atlaskit's modal brings focus lock, scroll lock and drag and drop): loaded
// when it is needed, not before the first view shows.
const ConfirmModal = lazy(() => import('../../components/ConfirmModal').then((m) => ({ default: m.ConfirmModal })));

/** What every view of the project page receives (views that do not edit or publish ignore the rest). */
export interface ProjectViewProps {
  canEdit: boolean;
  /** The caller's accountId (from the trusted context, through getAppContext). */
  accountId: string;
  /** Whether the site has the app connected to Confluence, and the line to show when not. */
  confluence: AppContextResponse['confluence'];
  /** A Confluence space for reports is chosen in the project settings (publishing needs one). */
  reportSpaceChosen: boolean;
}

// One view per manifest subpage (routes.ts), each its own chunk: the first load carries only the header and the
// view it opens on. The Record makes TypeScript refuse a route without a view.
const VIEWS: Record<ProjectRoute, ComponentType<ProjectViewProps>> = {
  initiation: lazy(() => import('./InitiationPanel/InitiationPanel')),
  scope: lazy(() => import('./ScopePanel/ScopePanel')),
  maturity: lazy(() => import('./MaturityPanel/MaturityPanel')),
  phases: lazy(() => import('./PhasesPanel/PhasesPanel')),
  'clause-mapping': lazy(() => import('./MappingPanel/MappingPanel')),
  'gap-report': lazy(() => import('./GapReportPanel/GapReportPanel')),
  evaluation: lazy(() => import('./EvaluationPanel/EvaluationPanel')),
  audit: lazy(() => import('./AuditPanel/AuditPanel')),
  'management-review': lazy(() => import('./ManagementReviewPanel/ManagementReviewPanel')),
};

/**
 * The project page. Jira's project sidebar lists the subpages (manifest `pages:`) and sets the URL; this page
 * shows the view the URL names, through view.createHistory(), and the default view for any other path.
 */
export default function ProjectPage() {
  const appContextLoad = useResolver('getAppContext', {});
  const { pathname: hostPath, failure, push } = useHistoryPath();
  // The path on screen; a host navigation away from unsaved edits waits for the user's answer.
  const [pathname, setPathname] = useState<string | undefined>(undefined);
  const [pendingPath, setPendingPath] = useState<string | null>(null);
  const unsaved = useUnsavedList();
  const goTo = useCallback((route: ProjectRoute) => push(pathOfRoute(route)), [push]);
  useEffect(() => {
    if (hostPath === undefined || hostPath === pathname) return;
    if (pathname !== undefined && unsavedChanges().length > 0) setPendingPath(hostPath);
    else setPathname(hostPath);
  }, [hostPath, pathname]);
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef<string | undefined>(undefined);

  const current = pathname === undefined ? undefined : viewOfPath(pathname);
  // After a navigation (not on the first view), move focus to the new view's heading, as a page load would.
  useEffect(() => {
    if (current === undefined || appContextLoad.data === undefined) return;
    if (shown.current !== undefined && shown.current !== current.route) heading.current?.focus();
    shown.current = current.route;
  }, [current, appContextLoad.data]);

  if (appContextLoad.error !== undefined) return <div style={{ padding: token('space.200', '16px') }}><ResolverError error={appContextLoad.error} /></div>;
  if (appContextLoad.data === undefined || current === undefined) return <Loading label="Loading the project" />;
  const appContext = appContextLoad.data;
  const View = VIEWS[current.route];

  return (
    <div style={{ padding: token('space.200', '16px') }}>
      <ProjectHeader appContext={appContext} />
      {!appContext.settings.configured && appContext.confluence.connected && (
        <div style={{ marginBlockEnd: token('space.200', '16px') }}>
          <Notice appearance="information" title="Reports need a Confluence space">
            {appContext.permissions.isProjectAdmin
              ? 'Choose the Confluence space for reports in the project settings before publishing anything.'
              : 'A project administrator has not chosen the Confluence space for reports yet.'}
          </Notice>
        </div>
      )}
      {failure !== undefined && (
        <p role="status" style={subtleText}>
          The page address could not be followed ({failure}); showing {current.title}.
        </p>
      )}
      <section aria-labelledby="sms-view-heading">
        {/* A plain h2 in Heading's type style: it takes focus after a navigation (tabIndex -1, not a tab stop, so no
            focus ring), which Heading cannot. */}
        <h2
          id="sms-view-heading"
          ref={heading}
          tabIndex={-1}
          style={{ font: token('font.heading.medium', 'normal 653 20px/24px sans-serif'), color: token('color.text', '#172B4D'), margin: 0, marginBlockEnd: token('space.100', '8px'), outline: 'none' }}
        >
          {current.title}
        </h2>
        {pendingPath !== null && (
          <Suspense fallback={null}>
            <ConfirmModal
              open
              title="Leave without saving?"
              appearance="warning"
              confirmLabel="Discard changes"
              cancelLabel="Stay and save"
              onCancel={() => {
                setPendingPath(null);
                if (pathname !== undefined) push(pathname);
              }}
              onConfirm={() => {
                discardUnsavedChanges();
                setPathname(pendingPath);
                setPendingPath(null);
              }}
            >
              <p>Unsaved changes in: {unsaved.join(', ')}. Leaving this view discards them.</p>
            </ConfirmModal>
          </Suspense>
        )}
        <Suspense fallback={<Loading label={`Loading ${current.title}`} />}>
          <SectionLevel.Provider value="h3">
            <GoToView.Provider value={goTo}>
              <View key={current.route} canEdit={appContext.permissions.canEdit} accountId={appContext.user.accountId} confluence={appContext.confluence} reportSpaceChosen={appContext.settings.configured} />
            </GoToView.Provider>
          </SectionLevel.Provider>
        </Suspense>
      </section>
    </div>
  );
}
