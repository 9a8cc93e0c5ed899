/**
 * Scope panel (TS 20000-5 4.3; ISO/IEC 20000-1 4.3): edit the scope section by section, see the generated
 * statement and the warnings while typing, save with a comment (each save is a new version), and browse the
 * history with a readable diff between any two versions.
 */
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useMemo, useState } from 'react';
import type { ResolverErrorShape } from '../../../components/ResolverError';
import type { PreviewScopeResponse, Scope, ScopeListSection, ScopeWarning } from '@contract/scope';
import { useResolver } from '../../../api/use-resolver';
import { previewScope } from '../../../api/preview-scope';
import { saveScope } from '../../../api/save-scope';
import { Loading } from '../../../components/Loading';
import { Section, space } from '../../../components/kit/layout';
import { TextField } from '../../../components/kit/fields';
import { StatusLine } from '../../../components/kit/status';
import { Who, formatWhen, subtleText } from '../../../components/kit/text';
import { useDebouncedEffect } from '../../../components/kit/use-debounced-effect';
import { ResolverError } from '../../../components/ResolverError';
import { ScopeHistory } from './ScopeHistory';
import { ScopeSectionEditor } from './ScopeSectionEditor';
import { isScopeEmpty } from './scope-draft';

export interface PanelProps {
  canEdit: boolean;
}

