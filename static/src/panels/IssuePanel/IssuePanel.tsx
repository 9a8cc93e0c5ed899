import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { EvidenceKind, IssueClauseChange } from '@contract/mapping';
import { EVIDENCE_KIND_LABELS } from '@domain/vocabulary';
import { useCallback, useMemo, useState } from 'react';
import { saveIssueClauses } from '../../api/save-issue-clauses';
import { useResolver } from '../../api/use-resolver';
import { ConfidenceTag } from '../../components/ConfidenceTag';
import { Loading } from '../../components/Loading';
import type { ResolverErrorShape } from '../../components/ResolverError';
import { EVIDENCE_KIND_OPTIONS } from '../../components/vocabulary';
import { plural } from '../../format/counts';
import { LazyChoiceSelect as ChoiceSelect, LazyClausePicker as ClausePicker, LazyNotice as Notice, LazyResolverError as ResolverError } from './LazyParts';
import { FindingTag } from './FindingTag';
import { JqlLink } from './JqlLink';
import { subtleText } from '../../components/kit/text';

const row = {
  display: 'grid',
  gap: token('space.050', '4px'),
  paddingBlock: token('space.075', '6px'),
  borderBlockEnd: `1px solid ${token('color.border', '#091E4224')}`,
} as const;
const actions = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100', '8px') } as const;

