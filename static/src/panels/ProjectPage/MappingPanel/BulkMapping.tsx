import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import TextField from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type {
  BulkJobView,
  BulkMappingStatusResponse,
  EvidenceKind,
  ListClausesResponse,
  PreviewBulkMappingPayload,
  PreviewBulkMappingResponse,
} from '@contract/mapping';
import { useCallback, useEffect, useState } from 'react';
import { getBulkMappingStatus } from '../../../api/get-bulk-mapping-status';
import { previewBulkMapping } from '../../../api/preview-bulk-mapping';
import { startBulkMapping } from '../../../api/start-bulk-mapping';
import { undoBulkMapping } from '../../../api/undo-bulk-mapping';
import { ConfidenceTag } from '../../../components/ConfidenceTag';
import { JobPanel, JobProgress } from '../../../components/JobPanel';
import { Notice } from '../../../components/Notice';
import { ResolverError, type ResolverErrorShape } from '../../../components/ResolverError';
import { ChoiceSelect } from '../../../components/ChoiceSelect';
import { EVIDENCE_KIND_OPTIONS } from '../../../components/vocabulary';
import { ClausePicker } from '../../IssuePanel/ClausePicker';
import { fieldLabel, subtleText } from '../../../components/kit/text';

const cell = { padding: token('space.075', '6px'), borderBlockEnd: `1px solid ${token('color.border', '#091E4224')}`, textAlign: 'start', verticalAlign: 'top' } as const;
const head = { ...cell, position: 'sticky', top: 0, background: token('elevation.surface', '#FFFFFF') } as const;
const POLL_MS = 800;

type Source = 'jql' | 'suggestions';