export default function ScopePanel({ canEdit }: PanelProps) {
  const scopeLoad = useResolver('getScope', {}, {
    onLoaded: (data) => {
      setDraft(data.scope);
      setPreview({ statement: data.statement, warnings: data.warnings, problems: [] });
    },
  });
  const { data: view, setData: setView, error: loadError, reload: load } = scopeLoad;
  const [draft, setDraft] = useState<Scope | null>(null);
  const [preview, setPreview] = useState<PreviewScopeResponse | null>(null);
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ResolverErrorShape | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const [started, setStarted] = useState(false);
  /** Fields the user has edited, and whether Save was pressed: a problem shows only then, not on a new empty row. */
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);

  useDebouncedEffect(draft, 400, (d) => {
    if (d === null) return;
    void previewScope({ scope: d }).then((r) => {
      if (r.ok) setPreview(r.data);
    });
  });

  const dirty = useMemo(() => view !== undefined && draft !== null && JSON.stringify(view.scope) !== JSON.stringify(draft), [view, draft]);

  if (loadError !== undefined) return <ResolverError error={loadError} action={undefined} />;
  if (view === undefined || draft === null || preview === null) return <Loading label="Loading the scope" />;

  const empty = view.version === 0 && isScopeEmpty(draft) && !started;
  const edit = (next: Scope) => {
    setDraft(next);
    setStatus(null);
  };

  const shownProblems = preview.problems.filter((p) => submitted || touched.has(p.path));
  const onTouched = (path: string) => setTouched((t) => (t.has(path) ? t : new Set([...t, path])));

  const onSave = async () => {
    setSaving(true);
    setSaveError(null);
    // The preview is debounced: ask for the problems of this very draft, so a quick Save after typing lists
    // what is missing instead of sending a draft the server would refuse.
    const fresh = await previewScope({ scope: draft });
    if (fresh.ok) setPreview(fresh.data);
    const problems = fresh.ok ? fresh.data.problems : preview.problems;
    if (problems.length > 0) {
      setSaving(false);
      setSubmitted(true);
      return;
    }
    const r = await saveScope({ scope: draft, comment, version: view.version });
    setSaving(false);
    if (!r.ok) {
      setSaveError(r.error);
      return;
    }
    setView(r.data);
    setDraft(r.data.scope);
    setPreview({ statement: r.data.statement, warnings: r.data.warnings, problems: [] });
    setComment('');
    setTouched(new Set());
    setSubmitted(false);
    setStatus(`Saved as version ${r.data.version}.`);
    setHistoryKey((k) => k + 1);
  };

  if (empty) {
    return (
      <EmptyState
        header="No scope yet"
        headingLevel={2}
        description={
          canEdit
            ? 'Start by naming the services your service management system covers and who they are for. Then add the teams, locations and other parties involved, and any exclusions with their reasons. The scope statement is written for you as you go.'
            : 'No one has recorded the scope of the service management system yet. A project administrator or a member of the SMS editor role can start it here.'
        }
        primaryAction={
          canEdit ? (
            <Button appearance="primary" onClick={() => setStarted(true)}>
              Define the scope
            </Button>
          ) : undefined
        }
      />
    );
  }

  const warningsFor = (section: ScopeListSection | 'general'): ScopeWarning[] => preview.warnings.filter((w) => w.section === section);

  return (
    <div>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: space.s, marginBlockStart: space.m }}>
        {view.version === 0 ? (
          <Lozenge appearance="new">Not saved yet</Lozenge>
        ) : (
          <span style={subtleText}>
            Version {view.version}, saved {formatWhen(view.updatedAt)} by <Who accountId={view.updatedBy} people={view.people} />
            {view.comment !== '' ? ` — “${view.comment}”` : ''}
          </span>
        )}
        {dirty && <Lozenge appearance="moved">Unsaved changes</Lozenge>}
        {!canEdit && <Lozenge>Read only</Lozenge>}
      </div>

      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(280px, 2fr)', gap: space.l, alignItems: 'start' }}>
        <div>
          {view.options.sections.map((s) => (
            <ScopeSectionEditor
              key={s.key}
              section={s.key}
              label={s.label}
              scope={draft}
              options={view.options}
              readOnly={!canEdit}
              warnings={warningsFor(s.key)}
              problems={shownProblems}
              onChange={edit}
              onTouched={onTouched}
            />
          ))}
        </div>
        <aside aria-label="Scope statement and warnings" style={{ position: 'sticky', top: 0 }}>
          <Section title="Scope statement" description="Written from the fields on the left; copy it into your SMS documentation and adjust it there.">
            <div
              aria-label="Generated scope statement"
              style={{
                whiteSpace: 'pre-wrap',
                background: token('color.background.neutral.subtle', 'transparent'),
                border: `1px solid ${token('color.border', '#091E4224')}`,
                borderRadius: token('radius.large', '8px'),
                padding: space.m,
                color: token('color.text', '#172B4D'),
              }}
            >
              {preview.statement}
            </div>
          </Section>
          <Section title={`Warnings (${preview.warnings.length})`}>
            {preview.warnings.length === 0 ? (
              <p style={subtleText}>Nothing an auditor would ask about yet.</p>
            ) : (
              <SectionMessage appearance="warning" title="Check these before an audit">
                <ul aria-label="Scope warnings" style={{ paddingInlineStart: space.m }}>
                  {preview.warnings.map((w, i) => (
                    <li key={`${w.code}-${w.itemId ?? ''}-${i}`}>
                      {w.message}
                      {w.clause !== undefined && <span style={subtleText}> ({w.clause})</span>}
                    </li>
                  ))}
                </ul>
              </SectionMessage>
            )}
          </Section>
        </aside>
      </div>

      {canEdit && (
        <Section title="Save this version">
          {shownProblems.length > 0 && (
            <div style={{ marginBlockEnd: space.s }}>
              <SectionMessage appearance="error" title="Fix these before saving">
                <ul style={{ paddingInlineStart: space.m }}>
                  {shownProblems.slice(0, 10).map((p) => (
                    <li key={p.path}>
                      {describePath(p.path, draft)}: {p.message}
                    </li>
                  ))}
                </ul>
              </SectionMessage>
            </div>
          )}
          <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: space.s }}>
            <div style={{ flex: '1 1 320px' }}>
              <TextField label="Change comment" value={comment} onChange={setComment} placeholder="What changed and why" />
            </div>
            <div style={{ marginBlockEnd: space.s }}>
              <Button appearance="primary" isDisabled={saving || (!dirty && view.version > 0)} onClick={() => void onSave()}>
                {saving ? 'Saving…' : 'Save scope'}
              </Button>
            </div>
          </div>
          {saveError !== null && (
            <ResolverError
              error={saveError}
              action={
                saveError.code === 'CONFLICT' ? (
                  <Button appearance="subtle" onClick={() => void load().then(() => setSaveError(null))}>
                    Reload the latest version
                  </Button>
                ) : undefined
              }
            />
          )}
          <StatusLine text={status} />
        </Section>
      )}

      <ScopeHistory key={historyKey} />
    </div>
  );
}

/** "services.0.name" -> "Services in scope, item 1 (Payroll): name". */
function describePath(path: string, scope: Scope): string {
  const [section, index, field] = path.split('.');
  const labels: Record<string, string> = {
    services: 'Services in scope',
    organizationalUnits: 'Organizational units',
    locations: 'Locations',
    interestedParties: 'Customers and interested parties',
    otherParties: 'Other parties',
    exclusions: 'Exclusions',
  };
  if (section === undefined || labels[section] === undefined || index === undefined) return path;
  const list = scope[section as ScopeListSection] as readonly { name?: string; what?: string }[];
  const item = list[Number(index)];
  const name = item?.name ?? item?.what ?? '';
  return `${labels[section]}, item ${Number(index) + 1}${name ? ` (${name})` : ''}${field ? `: ${field}` : ''}`;
}
