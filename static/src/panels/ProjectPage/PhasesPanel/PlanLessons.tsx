/**
 * What earlier phases taught, offered while the next phases are planned (TS 20000-5 5.6, 5.7): for each phase, the
 * lessons learned in other phases that it has not taken up yet, those about its own processes first. Taking one up
 * records it, so it is no longer offered to that phase. Below, the plan history: each revision with its reason.
 */
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { useState } from 'react';
import type { PlanEvaluationContext } from '@contract/evaluation';
import type { PeopleNames } from '@contract/people';
import type { Plan } from '@contract/plan';
import { callResolver } from '../../../api/call-resolver';
import { Card, Section, space } from '../../../components/kit/layout';
import { Who, formatWhen, subtleText } from '../../../components/kit/text';
import { ResolverError, type ResolverErrorShape } from '../../../components/ResolverError';

export function PlanLessons({ plan, context, canEdit, onChanged }: { plan: Plan; context: PlanEvaluationContext; canEdit: boolean; onChanged: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverErrorShape | null>(null);
  const phaseName = (id: string) => {
    const i = plan.phases.findIndex((p) => p.id === id);
    return i < 0 ? id : `Phase ${i + 1} · ${plan.phases[i]?.name ?? id}`;
  };
  const offered = plan.phases.filter((p) => (context.lessonsOffered[p.id] ?? []).length > 0);

  const takeUp = async (lessonId: string, phaseId: string) => {
    setBusy(true);
    setError(null);
    const r = await callResolver('takeUpLesson', { lessonId, phaseId, version: context.lessonsVersion });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    await onChanged();
  };

  return (
    <Section title="Lessons from earlier phases" description="Lessons learned in the Evaluation view, offered to each phase that has not taken them up; those about the phase’s own processes first.">
      {offered.length === 0 ? (
        <p style={subtleText}>No lessons to offer: lessons recorded when a phase is evaluated appear here for the other phases.</p>
      ) : (
        offered.map((p) => (
          <Card key={p.id} label={`Lessons offered to ${phaseName(p.id)}`}>
            <strong>{phaseName(p.id)}</strong>
            <ul style={{ paddingInlineStart: space.m, marginBlock: space.s }}>
              {(context.lessonsOffered[p.id] ?? []).map(({ lesson, sharedProcesses }) => (
                <li key={lesson.id} style={{ marginBlockEnd: space.s }}>
                  <span style={{ ...subtleText, fontSize: '12px' }}>
                    From {phaseName(lesson.phaseId)}
                    {sharedProcesses.length > 0 && ` · about ${sharedProcesses.join(', ')} of this phase`}
                  </span>
                  <div>{lesson.observation}</div>
                  <div>
                    <strong>Next time:</strong> {lesson.recommendation}
                  </div>
                  {canEdit && (
                    <Button spacing="compact" isDisabled={busy} onClick={() => void takeUp(lesson.id, p.id)}>
                      Taken up in this phase
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </Card>
        ))
      )}
      {error !== null && <ResolverError error={error} />}
    </Section>
  );
}

export function PlanHistory({ plan, context, people }: { plan: Plan; context: PlanEvaluationContext; people: PeopleNames }) {
  if (context.history.length === 0) return null;
  const phaseName = (id: string) => plan.phases.find((p) => p.id === id)?.name ?? id;
  return (
    <Section title="Plan history" description="Each revision of the plan with the reason given for it.">
      <ol reversed aria-label="Plan revisions" style={{ paddingInlineStart: space.l }}>
        {[...context.history].reverse().map((r) => (
          <li key={r.version} style={{ marginBlockEnd: space.s }}>
            <span style={subtleText}>
              Version {r.version}, {formatWhen(r.at)} by <Who accountId={r.by} people={people} />
            </span>
            {r.fromEvaluationOf !== null && (
              <>
                {' '}
                <Lozenge appearance="moved">after evaluating {phaseName(r.fromEvaluationOf)}</Lozenge>
              </>
            )}
            <div>{r.reason}</div>
            <div style={{ ...subtleText, fontSize: '12px' }}>
              {[r.changed.length > 0 && `changed: ${r.changed.map(phaseName).join(', ')}`, r.added.length > 0 && `added: ${r.added.map(phaseName).join(', ')}`, r.removed.length > 0 && `removed: ${r.removed.join(', ')}`]
                .filter((x) => x !== false)
                .join(' · ') || 'no phase changed'}
            </div>
          </li>
        ))}
      </ol>
    </Section>
  );
}
