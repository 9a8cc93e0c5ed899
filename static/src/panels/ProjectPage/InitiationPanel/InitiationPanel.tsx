/**
 * The Initiation tab (TS 20000-5 5.3 and 5.4): business case with sponsor approval, baseline findings and
 * KPIs, target state with the phase check, the plan checklist and the challenge register; publishes all of
 * it to Confluence as the "Business case" page.
 */
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import type { InitiationView } from '@contract/initiation';
import { useCallback, useState } from 'react';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { discardUnsavedChanges, unsavedChanges, useUnsavedList } from '../../../components/unsaved-changes';
import { useResolver } from '../../../api/use-resolver';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { space } from '../../../components/kit/layout';
import { subtleText } from '../../../components/kit/text';
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
  /** The caller's accountId (the sponsor alone may approve). */
  accountId: string;
  /** Whether the site has the app connected to Confluence (publishing needs it). */
  confluence: ProjectViewProps['confluence'];
  /** Called with the view a save returned. */
  onSaved: (view: InitiationView) => void;
  /** Reloads from the server (after a CONFLICT). */
  reload: () => void;
}

/** The sections of the Initiation, in the order of the work; one is shown at a time, each with its own save. */
const SECTIONS = [
  { id: 'business-case', label: 'Business case', View: BusinessCaseSection },
  { id: 'baseline', label: 'Baseline and KPIs', View: BaselineSection },
  { id: 'target-state', label: 'Target state', View: TargetStateSection },
  { id: 'challenges', label: 'Challenges', View: ChallengeRegisterSection },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

export default function InitiationPanel({ canEdit, accountId, confluence }: ProjectViewProps) {
  const initiation = useResolver('getInitiation', {});
  const [generation, setGeneration] = useState(0);
  const [section, setSection] = useState<SectionId>('business-case');
  const [pending, setPending] = useState<SectionId | null>(null);
  const unsaved = useUnsavedList();

  /** Switching sections drops the edits on screen: asked first when there are any. */
  const go = (next: SectionId) => {
    if (next === section) return;
    if (unsavedChanges().length > 0) setPending(next);
    else setSection(next);
  };

  const { reload: reloadInitiation, setData: onSaved } = initiation;
  const reload = useCallback(() => void reloadInitiation().then(() => setGeneration((g) => g + 1)), [reloadInitiation]);

  if (initiation.error !== undefined) return <ResolverError error={initiation.error} />;
  if (initiation.data === undefined) return <Loading label="Loading the initiation" />;
  const view = initiation.data;
  const props: SectionProps = { view, canEdit, accountId, confluence, onSaved, reload };

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
      <nav aria-label="Initiation sections" style={{ display: 'flex', flexWrap: 'wrap', gap: space.xs, marginBlockStart: space.m, position: 'sticky', top: 0, zIndex: 1 }}>
        {SECTIONS.map((x) => (
          <Button key={x.id} appearance={x.id === section ? 'primary' : 'subtle'} aria-current={x.id === section ? 'step' : undefined} onClick={() => go(x.id)}>
            {x.label}
          </Button>
        ))}
      </nav>
      <div key={`${generation}:${section}`}>
        {SECTIONS.filter((x) => x.id === section).map(({ id, View }) => (
          <View key={id} {...props} />
        ))}
      </div>
      {/* Always below the section on screen, so its unsaved edits block the publish (with the reason). */}
      <PublishBusinessCase {...props} />
      <ConfirmModal
        open={pending !== null}
        title="Leave without saving?"
        appearance="warning"
        confirmLabel="Discard changes"
        cancelLabel="Stay and save"
        onCancel={() => setPending(null)}
        onConfirm={() => {
          discardUnsavedChanges();
          if (pending !== null) setSection(pending);
          setPending(null);
        }}
      >
        <p>Unsaved changes in: {unsaved.join(', ')}. Leaving this section discards them.</p>
      </ConfirmModal>
    </div>
  );
}
