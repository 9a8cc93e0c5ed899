/**
 * Evaluation view (TS 20000-5 5.6, 5.7): at the end of a phase, or any time during it, set its results against what
 * it aimed at. Pick a phase; judge each objective from its evidence (met, partly met, not met); for each one not
 * fully met record the cause and the agreed action, which becomes a linked Jira issue; read the KPIs from baseline
 * to now, the maturity of the phase's processes against its target and the completion of its epics, each figure
 * with the search behind it; keep the lessons learned for the phases that follow.
 */
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import Lozenge from '@atlaskit/lozenge';
import { useMemo, useState } from 'react';
import type { ObjectiveVerdict, PhaseEvaluationResponse } from '@contract/evaluation';
import { useResolver, useResolverAction } from '../../../api/use-resolver';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import { Loading } from '../../../components/Loading';
import { Section, space } from '../../../components/kit/layout';
import { StatusLine } from '../../../components/kit/status';
import { Who, formatWhen, subtleText } from '../../../components/kit/text';
import { ResolverError } from '../../../components/ResolverError';
import { useUnsavedChanges } from '../../../components/unsaved-changes';
import { JqlLink } from '../../IssuePanel/JqlLink';
import { useGoToView } from '../go-to-view';
import { EvaluationFigures } from './EvaluationFigures';
import { LessonsSection } from './LessonsSection';
import { type ObjectiveDraft, ObjectiveCard, VERDICT_APPEARANCE, draftOf, evidenceKeys } from './ObjectiveCard';

type Drafts = Record<string, ObjectiveDraft>;

const draftsOf = (data: PhaseEvaluationResponse): Drafts => Object.fromEntries((data.evaluation?.objectives ?? []).map((o) => [o.id, draftOf(o)]));

/** The verdict, evidence, cause and note of a draft against the saved evaluation (the action text is not saved with it). */
const savedPart = (d: ObjectiveDraft) => JSON.stringify([d.verdict, evidenceKeys(d.evidence), d.cause.trim(), d.note.trim()]);

