/** Certification readiness against a target audit date: what still blocks a claim of conformity, and the risks. */
import { plural } from '../../../format/counts';
import { formatDate } from '../../../format/dates';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import type { CertificationReadinessView } from '@contract/audit';
import { useState } from 'react';
import { useResolverAction } from '../../../api/use-resolver';
import { DateField } from '../../../components/JiraFields';
import { Loading } from '../../../components/Loading';
import { space } from '../../../components/kit/layout';
import { inTextLink, subtleText } from '../../../components/kit/text';
import { ResolverError } from '../../../components/ResolverError';
import { FigureLink, Figures } from './audit-ui';
import { issueSearchUrl } from '../../IssuePanel/JqlLink';
import { router } from '@forge/bridge';

const VERDICT = {
  ready: { text: 'Nothing blocks the audit', tone: 'success' },
  at_risk: { text: 'At risk', tone: 'moved' },
  not_ready: { text: 'Not ready', tone: 'removed' },
} as const;

export function Readiness({ today }: { today: string }) {
  const [target, setTarget] = useState('');
  const readiness = useResolverAction('getCertificationReadiness');
  const loading = readiness.running;
  const [r, setR] = useState<CertificationReadinessView | undefined>();

  const check = async (): Promise<void> => {
    const answer = await readiness.run({ targetAuditDate: target });
    setR(answer.ok ? answer.data : undefined);
  };
  return (
    <div>
      <div style={{ display: 'flex', gap: space.m, alignItems: 'flex-end', flexWrap: 'wrap' }}>
        <DateField label="Target certification audit date" value={target} onChange={setTarget} hint={`Today is ${formatDate(today)}.`} />
        <div style={{ marginBlockEnd: space.l }}>
          <Button appearance="primary" isDisabled={target === '' || loading} onClick={() => void check()}>
            Check readiness
          </Button>
        </div>
      </div>
      {loading && <Loading label="Reading the gap analysis and the audit cycle" />}
      {readiness.error !== undefined && <ResolverError error={readiness.error} />}
      {r === undefined && readiness.error === undefined && <p style={subtleText}>Pick the date of the certification audit to see what remains before it.</p>}
      {r !== undefined && (
        <div>
          <p role="status">
            <Lozenge appearance={VERDICT[r.verdict].tone}>{VERDICT[r.verdict].text}</Lozenge>{' '}
            {r.daysLeft >= 0 ? `${plural(r.daysLeft, 'day')} to the audit on ${formatDate(r.targetAuditDate)}.` : `The audit date ${formatDate(r.targetAuditDate)} has passed.`}
            {r.truncated && ' The gap analysis read only part of the mapped issues: figures may be incomplete.'}
          </p>
          {r.reasons.length > 0 && (
            <ul>
              {r.reasons.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          )}
          <Figures>
            <FigureLink figure={r.openMajorNonconformities} tone="bad" />
            <FigureLink figure={r.clausesWithoutEvidence} tone="bad" />
            <FigureLink figure={r.unverifiedActions} tone="bad" />
            <FigureLink figure={r.actionsDueAfterAudit} />
            <FigureLink figure={r.minorWithoutAction} />
          </Figures>
          {r.clausesWithoutEvidenceList.length > 0 && (
            <details>
              <summary style={{ cursor: 'pointer' }}>Clauses without evidence ({r.clausesWithoutEvidenceList.length})</summary>
              <ul>
                {r.clausesWithoutEvidenceList.map((c) => (
                  <li key={c.clauseId}>
                    <a
                      href={issueSearchUrl(c.jql)}
                      title={c.jql}
                      style={inTextLink}
                      onClick={(e) => {
                        e.preventDefault();
                        void router.navigate(issueSearchUrl(c.jql));
                      }}
                    >
                      {c.clauseId}
                    </a>{' '}
                    {c.title}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </div>
  );
}
