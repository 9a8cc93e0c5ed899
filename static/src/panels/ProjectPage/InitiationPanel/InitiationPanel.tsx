/**
 * The Initiation tab (TS 20000-5 5.3 and 5.4): business case with sponsor approval, baseline findings and
 * KPIs, target state with the phase check, the plan checklist and the challenge register; publishes all of
 * it to Confluence as the "Business case" page.
 */
import Lozenge from '@atlaskit/lozenge';
import type { InitiationView } from '@contract/initiation';
import type { ResolverResult } from '@contract/result';
import { useCallback, useEffect, useState } from 'react';
import { getInitiation } from '../../../api/get-initiation';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { space, subtleText } from '../../../components/PanelKit';
import { ResolverError } from '../../../components/ResolverError';
import { BaselineSection } from './BaselineSection';
import { BusinessCaseSection } from './BusinessCaseSection';
import { ChallengeRegisterSection } from './ChallengeRegisterSection';
import type { ProjectViewProps } from '../ProjectPage';
import { PublishBusinessCase } from './PublishBusinessCase';
import { TargetStateSection } from './TargetStateSection';

export interface SectionProps {
  view: InitiationView;
  canEdit: boolean;
  /** Whether the site has the app connected to Confluence (publishing needs it). */
  confluence: ProjectViewProps['confluence'];
  /** Called with the view a save returned. */
  onSaved: (view: InitiationView) => void;
  /** Reloads from the server (after a CONFLICT). */
  reload: () => void;
}

export default function InitiationPanel({ canEdit, confluence }: ProjectViewProps) {
  const [result, setResult] = useState<ResolverResult<InitiationView> | undefined>();
  const [generation, setGeneration] = useState(0);

  const load = useCallback(async () => {
    const r = await getInitiation();
    setResult(r);
    setGeneration((g) => g + 1);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const onSaved = useCallback((view: InitiationView) => setResult({ ok: true, data: view }), []);
  const reload = useCallback(() => void load(), [load]);

  if (result === undefined) return <Loading label="Loading the initiation" />;
  if (!result.ok) return <ResolverError error={result.error} />;
  const view = result.data;
  const props: SectionProps = { view, canEdit, confluence, onSaved, reload };

  return (
    <div style={{ paddingBlock: space.m, maxWidth: '1100px' }}>
      <p style={{ ...subtleText, marginBlockEnd: space.s }}>
        Prepare the implementation before the first epic exists: make the case, record where you start, agree where you are going and
        which risks to watch (ISO/IEC TS 20000-5 5.3, 5.4 and clause 6).
      </p>
      <div role="group" aria-label="Initiation summary" style={{ display: 'flex', flexWrap: 'wrap', gap: space.s, alignItems: 'center' }}>
        <Lozenge appearance={view.completeness.complete ? 'success' : 'inprogress'}>
          Business case {view.completeness.filled}/{view.completeness.total}
        </Lozenge>
        <Lozenge appearance={view.approval === 'approved' ? 'success' : view.approval === 'stale' ? 'moved' : 'default'}>
          {view.approval === 'approved' ? 'Approved' : view.approval === 'stale' ? 'Approval out of date' : 'Not approved'}
        </Lozenge>
        <Lozenge appearance={view.managementSupportObtained ? 'success' : 'default'}>
          Management support {view.managementSupportObtained ? 'obtained' : 'not yet'}
        </Lozenge>
        <Lozenge appearance="default">{view.initiation.kpis.length} KPIs</Lozenge>
        <Lozenge appearance="default">
          Plan checklist {view.planChecklistProgress.done}/{view.planChecklistProgress.total}
        </Lozenge>
      </div>
      {!canEdit && (
        <div style={{ marginBlockStart: space.m }}>
          <Notice appearance="information" title="Read only">
            You can read the initiation. Project administrators and members of the editor role can change it.
          </Notice>
        </div>
      )}
      <div key={generation}>
        <BusinessCaseSection {...props} />
        <BaselineSection {...props} />
        <TargetStateSection {...props} />
        <ChallengeRegisterSection {...props} />
        <PublishBusinessCase {...props} />
      </div>
    </div>
  );
}
