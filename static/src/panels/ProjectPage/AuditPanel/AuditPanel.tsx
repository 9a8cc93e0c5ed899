/**
 * The Audit view: the internal audit programme (ISO/IEC 20000-1 9.2) and nonconformity with corrective action
 * (10.1). Process owners (the independence rule), planning an audit as a Jira issue, drawing its seeded sample,
 * recording findings, the nonconformity lifecycle and the certification readiness. Every figure shows and links the
 * JQL that gives it; every write to Jira is previewed first and sent with a request id (a repeat creates nothing).
 */
import Button from '@atlaskit/button/new';
import { useResolver } from '../../../api/use-resolver';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { Section, space } from '../../../components/kit/layout';
import { subtleText } from '../../../components/kit/text';
import { ResolverError } from '../../../components/ResolverError';
import type { ProjectViewProps } from '../ProjectPage';
import { AuditCard } from './AuditCard';
import { FigureLink, Figures } from './audit-ui';
import { Nonconformities } from './Nonconformities';
import { PlanAuditForm } from './PlanAuditForm';
import { ProcessOwners } from './ProcessOwners';
import { Readiness } from './Readiness';

export default function AuditPanel({ canEdit }: ProjectViewProps) {
  const programme = useResolver('getAuditProgramme', {});
  const { reload } = programme;

  if (programme.data === undefined) {
    if (programme.error === undefined) return <Loading label="Loading the audit programme" />;
    return (
      <div>
        <ResolverError error={programme.error} />
        <Button onClick={() => void reload()}>Try again</Button>
      </div>
    );
  }
  const view = programme.data;
  const refresh = (): void => void reload();

  return (
    <div>
      <p style={{ ...subtleText, marginBlockStart: 0 }}>
        Audits are Jira issues labelled sms-audit; findings carry the finding labels and are linked to their audit; every nonconformity stays open until a
        corrective action on it is verified as effective.
      </p>
      <Figures>
        <FigureLink figure={view.figures.audits} />
        <FigureLink figure={view.figures.openMajor} tone="bad" />
        <FigureLink figure={view.figures.openMinor} tone="bad" />
        <FigureLink figure={view.figures.unverifiedActions} />
        <FigureLink figure={view.figures.withoutAction} tone="bad" />
      </Figures>
      {!canEdit && (
        <div style={{ marginBlockEnd: space.m }}>
          <Notice appearance="information" title="Read only">
            Project administrators and the SMS editor role plan audits and record findings and corrective actions.
          </Notice>
        </div>
      )}

      <Section title="Process owners" description="Who owns each process decides who may audit it: nobody audits their own work.">
        <ProcessOwners view={view} canEdit={canEdit} onSaved={programme.setData} />
      </Section>

      <Section title="Plan an audit">
        <PlanAuditForm view={view} canEdit={canEdit} onCreated={refresh} />
      </Section>

      <Section title={`Audits (${view.audits.length})`}>
        {view.audits.length === 0 ? (
          <p style={subtleText}>No audit is planned yet. Plan one above: it becomes a Jira issue with its scope, criteria, dates and auditor.</p>
        ) : (
          view.audits.map((a) => <AuditCard key={a.auditKey} audit={a} view={view} canEdit={canEdit} onChanged={refresh} />)
        )}
      </Section>

      <Section title="Nonconformities and corrective actions">
        <Nonconformities view={view} canEdit={canEdit} onChanged={refresh} />
      </Section>

      <Section title="Certification readiness">
        <Readiness today={view.today} />
      </Section>
    </div>
  );
}
