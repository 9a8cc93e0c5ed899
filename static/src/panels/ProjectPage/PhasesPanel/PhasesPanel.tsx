/**
 * Phases panel (TS 20000-5 5.2): choose Approach 1, 2 or both, let the planner propose phases from the TS
 * priorities and the assessed gaps, edit them, and see Rule 1 / Rule 2 issues before saving.
 * Layout for reading at a glance: the issues first, then one compact card per phase (each expands on its own
 * to the full editor), then the cross-phase interactions grouped by phase. Issues and crossings open the phase
 * they concern and focus the control to fix.
 */
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { useCallback, useMemo, useState } from 'react';
import type { Plan, PlanApproach, PlanCheck } from '@contract/plan';
import { checkPlan } from '../../../api/check-plan';
import { callResolver } from '../../../api/call-resolver';
import { useResolver } from '../../../api/use-resolver';
import { proposePlan } from '../../../api/propose-plan';
import { savePlan } from '../../../api/save-plan';
import { Loading } from '../../../components/Loading';
import { Card, Section, space } from '../../../components/kit/layout';
import { TextAreaField, TextField } from '../../../components/kit/fields';
import { StatusLine } from '../../../components/kit/status';
import { Who, formatWhen, subtleText } from '../../../components/kit/text';
import { useDebouncedEffect } from '../../../components/kit/use-debounced-effect';
import { ResolverError, type ResolverErrorShape } from '../../../components/ResolverError';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { DateField, PickerField } from '../../../components/JiraFields';
import { CreateInJira } from './CreateInJira';
import { CrossPhaseTable } from './CrossPhaseTable';
import { PhaseCard } from './PhaseCard';
import { PlanIssues } from './PlanIssues';
import { PlanHistory, PlanLessons } from './PlanLessons';
import { addPhase, cleanPlan, removePhase } from '@domain/planning/plan-draft';
import type { FocusRequest, FocusTarget } from './phase-summary';