export default function EvaluationPanel({ canEdit }: { canEdit: boolean }) {
  const [drafts, setDrafts] = useState<Drafts>({});
  const [kind, setKind] = useState<'interim' | 'final'>('interim');
  const [status, setStatus] = useState<string | null>(null);
  /** The phase picked (the plan's first until one is). */
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const load = useResolver('getPhaseEvaluation', picked === undefined ? {} : { phaseId: picked }, {
    onLoaded: (d) => {
      setDrafts(draftsOf(d));
      setKind(d.record?.kind ?? 'interim');
    },
  });
  const { data: loaded, error: loadError, reload, setData } = load;
  const data = loaded ?? null;
  const saveAction = useResolverAction('savePhaseEvaluation');
  const goTo = useGoToView();

  const saved = useMemo(() => (data === null ? {} : draftsOf(data)), [data]);
  const dirty = useMemo(() => Object.entries(drafts).some(([id, d]) => saved[id] === undefined || savedPart(d) !== savedPart(saved[id])) || (data !== null && data.record !== null && kind !== data.record.kind), [drafts, saved, data, kind]);
  useUnsavedChanges('evaluation', 'the phase evaluation', dirty);

  if (loadError !== undefined && data === null) return <ResolverError error={loadError} action={<Button onClick={() => void reload()}>Try again</Button>} />;
  if (data === null || (load.loading && data.phaseId !== (picked ?? data.phaseId))) return <Loading label="Loading the evaluation" />;
  if (data.evaluation === null || data.phaseId === null) {
    return (
      <EmptyState
        header="No phase to evaluate yet"
        headingLevel={3}
        description="Plan the phases in the Phases view first. Each phase's objectives, processes and epics are then evaluated here."
        primaryAction={<Button onClick={() => goTo('phases')}>Go to Phases</Button>}
      />
    );
  }
  const view = data.evaluation;
  const phaseId = data.phaseId;
  const objectives = view.objectives;
  const judged = objectives.flatMap((o) => {
    const d = drafts[o.id];
    return d === undefined || d.verdict === null ? [] : [{ objectiveId: o.id, verdict: d.verdict, evidenceKeys: evidenceKeys(d.evidence), cause: d.cause, note: d.note }];
  });
  const lacking = objectives.filter((o) => {
    const d = drafts[o.id];
    return d !== undefined && d.verdict !== null && d.verdict !== 'met' && (d.cause.trim() === '' || o.recorded?.actionIssueKey == null);
  });

  const save = async () => {
    const r = await saveAction.run({
      phaseId,
      kind,
      version: data.recordVersion,
      objectives: judged,
    });
    if (!r.ok) return;
    setData(r.data);
    setDrafts(draftsOf(r.data));
    setKind(r.data.record?.kind ?? 'interim');
    setStatus(`Evaluation saved (${kind === 'final' ? 'end of phase' : 'during the phase'}).`);
  };

  const verdictName = (v: ObjectiveVerdict) => data.verdicts.find((x) => x.value === v)?.label ?? v;

  return (
    <div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.m, alignItems: 'flex-end', marginBlockStart: space.m }}>
        <ChoiceSelect label="Phase" value={phaseId} width={320} options={data.phases.map((p, i) => ({ value: p.id, label: `Phase ${i + 1} · ${p.name}` }))} onChange={(id) => {
            setStatus(null);
            setPicked(id);
          }} />
        <div style={{ paddingBlockEnd: space.xs }}>
          {data.record === null ? (
            <Lozenge appearance="new">Not evaluated yet</Lozenge>
          ) : (
            <span style={subtleText}>
              {data.record.kind === 'final' ? 'End-of-phase evaluation' : 'Evaluation during the phase'}, saved {formatWhen(data.record.evaluatedAt)} by <Who accountId={data.record.evaluatedBy} people={data.people} />.
            </span>
          )}
        </div>
        {dirty && <Lozenge appearance="moved">Unsaved changes</Lozenge>}
        {!canEdit && <Lozenge>Read only</Lozenge>}
      </div>

      <Section
        title={`Objectives (${objectives.length})`}
        description="Each objective with its evidence and the verdict it suggests. Give your verdict; an objective not fully met needs its cause and an agreed action, created as a linked Jira issue."
        actions={
          <JqlLink jql={data.actionsJql} label="Open every agreed action of the project in Jira">
            All agreed actions in Jira
          </JqlLink>
        }
      >
        <p data-testid="verdict-counts" style={subtleText}>
          {(['met', 'partly_met', 'not_met'] as const).map((v) => (
            <span key={v} style={{ marginInlineEnd: space.m }}>
              <Lozenge appearance={VERDICT_APPEARANCE[v]}>{verdictName(v)}</Lozenge> {view.verdictCounts[v]}
            </span>
          ))}
          <span>Not judged yet: {view.notYetJudged.length}</span>
        </p>
        {objectives.length === 0 ? (
          <p style={subtleText}>This phase has no objectives. Add them to the phase in the Phases view (Rule 1 asks every phase to have them).</p>
        ) : (
          objectives.map((o, i) => (
            <ObjectiveCard
              key={`${phaseId}:${o.id}`}
              objective={o}
              index={i}
              draft={drafts[o.id] ?? draftOf(o)}
              verdicts={data.verdicts}
              evidenceJql={data.evidenceJql[o.id]}
              canEdit={canEdit}
              phaseId={phaseId}
              recordVersion={data.recordVersion}
              onChange={(d) => {
                setStatus(null);
                setDrafts((all) => ({ ...all, [o.id]: d }));
              }}
              onActionRecorded={(answer) => {
                setData(answer);
                setDrafts((all) => {
                  const fresh = answer.evaluation?.objectives.find((x) => x.id === o.id);
                  return fresh === undefined ? all : { ...all, [o.id]: draftOf(fresh) };
                });
              }}
            />
          ))
        )}
        {canEdit && objectives.length > 0 && (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.m, alignItems: 'flex-end' }}>
            <ChoiceSelect
              label="Kind of evaluation"
              value={kind}
              width={240}
              options={[
                { value: 'interim', label: 'During the phase' },
                { value: 'final', label: 'End of the phase' },
              ]}
              onChange={setKind}
            />
            <div style={{ paddingBlockEnd: space.xs }}>
              <Button appearance="primary" isDisabled={saveAction.running || !dirty || judged.length === 0 || lacking.length > 0} onClick={() => void save()}>
                Save the evaluation
              </Button>
            </div>
          </div>
        )}
        {canEdit && lacking.length > 0 && (
          <p data-testid="save-blocked" style={subtleText}>
            Record the cause and create the agreed action of {lacking.map((o) => `objective ${objectives.indexOf(o) + 1}`).join(', ')} first: an objective not fully met is saved with them.
          </p>
        )}
        {saveAction.error !== undefined && (
          <ResolverError
            error={saveAction.error}
            action={saveAction.error.code === 'CONFLICT' ? <Button appearance="subtle" onClick={() => void reload().then(saveAction.clearError)}>Reload the saved evaluation</Button> : undefined}
          />
        )}
        <StatusLine text={status} />
      </Section>

      <EvaluationFigures view={view} kpiNow={data.kpiNow} />

      <LessonsSection
        lessons={data.lessons}
        version={data.lessonsVersion}
        people={data.people}
        phases={data.phases}
        phaseId={phaseId}
        processes={view.maturity.map((m) => ({ id: m.processId, title: m.title }))}
        canEdit={canEdit}
        onSaved={(r) => setData({ ...data, lessons: r.lessons, lessonsVersion: r.version, people: { ...data.people, ...r.people } })}
      />
    </div>
  );
}
