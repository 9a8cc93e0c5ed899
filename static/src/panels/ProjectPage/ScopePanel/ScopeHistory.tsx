/** Saved versions of the scope (newest first) and a readable diff between any two of them. */
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { FieldChange, GetScopeDiffResponse } from '@contract/scope';
import { getScopeDiff } from '../../../api/get-scope-diff';
import { PickerField } from '../../../components/JiraFields';
import { useResolver } from '../../../api/use-resolver';
import { Section, space } from '../../../components/kit/layout';
import { Who, formatWhen, subtleText } from '../../../components/kit/text';
import { ResolverError, type ResolverErrorShape } from '../../../components/ResolverError';
import { plural } from '../../../format/counts';

export function ScopeHistory() {
  const history = useResolver('getScopeHistory', {}, {
    onLoaded: (data) => {
      const [newest, previous] = data.versions;
      if (newest !== undefined) setTo(String(newest.version));
      setFrom(String((previous ?? newest)?.version ?? ''));
    },
  });
  const versions = history.data?.versions ?? null;
  const people = history.data?.people ?? {};
  const [diffError, setError] = useState<ResolverErrorShape | null>(null);
  const error = history.error ?? diffError;
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [diff, setDiff] = useState<GetScopeDiffResponse | null>(null);

  const compare = async () => {
    setError(null);
    const r = await getScopeDiff({ from: Number(from), to: Number(to) });
    if (!r.ok) return setError(r.error);
    setDiff(r.data);
  };

  if (versions === null) return error === null ? null : <ResolverError error={error} />;
  if (versions.length === 0) {
    return (
      <Section title="History">
        <p style={subtleText}>Every save becomes a version here, with who saved it, when and the comment.</p>
      </Section>
    );
  }
  const choices = versions.map((v) => ({ value: String(v.version), label: `Version ${v.version} — ${formatWhen(v.at)}` }));
  return (
    <Section title={`History (${plural(versions.length, 'version')})`}>
      <ol aria-label="Scope versions" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {versions.map((v) => (
          <li key={v.version} style={{ display: 'flex', flexWrap: 'wrap', gap: space.s, paddingBlock: space.xs, borderBlockEnd: `1px solid ${token('color.border', '#091E4224')}` }}>
            <strong style={{ minWidth: '88px' }}>Version {v.version}</strong>
            <span style={subtleText}>{formatWhen(v.at)}</span>
            <span style={subtleText}>
              by <Who accountId={v.author} people={people} />
            </span>
            <span>{v.comment === '' ? <em style={subtleText}>no comment</em> : v.comment}</span>
          </li>
        ))}
      </ol>
      {versions.length > 1 && (
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: space.m, marginBlockStart: space.m }}>
          <PickerField label="Compare from" value={from} options={choices} onChange={setFrom} />
          <PickerField label="to" value={to} options={choices} onChange={setTo} />
          <div style={{ marginBlockEnd: space.s }}>
            <Button onClick={() => void compare()}>Show changes</Button>
          </div>
        </div>
      )}
      {error !== null && <ResolverError error={error} />}
      {diff !== null && <DiffView diff={diff} />}
    </Section>
  );
}

const show = (v: FieldChange['from']): string => (Array.isArray(v) ? (v.length === 0 ? '(none)' : v.join(', ')) : v === '' ? '(empty)' : v);

function DiffView({ diff }: { diff: GetScopeDiffResponse }) {
  return (
    <div role="region" aria-label={`Changes from version ${diff.fromVersion} to version ${diff.toVersion}`} style={{ marginBlockStart: space.m }}>
      <p style={{ fontWeight: 600 }}>
        Version {diff.fromVersion} → version {diff.toVersion}: {diff.isEmpty ? 'no changes.' : `${diff.changeCount} change${diff.changeCount === 1 ? '' : 's'}.`}
      </p>
      {diff.sections.map((s) => (
        <div key={s.section} style={{ marginBlockStart: space.s }}>
          <div style={{ fontWeight: 600, color: token('color.text', '#172B4D') }}>{s.label}</div>
          <ul style={{ paddingInlineStart: space.m, margin: 0 }}>
            {s.added.map((i) => (
              <li key={`a-${i.id}`}>
                <Lozenge appearance="success">Added</Lozenge> {i.label}
              </li>
            ))}
            {s.removed.map((i) => (
              <li key={`r-${i.id}`}>
                <Lozenge appearance="removed">Removed</Lozenge> <span style={{ textDecoration: 'line-through' }}>{i.label}</span>
              </li>
            ))}
            {s.changed.map((c) => (
              <li key={`c-${c.id}`}>
                <Lozenge appearance="inprogress">Changed</Lozenge> {c.previousLabel !== undefined ? `${c.previousLabel} → ${c.label}` : c.label}
                <ul style={{ paddingInlineStart: space.m }}>
                  {c.fields.map((f) => (
                    <li key={f.field}>
                      <span style={subtleText}>{f.label}:</span>{' '}
                      {f.added.length + f.removed.length > 0 ? (
                        <>
                          {f.added.length > 0 && <span style={{ color: token('color.text.success', '#216E4E') }}>added {f.added.join(', ')}</span>}
                          {f.added.length > 0 && f.removed.length > 0 && '; '}
                          {f.removed.length > 0 && <span style={{ color: token('color.text.danger', '#AE2E24') }}>removed {f.removed.join(', ')}</span>}
                        </>
                      ) : (
                        <>
                          <del style={{ color: token('color.text.danger', '#AE2E24') }}>{show(f.from)}</del> →{' '}
                          <ins style={{ color: token('color.text.success', '#216E4E'), textDecoration: 'none' }}>{show(f.to)}</ins>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
