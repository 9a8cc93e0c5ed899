/**
 * The lessons-learned register (TS 20000-5 5.6, 5.7): what each phase taught, kept for the phases that follow (the
 * Phases view offers them while the next phase is planned). Lists every lesson, newest first, and adds one to the
 * phase being evaluated.
 */
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { useState } from 'react';
import type { Lesson, LessonsResponse } from '@contract/evaluation';
import type { PeopleNames } from '@contract/people';
import { callResolver } from '../../../api/call-resolver';
import { CheckboxGroup, TextAreaField } from '../../../components/kit/fields';
import { Card, Section, space } from '../../../components/kit/layout';
import { StatusLine } from '../../../components/kit/status';
import { Who, formatWhen, subtleText } from '../../../components/kit/text';
import { ResolverError, type ResolverErrorShape } from '../../../components/ResolverError';

export function LessonsSection({
  lessons,
  version,
  people,
  phases,
  phaseId,
  processes,
  canEdit,
  onSaved,
}: {
  lessons: Lesson[];
  version: number;
  people: PeopleNames;
  phases: { id: string; name: string }[];
  phaseId: string;
  /** The processes of the phase being evaluated (a lesson may concern some of them). */
  processes: { id: Lesson['processes'][number]; title: string }[];
  canEdit: boolean;
  onSaved: (r: LessonsResponse) => void;
}) {
  const [observation, setObservation] = useState('');
  const [recommendation, setRecommendation] = useState('');
  const [about, setAbout] = useState<Lesson['processes']>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverErrorShape | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const phaseName = (id: string) => phases.find((p) => p.id === id)?.name ?? id;
  const ordered = [...lessons].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));

  const add = async () => {
    setBusy(true);
    setError(null);
    const r = await callResolver('recordLesson', { phaseId, observation, recommendation, processes: about, version });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setObservation('');
    setRecommendation('');
    setAbout([]);
    setStatus('Lesson added. The Phases view offers it to the other phases.');
    onSaved(r.data);
  };

  return (
    <Section title={`Lessons learned (${lessons.length})`} description="Kept for the phases that follow: the Phases view offers each lesson to the phases that have not taken it up.">
      {ordered.length === 0 ? (
        <p style={subtleText}>No lessons yet. Add what this phase taught you below.</p>
      ) : (
        <ul aria-label="Lessons learned" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {ordered.map((l) => (
            <li key={l.id}>
              <Card>
                <div style={{ ...subtleText, fontSize: '12px' }}>
                  {phaseName(l.phaseId)} · {formatWhen(l.recordedAt)} · <Who accountId={l.recordedBy} people={people} />
                  {l.processes.length > 0 && ` · ${l.processes.join(', ')}`}
                  {l.appliedIn.length > 0 && (
                    <>
                      {' '}
                      <Lozenge appearance="success">Taken up in {l.appliedIn.map(phaseName).join(', ')}</Lozenge>
                    </>
                  )}
                </div>
                <p style={{ marginBlock: space.xs }}>{l.observation}</p>
                <p style={{ marginBlock: space.xs }}>
                  <strong>Next time:</strong> {l.recommendation}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <Card label={`Add a lesson from ${phaseName(phaseId)}`}>
          <TextAreaField label="What happened" value={observation} onChange={setObservation} />
          <TextAreaField label="What to do next time" value={recommendation} onChange={setRecommendation} />
          {processes.length > 0 && (
            <CheckboxGroup legend="About these processes (none: the SMS as a whole)" options={processes.map((p) => ({ value: p.id, label: `${p.id} ${p.title}` }))} selected={about} onChange={(next) => setAbout(processes.filter((p) => next.includes(p.id)).map((p) => p.id))} columns={2} />
          )}
          <Button appearance="primary" isDisabled={busy || observation.trim() === '' || recommendation.trim() === ''} onClick={() => void add()}>
            Add lesson
          </Button>
          {error !== null && <ResolverError error={error} />}
          <StatusLine text={status} />
        </Card>
      )}
    </Section>
  );
}