/** Bulk mapping: choose issues (JQL within this project, or every unmapped issue's best suggestion), review, apply, undo. */
export function BulkMapping({ catalogue, canEdit, onChanged }: { catalogue: ListClausesResponse; canEdit: boolean; onChanged: () => void }) {
  const [source, setSource] = useState<Source>('jql');
  const [jql, setJql] = useState('');
  const [clauseId, setClauseId] = useState<string | null>(null);
  const [kind, setKind] = useState<EvidenceKind>('record');
  const [preview, setPreview] = useState<PreviewBulkMappingResponse | undefined>();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverErrorShape | undefined>();
  const [job, setJob] = useState<BulkJobView | null>(null);
  const [last, setLast] = useState<BulkMappingStatusResponse['lastChange']>(null);

  const refreshStatus = useCallback(async (jobId?: string): Promise<BulkJobView | null> => {
    const r = await getBulkMappingStatus(jobId === undefined ? {} : { jobId });
    if (!r.ok) {
      setError(r.error);
      return null;
    }
    setJob(r.data.job);
    setLast(r.data.lastChange);
    return r.data.job;
  }, []);

  useEffect(() => {
    void refreshStatus();
  }, [refreshStatus]);

  const running = job !== null && (job.status === 'queued' || job.status === 'running');
  useEffect(() => {
    if (!running || job === null) return undefined;
    const timer = setTimeout(() => {
      void refreshStatus(job.jobId).then((j) => {
        if (j && (j.status === 'done' || j.status === 'failed')) onChanged();
      });
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [running, job, refreshStatus, onChanged]);

  /** First status of a job just queued; a job that already finished refreshes the coverage at once. */
  const follow = async (jobId: string): Promise<void> => {
    const j = await refreshStatus(jobId);
    if (j && (j.status === 'done' || j.status === 'failed')) onChanged();
  };

  const unsure = preview?.items.filter((i) => i.confident === false).length ?? 0;

  const runPreview = async (): Promise<void> => {
    setError(undefined);
    setPreview(undefined);
    let payload: PreviewBulkMappingPayload;
    if (source === 'jql') {
      if (clauseId === null) {
        setError({ code: 'VALIDATION_FAILED', message: 'Choose the clause to add.' });
        return;
      }
      payload = { source: 'jql', jql, clauses: [{ clauseId, kind }] };
    } else {
      payload = { source: 'suggestions', kind };
    }
    setBusy(true);
    const r = await previewBulkMapping(payload);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setPreview(r.data);
    // Suggestions: only confident ones are pre-selected; JQL items (no confidence) all are.
    setSelected(new Set(r.data.items.filter((i) => i.confident !== false).map((i) => i.issueId)));
  };

  const apply = async (): Promise<void> => {
    if (!preview) return;
    setBusy(true);
    setError(undefined);
    const r = await startBulkMapping({ previewId: preview.previewId, issueIds: [...selected] });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setPreview(undefined);
    await follow(r.data.jobId);
  };

  const undo = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    const r = await undoBulkMapping();
    setBusy(false);
    if (!r.ok) return setError(r.error);
    await follow(r.data.jobId);
  };

  const toggle = (id: string): void =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });


  return (
    <section aria-labelledby="sms-bulk-heading" style={{ display: 'grid', gap: token('space.150', '12px') }}>
      <Heading size="small" as="h3" id="sms-bulk-heading">
        Bulk mapping
      </Heading>
      {!canEdit && (
        <Notice appearance="information" title="Read only">
          Bulk mapping is for project administrators and members of the SMS editor role who may edit issues.
        </Notice>
      )}
      {error && <ResolverError error={error} />}

      {canEdit && (
        <fieldset style={{ border: 'none', padding: 0, margin: 0, display: 'grid', gap: token('space.100', '8px') }}>
          <legend style={{ ...fieldLabel, marginBlockEnd: token('space.100', '8px') }}>Which issues</legend>
          <label>
            <input type="radio" name="sms-bulk-source" checked={source === 'jql'} onChange={() => setSource('jql')} /> Issues of this project matching a JQL query
          </label>
          <label>
            <input type="radio" name="sms-bulk-source" checked={source === 'suggestions'} onChange={() => setSource('suggestions')} /> Accept the best suggestion on every unmapped issue
          </label>
          {source === 'jql' && (
            <>
              <label htmlFor="sms-bulk-jql" style={fieldLabel}>
                JQL (this project is added for you)
              </label>
              <TextField id="sms-bulk-jql" value={jql} placeholder='e.g. type = Incident AND labels = "major"' onChange={(e) => setJql((e.target as HTMLInputElement).value)} />
              <label htmlFor="sms-bulk-clause" style={fieldLabel}>
                Clause to add
              </label>
              <ClausePicker id="sms-bulk-clause" label="Clause to add" clauses={catalogue.clauses} value={clauseId} onPick={setClauseId} />
            </>
          )}
          <ChoiceSelect<EvidenceKind> label="Evidence kind" value={kind} options={EVIDENCE_KIND_OPTIONS} onChange={setKind} width={260} />
          <div>
            <Button appearance="primary" onClick={() => void runPreview()} isDisabled={busy || running}>
              Preview
            </Button>
          </div>
        </fieldset>
      )}

      {preview && (
        <div style={{ display: 'grid', gap: token('space.100', '8px') }}>
          <p style={{ margin: 0 }}>
            {preview.items.length} of {preview.matched} matching issues would change; {preview.unchanged} already hold the mapping or have no suggestion.
            {preview.truncated && ' Only the first 1,000 matching issues were read: narrow the query for the rest.'}
          </p>
          {unsure > 0 && (
            <p style={{ margin: 0 }} id="sms-bulk-confidence-note">
              {preview.items.length - unsure} confident suggestions are selected; {unsure} less certain ones are not. Check them and tick those that are right.
            </p>
          )}
          {preview.items.length > 0 && (
            <>
              <div style={{ display: 'flex', gap: token('space.100', '8px') }}>
                <Button onClick={() => setSelected(new Set(preview.items.map((i) => i.issueId)))}>Select all</Button>
                {unsure > 0 && <Button onClick={() => setSelected(new Set(preview.items.filter((i) => i.confident === true).map((i) => i.issueId)))}>Select confident</Button>}
                <Button onClick={() => setSelected(new Set())}>Select none</Button>
                <Button appearance="primary" onClick={() => void apply()} isDisabled={busy || selected.size === 0}>
                  {`Apply to ${selected.size} issues`}
                </Button>
              </div>
              <div style={{ maxHeight: '420px', overflow: 'auto' }}>
                <table aria-label="Issues to change" style={{ borderCollapse: 'collapse', width: '100%' }}>
                  <thead>
                    <tr>
                      <th style={{ ...head, width: '4em' }}>Change</th>
                      <th style={{ ...head, width: '7em' }}>Issue</th>
                      <th style={head}>Summary</th>
                      <th style={head}>Clauses now</th>
                      <th style={head}>Adds</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.items.map((i) => (
                      <tr key={i.issueId}>
                        <td style={cell}>
                          <input type="checkbox" aria-label={`Change ${i.key}`} checked={selected.has(i.issueId)} onChange={() => toggle(i.issueId)} />
                        </td>
                        <td style={cell}>{i.key}</td>
                        <td style={cell}>{i.summary}</td>
                        <td style={cell}>{i.before.length > 0 ? i.before.join(', ') : '—'}</td>
                        <td style={cell}>
                          <strong>{i.added.join(', ')}</strong>
                          {i.confidence !== undefined && (
                            <>
                              {' '}
                              <ConfidenceTag confidence={i.confidence} confident={i.confident === true} />
                            </>
                          )}
                          {i.reasons.length > 0 && <span style={{ ...subtleText, display: 'block', fontSize: '0.857em' }}>because of {i.reasons.map((r) => `“${r}”`).join(', ')}</span>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </div>
      )}

      {job && (
        <JobProgress label={job.op === 'undo' ? 'Undo' : 'Bulk change'} unit="issues" job={job}>
          {job.failed.length > 0 && (
            <Notice appearance="warning" title={`${job.failed.length} issues could not be changed`}>
              <ul>
                {job.failed.slice(0, 20).map((f) => (
                  <li key={f.issueId}>
                    {f.key}: {f.message}
                  </li>
                ))}
              </ul>
            </Notice>
          )}
          {job.skipped.length > 0 && <p style={subtleText}>Left alone because they changed after the bulk change: {job.skipped.join(', ')}</p>}
        </JobProgress>
      )}

      <JobPanel
        type="bulkMapping"
        noun="The bulk mapping change"
        canEdit={canEdit}
        refreshKey={`${job?.jobId ?? ''}:${job?.status ?? ''}`}
        onFollow={(id) => void follow(id)}
        abandonHint="Abandon undoes what it wrote."
      />

      {canEdit && last && !last.undone && !running && job?.status !== 'interrupted' && (
        <div>
          <Button onClick={() => void undo()} isDisabled={busy}>
            {`Undo the last bulk change (${last.issues} issues)`}
          </Button>
        </div>
      )}
    </section>
  );
}
