import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { ChallengeRisk } from '@contract/initiation';
import { useState } from 'react';
import { saveChallengeRegister } from '../../../api/save-challenge-register';
import { PickerField, UserPickerField } from '../../../components/JiraFields';
import { Card, Section, space } from '../../../components/kit/layout';
import { CheckboxGroup, TextAreaField } from '../../../components/kit/fields';
import { subtleText } from '../../../components/kit/text';
import type { SectionProps } from './InitiationPanel';
import { SectionFooter } from './SectionFooter';
import { openAppLink } from './initiation-ui';
import { useSectionSave } from './use-section-save';
import { useUnsavedChanges } from '../../../components/unsaved-changes';

const RATINGS = ['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }));
const STATUSES = [
  { value: 'open', label: 'Open' },
  { value: 'watching', label: 'Watching' },
  { value: 'resolved', label: 'Resolved' },
] as const;

const band = (score: number): { label: string; appearance: 'removed' | 'moved' | 'success' } =>
  score >= 15 ? { label: 'high', appearance: 'removed' } : score >= 8 ? { label: 'medium', appearance: 'moved' } : { label: 'low', appearance: 'success' };

const strip = (rows: readonly ChallengeRisk[]): ChallengeRisk[] =>
  rows.map(({ challengeId, likelihood, impact, owner, status, mitigations, note }) => ({ challengeId, likelihood, impact, owner, status, mitigations, note }));

export function ChallengeRegisterSection({ view, canEdit, onSaved, reload }: SectionProps) {
  const [rows, setRows] = useState<ChallengeRisk[]>(strip(view.register));
  const { busy, status, error, submit } = useSectionSave();
  const dirty = JSON.stringify(rows) !== JSON.stringify(strip(view.register));
  useUnsavedChanges('initiation:challenges', 'Challenge register', dirty);
  const readOnly = !canEdit;
  const set = (i: number, patch: Partial<ChallengeRisk>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const save = () =>
    submit(
      () => saveChallengeRegister({ version: view.version, register: rows }),
      (data) => {
        onSaved(data);
        setRows(strip(data.register));
        return `Challenge register saved (version ${data.version}). The gap report lists the open and watched ones as risks.`;
      },
    );

  return (
    <Section title="Challenge register" description="The implementation challenges of TS 20000-5 clause 6 treated as risks, with the key considerations as mitigations to tick off.">
      <div id="initiation-challenges" />
      {rows.map((r, i) => {
        const def = view.catalog.challenges.find((c) => c.id === r.challengeId);
        const score = r.likelihood * r.impact;
        const b = band(score);
        return (
          <Card key={r.challengeId} label={def?.title ?? r.challengeId}>
            <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: space.s, marginBlockEnd: space.xs }}>
              <strong>{def?.title}</strong>
              <Lozenge appearance={b.appearance}>{`Risk ${score} ${b.label}`}</Lozenge>
            </div>
            <p style={{ ...subtleText, marginBlockEnd: space.s }}>{def?.definition}</p>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: `0 ${space.m}` }}>
              <PickerField width="100%" label={`Likelihood of “${def?.title}”`} value={String(r.likelihood)} disabled={readOnly} options={RATINGS} onChange={(v) => set(i, { likelihood: Number(v) })} />
              <PickerField width="100%" label={`Impact of “${def?.title}”`} value={String(r.impact)} disabled={readOnly} options={RATINGS} onChange={(v) => set(i, { impact: Number(v) })} />
              <UserPickerField width="100%" label={`Owner of “${def?.title}”`} value={r.owner} people={view.people} readOnly={readOnly} onChange={(owner) => set(i, { owner })} />
              <PickerField width="100%" label={`Status of “${def?.title}”`} value={r.status} disabled={readOnly} options={STATUSES} onChange={(v) => set(i, { status: v })} />
            </div>
            <CheckboxGroup
              legend="Mitigations in place"
              columns={2}
              disabled={readOnly}
              options={(def?.considerations ?? []).map((c) => ({ value: c.id, label: c.text }))}
              selected={Object.entries(r.mitigations).filter(([, v]) => v).map(([k]) => k)}
              onChange={(ids) => set(i, { mitigations: Object.fromEntries(ids.map((id) => [id, true])) })}
            />
            <TextAreaField label={`Note on “${def?.title}”`} value={r.note} readOnly={readOnly} rows={1} onChange={(v) => set(i, { note: v })} />
            <div style={{ fontSize: '13px' }}>
              <span style={subtleText}>Related clauses: {def?.relatedClauses.join(', ')} · </span>
              <button
                type="button"
                onClick={() => openAppLink({ tabId: 'gap-report' })}
                style={{ background: 'none', border: 'none', padding: 0, font: 'inherit', color: token('color.link', '#0C66E4'), textDecoration: 'underline', cursor: 'pointer' }}
              >
                See them in the gap report
              </button>
            </div>
          </Card>
        );
      })}
      {canEdit && (
        <Button appearance="primary" isDisabled={!dirty || busy} onClick={() => void save()}>
          Save challenge register
        </Button>
      )}
      <SectionFooter status={status} error={error} reload={reload} />
    </Section>
  );
}