/** The "ISO 20000 clauses" issue panel: mapped clauses with their evidence kind, suggestions, and a picker. */
export default function IssuePanel({ issueKey }: { issueKey: string }) {
  const issue = useResolver('getIssueClauses', {});
  const clauses = useResolver('listClauses', {});
  const { data, setData } = issue;
  const catalogue = clauses.data;
  const loadError = issue.error ?? clauses.error;
  const [saveError, setSaveError] = useState<ResolverErrorShape | undefined>();
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState('');
  const [newKind, setNewKind] = useState<EvidenceKind>('record');

  const save = useCallback(async (changes: IssueClauseChange[], done: string) => {
    setSaving(true);
    setSaveError(undefined);
    setStatus('Saving…');
    const r = await saveIssueClauses({ changes });
    setSaving(false);
    if (r.ok) {
      setData(r.data);
      setStatus(done);
    } else {
      setSaveError(r.error);
      setStatus('');
    }
  }, [setData]);

  const mappedIds = useMemo(() => new Set(data?.mapped.map((m) => m.clauseId) ?? []), [data]);

  if (loadError) return <ResolverError error={loadError} />;
  // The issue's clauses and suggestions show as soon as they are in; only the picker waits for the catalogue.
  if (data === undefined) return <Loading label="Loading the clauses" />;
  const key = data.issue.key || issueKey;
  const editable = data.canEdit && !saving;

  return (
    <section aria-label={`ISO 20000 clauses of ${key}`} style={{ padding: token('space.100', '8px'), display: 'grid', gap: token('space.200', '16px'), minWidth: 0, boxSizing: 'border-box' }}>
      <p style={{ ...subtleText, margin: 0 }}>
        Issue <strong>{key}</strong> · {plural(data.mapped.length, 'clause')} mapped
      </p>
      {data.finding !== null && (
        <p style={{ margin: 0 }}>
          <FindingTag finding={data.finding} />
        </p>
      )}
      {!data.canEdit && (
        <Notice appearance="information" title="Read only">
          Changing the clauses of this issue needs the Edit issues permission in this project.
        </Notice>
      )}
      {saveError && <ResolverError error={saveError} />}

      <div>
        {data.mapped.length === 0 ? (
          <EmptyState
            header="No clauses mapped"
            headingLevel={2}
            width="narrow"
            description="Map this issue to the ISO/IEC 20000-1 clauses it gives evidence for: accept a suggestion or pick a clause below."
          />
        ) : (
          <>
            <Heading size="xsmall" as="h2">
              Mapped clauses
            </Heading>
            <ul aria-label="Mapped clauses" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {data.mapped.map((m) => (
                <li key={m.clauseId} style={row}>
                  <span>
                    <strong>{m.clauseId}</strong> {m.title}
                  </span>
                  <span style={actions}>
                  {data.canEdit ? (
                    <ChoiceSelect<EvidenceKind>
                      label="Evidence kind"
                      labelSuffix={` for ${m.clauseId}`}
                      hideLabel
                      width={200}
                      value={m.kind}
                      disabled={!editable}
                      options={EVIDENCE_KIND_OPTIONS}
                      onChange={(kind) => void save([{ action: 'setKind', clauseId: m.clauseId, kind }], `Evidence kind of ${m.clauseId} saved.`)}
                    />
                  ) : (
                    <Lozenge>{EVIDENCE_KIND_LABELS[m.kind]}</Lozenge>
                  )}
                  <JqlLink jql={m.jql} label={`Find issues mapped to ${m.clauseId}`}>
                    Find issues
                  </JqlLink>
                  {data.canEdit && (
                    <Button appearance="subtle" isDisabled={!editable} onClick={() => void save([{ action: 'remove', clauseId: m.clauseId }], `${m.clauseId} removed.`)} aria-label={`Remove ${m.clauseId}`}>
                      Remove
                    </Button>
                  )}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>

      <div>
        <Heading size="xsmall" as="h2">
          Suggested from this issue's text
        </Heading>
        {data.suggestions.length === 0 ? (
          <p style={subtleText}>No suggestions: the summary, description, type, labels and components name no clause the app recognises.</p>
        ) : (
          <ul aria-label="Suggested clauses" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {data.suggestions.map((s, index) => (
              <li key={s.clauseId} style={row}>
                <span>
                  <strong>{s.clauseId}</strong> {s.title} <ConfidenceTag confidence={s.confidence} confident={s.confident} />
                  <br />
                  <span style={{ ...subtleText, fontSize: '0.857em' }}>Because of: {s.reasons.map((r) => `“${r}”`).join(', ')}</span>
                </span>
                {data.canEdit && (
                  <span style={actions}>
                    <Button appearance={index === 0 ? 'primary' : 'default'} isDisabled={!editable} aria-label={`Accept ${s.clauseId}`} onClick={() => void save([{ action: 'add', clauseId: s.clauseId, kind: newKind }], `${s.clauseId} added.`)}>
                      Accept
                    </Button>
                    <Button appearance="subtle" isDisabled={!editable} aria-label={`Reject ${s.clauseId}`} onClick={() => void save([{ action: 'reject', clauseId: s.clauseId }], `${s.clauseId} will not be suggested again.`)}>
                      Reject
                    </Button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
        {data.rejected.length > 0 && (
          <p style={{ ...subtleText, fontSize: '0.857em' }}>
            Not suggested again: {data.rejected.join(', ')}
            {data.canEdit && (
              <>
                {' '}
                <Button appearance="subtle" spacing="compact" isDisabled={!editable} onClick={() => void save(data.rejected.map((clauseId) => ({ action: 'unreject', clauseId })), 'Rejected suggestions cleared.')}>
                  Suggest them again
                </Button>
              </>
            )}
          </p>
        )}
      </div>

      {data.canEdit && (
        <div style={{ display: 'grid', gap: token('space.100', '8px') }}>
          <Heading size="xsmall" as="h2">
            Add a clause
          </Heading>
          <ChoiceSelect<EvidenceKind> label="Evidence kind for added clauses" value={newKind} width="100%" options={EVIDENCE_KIND_OPTIONS} onChange={setNewKind} />
          {catalogue === undefined ? (
            <Loading label="Loading the clause list" />
          ) : (
            <ClausePicker
              id="sms-clause-picker"
              label="Add a clause"
              clauses={catalogue.clauses}
              exclude={mappedIds}
              disabled={!editable}
              onPick={(clauseId) => void save([{ action: 'add', clauseId, kind: newKind }], `${clauseId} added.`)}
            />
          )}
        </div>
      )}
      <p role="status" aria-live="polite" style={{ ...subtleText, margin: 0, minHeight: '1.5em' }}>
        {status}
      </p>
    </section>
  );
}
