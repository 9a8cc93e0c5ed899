/**
 * Phases panel (TS 20000-5 5.2): choose Approach 1, 2 or both, let the planner propose phases from the TS
 * priorities and the assessed gaps, edit them, and see Rule 1 / Rule 2 issues before saving.
 */
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Plan, PlanApproach, PlanCheck, PlanView } from '@contract/plan';
import { checkPlan } from '../../../api/check-plan';
import { getPlan } from '../../../api/get-plan';
import { proposePlan } from '../../../api/propose-plan';
import { savePlan } from '../../../api/save-plan';
import { Loading } from '../../../components/Loading';
import { Card, Section, SelectField, StatusLine, TextField, formatWhen, space, subtleText, useDebouncedEffect } from '../../../components/PanelKit';
import { ResolverError, type ResolverErrorShape } from '../../../components/ResolverError';
import { CreateInJira } from './CreateInJira';
import { PhaseEditor } from './PhaseEditor';
import { PlanIssues } from './PlanIssues';
import { addPhase, cleanPlan, removePhase } from './plan-draft';

export default function PhasesPanel({ canEdit }: { canEdit: boolean }) {
  const [view, setView] = useState<PlanView | null>(null);
  const [loadError, setLoadError] = useState<ResolverErrorShape | null>(null);
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

  const load = useCallback(async () => {
    const r = await getPlan();
    if (!r.ok) return setLoadError(r.error);
    setLoadError(null);
    setView(r.data);
    setDraft(r.data.plan);
    setCheck(r.data.check);
    if (r.data.plan !== null) setApproach(r.data.plan.approach);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useDebouncedEffect(draft, 400, (d) => {
    if (d === null) return;
    void checkPlan({ plan: cleanPlan(d) }).then((r) => {
      if (r.ok) {
        setCheck(r.data);
        setCheckError(null);
      } else setCheckError(r.error);
    });
  });

  const dirty = useMemo(() => view !== null && JSON.stringify(view.plan === null ? null : cleanPlan(view.plan)) !== JSON.stringify(draft === null ? null : cleanPlan(draft)), [view, draft]);

  if (loadError !== null) return <ResolverError error={loadError} />;
  if (view === null) return <Loading label="Loading the plan" />;

  const propose = async () => {
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
    setStatus(`Proposed ${r.data.plan.phases.length} phases. Edit them, then save the plan.`);
  };

  const save = async () => {
    if (draft === null) return;
    setBusy(true);
    setError(null);
    const r = await savePlan({ plan: cleanPlan(draft), version: view.version });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setView(r.data);
    setDraft(r.data.plan);
    setCheck(r.data.check);
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
            Plan version {view.version}, saved {formatWhen(view.updatedAt)} by {view.updatedBy}.
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
              <SelectField
                label="Target level"
                value={targetLevel}
                options={[
                  { value: '1', label: 'Level I' },
                  { value: '2', label: 'Level II' },
                  { value: '3', label: 'Level III' },
                ]}
                onChange={setTargetLevel}
              />
            )}
            <TextField label="First phase starts" type="date" value={start} onChange={setStart} />
            <div style={{ marginBlockEnd: space.s }}>
              <Button appearance={draft === null ? 'primary' : 'default'} isDisabled={busy} onClick={() => void propose()}>
                Propose plan
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
          <Section title={`Phases (${draft.phases.length})`} description={approachLabel(draft.approach)}>
            {draft.phases.map((p, i) => (
              <PhaseEditor
                key={p.id}
                plan={draft}
                phase={p}
                index={i}
                options={view.options}
                crossings={check?.crossings ?? []}
                issues={check?.issues ?? []}
                readOnly={!canEdit}
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
                      edit(addPhase(draft, newPhase.trim()));
                      setNewPhase('');
                    }}
                  >
                    Add phase
                  </Button>
                </div>
              </div>
            )}
          </Section>
          {checkError !== null && <ResolverError error={checkError} />}
          {check !== null && <PlanIssues check={check} plan={draft} options={view.options} />}
          {canEdit && (
            <Section title="Save the plan">
              <Button appearance="primary" isDisabled={busy || !dirty} onClick={() => void save()}>
                Save plan
              </Button>
            </Section>
          )}
        </>
      )}
      {error !== null && (
        <ResolverError error={error} action={error.code === 'CONFLICT' ? <Button appearance="subtle" onClick={() => void load().then(() => setError(null))}>Reload the saved plan</Button> : undefined} />
      )}
      <StatusLine text={status} />
      {/* Creates the SAVED plan's epics in Jira (the resolver reads the stored plan). */}
      <CreateInJira savedVersion={view.plan === null ? 0 : view.version} dirty={dirty} canEdit={canEdit} onReload={load} />
    </div>
  );
}
