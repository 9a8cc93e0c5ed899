/**
 * What an auditor takes away: the clause register (clause, title, result, who set it and why, evidence with
 * status and age, open findings, planned work) as XLSX or CSV. The rows come from the getClauseRegister
 * resolver as text cells; the XLSX writer (write-excel-file) is loaded only when someone asks for the file.
 */
import Button from '@atlaskit/button/new';
import { useState } from 'react';
import { getClauseRegister } from '../../../api/get-clause-register';
import { plural } from '../../../format/counts';
import { Notice } from '../../../components/Notice';
import { Section, space } from '../../../components/kit/layout';
import { StatusLine } from '../../../components/kit/status';
import { ResolverError, type ResolverErrorShape } from '../../../components/ResolverError';

type Format = 'xlsx' | 'csv';

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportSection() {
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<ResolverErrorShape | undefined>();
  const [status, setStatus] = useState<string | null>(null);
  const [truncated, setTruncated] = useState(false);

  const run = async (format: Format): Promise<void> => {
    setBusy(format);
    setError(undefined);
    setStatus(null);
    try {
      const r = await getClauseRegister();
      if (!r.ok) {
        setError(r.error);
        return;
      }
      const { rows, csv, projectKey, generatedAt, truncated: partial } = r.data;
      const name = `clause-register-${projectKey}-${generatedAt.slice(0, 10)}`;
      if (format === 'csv') {
        download(new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
      } else {
        const { default: writeXlsxFile } = await import('write-excel-file/browser');
        const widths = [10, 40, 20, 26, 50, 60, 50, 30];
        const blob = await writeXlsxFile(rows, { sheet: 'Clause register', columns: widths.map((width) => ({ width })), stickyRowsCount: 1 }).toBlob();
        download(blob, `${name}.xlsx`);
      }
      setTruncated(partial);
      setStatus(`Downloaded the clause register (${plural(rows.length - 1, 'clause')}) as ${format.toUpperCase()}.`);
    } catch (e) {
      setError({ code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Section
      title="Export for auditors"
      description="The clause register: every clause with its result, who set it and why, the evidence with status and age, open findings and planned work. Publishing also keeps it in Confluence as the Evidence matrix page."
    >
      <div style={{ display: 'flex', gap: space.s, flexWrap: 'wrap' }}>
        <Button onClick={() => void run('xlsx')} isDisabled={busy !== null}>
          {busy === 'xlsx' ? 'Preparing XLSX…' : 'Download XLSX'}
        </Button>
        <Button onClick={() => void run('csv')} isDisabled={busy !== null}>
          {busy === 'csv' ? 'Preparing CSV…' : 'Download CSV'}
        </Button>
      </div>
      <StatusLine text={status} />
      {truncated && (
        <Notice appearance="information" title="Part of the evidence is in the file">
          This project has more mapped issues than one download can read; the Evidence matrix page in Confluence lists them all.
        </Notice>
      )}
      {error !== undefined && <ResolverError error={error} />}
    </Section>
  );
}
