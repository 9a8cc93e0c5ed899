import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { token } from '@atlaskit/tokens';
import { Suspense, lazy, useEffect, useState, type ComponentType } from 'react';
import type { AppContextResponse } from '@contract/app-context';
import type { ResolverResult } from '@contract/result';
import { getAppContext } from '../../api/get-app-context';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { ResolverError } from '../../components/ResolverError';
import { ProjectHeader } from './ProjectHeader';

// Each tab is its own chunk: the project page's first load carries only the header and the tab bar.
// Every tab view receives `canEdit` (views that do not edit ignore it).
const TABS: readonly { id: string; label: string; View: ComponentType<{ canEdit: boolean }> }[] = [
  { id: 'scope', label: 'Scope', View: lazy(() => import('./ScopePanel/ScopePanel')) },
  { id: 'maturity', label: 'Maturity', View: lazy(() => import('./MaturityPanel/MaturityPanel')) },
  { id: 'phases', label: 'Phases', View: lazy(() => import('./PhasesPanel/PhasesPanel')) },
  { id: 'clause-mapping', label: 'Clause mapping', View: lazy(() => import('./MappingPanel/MappingPanel')) },
  { id: 'gap-report', label: 'Gap report', View: lazy(() => import('./GapReportPanel/GapReportPanel')) },
  { id: 'initiation', label: 'Initiation', View: lazy(() => import('./InitiationPanel/InitiationPanel')) },
];

export default function ProjectPage() {
  const [result, setResult] = useState<ResolverResult<AppContextResponse> | undefined>();
  const [selected, setSelected] = useState(0);

  useEffect(() => {
    let live = true;
    void getAppContext().then((r) => live && setResult(r));
    return () => {
      live = false;
    };
  }, []);

  if (result === undefined) return <Loading label="Loading the project" />;
  if (!result.ok) return <div style={{ padding: token('space.200', '16px') }}><ResolverError error={result.error} /></div>;
  const appContext = result.data;

  return (
    <div style={{ padding: token('space.200', '16px') }}>
      <ProjectHeader appContext={appContext} />
      {!appContext.settings.configured && (
        <div style={{ marginBlockEnd: token('space.200', '16px') }}>
          <Notice appearance="information" title="Reports need a Confluence space">
            {appContext.permissions.isProjectAdmin
              ? 'Choose the Confluence space for reports in the project settings before publishing anything.'
              : 'A project administrator has not chosen the Confluence space for reports yet.'}
          </Notice>
        </div>
      )}
      <Tabs id="sms-navigator-tabs" selected={selected} onChange={(index) => setSelected(index)}>
        <TabList>
          {TABS.map((t) => (
            <Tab key={t.id}>{t.label}</Tab>
          ))}
        </TabList>
        {TABS.map(({ id, View }) => (
          <TabPanel key={id}>
            <div style={{ width: '100%' }}>
              <Suspense fallback={<Loading label="Loading the tab" />}>
                <View canEdit={appContext.permissions.canEdit} />
              </Suspense>
            </div>
          </TabPanel>
        ))}
      </Tabs>
    </div>
  );
}