export default function PhasesPanel({ canEdit }: { canEdit: boolean }) {
  const planLoad = useResolver('getPlan', {}, {
    onLoaded: (data) => {
      setDraft(data.plan);
      setCheck(data.check);
      if (data.plan !== null) setApproach(data.plan.approach);
    },
  });
  const { data: view, setData: setView, error: loadError, reload: load } = planLoad;
  const [draft, setDraft] = useState<Plan | null>(null);
  const [check, setCheck] = useState<PlanCheck | null>(null);
  const [checkError, setCheckError] = useState<ResolverErrorShape | null>(null);
  const [approach, setApproach] = useState<PlanApproach>('subsets');
  const [targetLevel, setTargetLevel] = useState<'1' | '2' | '3'>('3');
  const [start, setStart] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverErrorShape | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [newPhase, setNewPhase] = useState('');
  /** Phases whose editor is open (each card opens and closes on its own). */
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const [confirmPropose, setConfirmPropose] = useState(false);
  /** Why the plan is revised (required by the server when an evaluated phase changes). */
  const [reason, setReason] = useState('');

  const toggle = useCallback((phaseId: string) => {
    setExpanded((s) => {
      const next = new Set(s);
      if (!next.delete(phaseId)) next.add(phaseId);
      return next;
    });
  }, []);

  /** Opens a phase and moves focus to the control `target` names (the card's own button when none). */
  const reveal = useCallback((phaseId: string, target: FocusTarget) => {
    setExpanded((s) => (s.has(phaseId) ? s : new Set([...s, phaseId])));
    setFocus((f) => ({ phaseId, target, seq: (f?.seq ?? 0) + 1 }));
  }, []);

  /** After a lesson was taken up: the lessons and history again, keeping the plan being edited. */
  const refreshLessons = useCallback(async () => {
    const r = await callResolver('getPlan', {});
    if (r.ok && view !== undefined) setView({ ...view, evaluation: r.data.evaluation });
  }, [view, setView]);

  useDebouncedEffect(draft, 400, (d) => {
    if (d === null) return;
    void checkPlan({ plan: cleanPlan(d) }).then((r) => {
      if (r.ok) {
        setCheck(r.data);
        setCheckError(null);
      } else setCheckError(r.error);
    });
  });

  const dirty = useMemo(() => view !== undefined && JSON.stringify(view.plan === null ? null : cleanPlan(view.plan)) !== JSON.stringify(draft === null ? null : cleanPlan(draft)), [view, draft]);

  const errorCount = check?.issues.filter((i) => i.severity === 'error').length ?? 0;

  if (loadError !== undefined) return <ResolverError error={loadError} />;
  if (view === undefined) return <Loading label="Loading the plan" />;

  /** Re-proposing replaces the phases on screen: asked first when there is a plan to lose. */
  const askPropose = () => {
    if (draft !== null && draft.phases.length > 0) setConfirmPropose(true);
    else void propose();
  };

  const propose = async () => {
    setConfirmPropose(false);
    setBusy(true);
    setError(null);
    const r = await proposePlan({
      approach,
      ...(approach === 'subsets' ? {} : { targetLevel: Number(targetLevel) as 1 | 2 | 3 }),
      ...(start === '' ? {} : { start }),
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setDraft(r.data.plan);
    setCheck(r.data.check);
    setExpanded(new Set());
    setStatus(`Proposed ${r.data.plan.phases.length} phases. Edit them, then save the plan.`);
  };

  const save = async () => {
    if (draft === null) return;
    setBusy(true);
    setError(null);
    const r = await savePlan({ plan: cleanPlan(draft), version: view.version, ...(reason.trim() === '' ? {} : { reason: reason.trim() }) });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setView(r.data);
    setDraft(r.data.plan);
    setCheck(r.data.check);
    setReason('');
    setStatus(`Plan saved (version ${r.data.version}).`);
  };

  const edit = (p: Plan) => {
    setDraft(p);
    setStatus(null);
  };

  const approachLabel = (a: PlanApproach) => view.options.approaches.find((x) => x.value === a)?.label ?? a;

  return (
    <div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.s, alignItems: 'center', marginBlockStart: space.m }}>
        {view.version === 0 ? (
          <Lozenge appearance="new">No plan saved yet</Lozenge>
        ) : (
          <span style={subtleText}>
            Plan version {view.version}, saved {formatWhen(view.updatedAt)} by <Who accountId={view.updatedBy} people={view.people} />.
          </span>
        )}
        {dirty && <Lozenge appearance="moved">Unsaved changes</Lozenge>}
        {!canEdit && <Lozenge>Read only</Lozenge>}
      </div>

      {canEdit && (
        <Section title="Approach" description="The planner proposes phases from the TS 20000-5 priorities and the gaps assessed in the Maturity tab. Proposing replaces the phases below.">
          <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
            <legend style={{ ...subtleText, fontSize: '12px', fontWeight: 600, marginBlockEnd: space.xs }}>Implementation approach</legend>
            {view.options.approaches.map((a) => (
              <label key={a.value} style={{ display: 'flex', gap: space.s, alignItems: 'center', marginBlockEnd: space.xs, color: token('color.text', '#172B4D') }}>
                <input
                  type="radio"
                  name="plan-approach"
                  value={a.value}
                  checked={approach === a.value}
                  style={{ accentColor: token('color.background.selected.bold', '#0C66E4') }}
                  onChange={() => setApproach(a.value)}
                />
                {a.label}
              </label>
            ))}
          </fieldset>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.m, alignItems: 'flex-end', marginBlockStart: space.s }}>
            {approach !== 'subsets' && (
              <PickerField
                label="Target level"
                width={160}
                value={targetLevel}
                options={[
                  { value: '1', label: 'Level I' },
                  { value: '2', label: 'Level II' },
                  { value: '3', label: 'Level III' },
                ]}
                onChange={setTargetLevel}
              />
            )}
            <DateField label="First phase starts" value={start} onChange={setStart} />
            <div style={{ marginBlockEnd: space.s }}>
              <Button appearance={draft === null ? 'primary' : 'default'} isDisabled={busy} onClick={askPropose}>
                {draft === null ? 'Propose plan' : 'Propose again…'}
              </Button>
            </div>
          </div>
        </Section>
      )}

      {draft === null ? (
        <div style={{ marginBlockStart: space.l }}>
          <EmptyState
            header="No phases yet"
            headingLevel={2}
            description={
              canEdit
                ? 'Choose an approach above and press “Propose plan”. Assess your processes in the Maturity tab first if you want the proposal to follow your gaps and levels.'
                : 'No implementation plan has been saved yet. An editor can propose one here.'
            }
          />
        </div>
      ) : (
        <>
          {checkError !== null && <ResolverError error={checkError} />}
          {check !== null && <PlanIssues check={check} plan={draft} onShow={reveal} />}
          <Section
            title={`Phases (${draft.phases.length})`}
            description={`${approachLabel(draft.approach)}. Open a phase to edit it.`}
            actions={
              draft.phases.length > 1 ? (
                <>
                  <Button spacing="compact" isDisabled={draft.phases.every((p) => expanded.has(p.id))} onClick={() => setExpanded(new Set(draft.phases.map((p) => p.id)))}>
                    Expand all
                  </Button>
                  <Button spacing="compact" isDisabled={expanded.size === 0} onClick={() => setExpanded(new Set())}>
                    Collapse all
                  </Button>
                </>
              ) : undefined
            }
          >
            {draft.phases.map((p, i) => (
              <PhaseCard
                key={p.id}
                plan={draft}
                phase={p}
                index={i}
                options={view.options}
                people={view.people}
                check={check}
                readOnly={!canEdit}
                expanded={expanded.has(p.id)}
                onToggle={() => toggle(p.id)}
                focus={focus}
                onChange={edit}
                onRemove={() => edit(removePhase(draft, p.id))}
              />
            ))}
            {draft.notPlanned.length > 0 && (
              <Card label="Not planned">
                <strong>Not planned</strong>
                <ul style={{ paddingInlineStart: space.m }}>
                  {draft.notPlanned.map((n) => (
                    <li key={n.processId}>
                      {n.processId} {view.options.processes.find((x) => x.id === n.processId)?.title}: <span style={subtleText}>{n.reason}</span>
                    </li>
                  ))}
                </ul>
              </Card>
            )}
            {canEdit && (
              <div style={{ display: 'flex', gap: space.s, alignItems: 'flex-end' }}>
                <TextField label="New phase name" value={newPhase} onChange={setNewPhase} />
                <div style={{ marginBlockEnd: space.s }}>
                  <Button
                    isDisabled={newPhase.trim() === ''}
                    onClick={() => {
                      const next = addPhase(draft, { name: newPhase.trim() });
                      edit(next);
                      setNewPhase('');
                      const added = next.phases[next.phases.length - 1];
                      if (added !== undefined) reveal(added.id, { kind: 'field', field: 'name' });
                    }}
                  >
                    Add phase
                  </Button>
                </div>
              </div>
            )}
          </Section>
          {check !== null && <CrossPhaseTable check={check} plan={draft} options={view.options} readOnly={!canEdit} onShow={reveal} />}
          {view.plan !== null && <PlanLessons plan={view.plan} context={view.evaluation} canEdit={canEdit} onChanged={refreshLessons} />}
          {canEdit && (
            <Section title="Save the plan">
              {view.version > 0 && dirty && (
                <TextAreaField
                  label={view.evaluation.evaluatedPhaseIds.length > 0 ? 'Why is the plan revised? (required when an evaluated phase changes)' : 'Why is the plan revised? (optional)'}
                  value={reason}
                  hint="Kept with this revision in the plan history."
                  onChange={setReason}
                />
              )}
              <Button appearance="primary" isDisabled={busy || !dirty || errorCount > 0} onClick={() => void save()}>
                Save plan
              </Button>
              {errorCount > 0 && (
                <p style={subtleText} data-testid="save-blocked">
                  Fix the {errorCount === 1 ? 'error' : `${errorCount} errors`} listed above first: an error blocks saving and creating in Jira, a warning does not.
                </p>
              )}
            </Section>
          )}
        </>
      )}
      {error !== null && (
        <ResolverError error={error} action={error.code === 'CONFLICT' ? <Button appearance="subtle" onClick={() => void load().then(() => setError(null))}>Reload the saved plan</Button> : undefined} />
      )}
      <StatusLine text={status} />
      {view.plan !== null && <PlanHistory plan={view.plan} context={view.evaluation} people={view.people} />}
      <ConfirmModal
        open={confirmPropose}
        title="Replace the phases on screen?"
        appearance="warning"
        confirmLabel="Propose and replace"
        onCancel={() => setConfirmPropose(false)}
        onConfirm={() => void propose()}
      >
        <p>
          A new proposal replaces the {draft?.phases.length ?? 0} phases below{dirty ? ', including your unsaved edits' : ''}. The saved plan stays as it is until you save.
        </p>
      </ConfirmModal>
      {/* Creates the SAVED plan's epics in Jira (the resolver reads the stored plan). */}
      <CreateInJira
        savedVersion={view.plan === null ? 0 : view.version}
        dirty={dirty}
        errorCount={errorCount}
        planJql={view.planJql}
        canEdit={canEdit}
        onReload={load}
      />
    </div>
  );
}
