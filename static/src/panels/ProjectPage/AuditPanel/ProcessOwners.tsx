/** Who owns each process (and the SMS as a whole): stored with the audit programme, read by the independence rule. */
import Button from '@atlaskit/button/new';
import type { AuditProgrammeView } from '@contract/audit';
import { useState } from 'react';
import { useResolverAction } from '../../../api/use-resolver';
import { UserPickerField } from '../../../components/JiraFields';
import { space } from '../../../components/kit/layout';
import { subtleText } from '../../../components/kit/text';
import { StatusLine } from '../../../components/kit/status';
import { ResolverError } from '../../../components/ResolverError';

export function ProcessOwners({ view, canEdit, onSaved }: { view: AuditProgrammeView; canEdit: boolean; onSaved: (v: AuditProgrammeView) => void }) {
  const [draft, setDraft] = useState<Record<string, string | null>>(() => Object.fromEntries(view.owners.map((o) => [o.unitId, o.owner])));
  const saveOwners = useResolverAction('saveProcessOwners');
  const { running: busy, error } = saveOwners;
  const [status, setStatus] = useState<string | null>(null);
  const named = view.owners.filter((o) => o.owner !== null).length;
  const changed = view.owners.some((o) => (draft[o.unitId] ?? null) !== o.owner);

  const save = async (): Promise<void> => {
    const owners = Object.entries(draft).flatMap(([unitId, owner]) => (owner === null || owner === '' ? [] : [{ unitId, owner }]));
    const r = await saveOwners.run({ version: view.version, owners });
    if (!r.ok) return;
    setStatus('Process owners saved.');
    onSaved(r.data);
  };

  return (
    <details>
      <summary style={{ cursor: 'pointer', marginBlockEnd: space.s }}>
        {named === 0 ? 'No process owner is named yet' : `${named} of ${view.owners.length} owners named`} — show and edit
      </summary>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: `0 ${space.m}` }}>
        {view.owners.map((o) => (
          <UserPickerField
            key={o.unitId}
            label={`Owner: ${o.title}`}
            value={draft[o.unitId] ?? null}
            people={view.people}
            readOnly={!canEdit}
            width="100%"
            onChange={(v) => setDraft((d) => ({ ...d, [o.unitId]: v }))}
          />
        ))}
      </div>
      {error !== undefined && <ResolverError error={error} />}
      {canEdit ? (
        <Button appearance="primary" isDisabled={!changed || busy} onClick={() => void save()}>
          Save process owners
        </Button>
      ) : (
        <p style={subtleText}>Only editors change the owners.</p>
      )}
      <StatusLine text={status} />
    </details>
  );
}
