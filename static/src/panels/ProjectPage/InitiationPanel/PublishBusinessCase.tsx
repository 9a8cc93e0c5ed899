import Button from '@atlaskit/button/new';
import { useEffect, useState } from 'react';
import { publishBusinessCase } from '../../../api/publish-business-case';
import { getSiteUrl } from '../../../api/start-publish-report';
import { Card, Section, StatusLine, Who, formatWhen, space, subtleText } from '../../../components/PanelKit';
import { ResolverError, type ResolverErrorShape } from '../../../components/ResolverError';
import type { SectionProps } from './InitiationPanel';

export function PublishBusinessCase({ view, canEdit, onSaved }: SectionProps) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ResolverErrorShape | undefined>();
  const [siteUrl, setSiteUrl] = useState('');
  useEffect(() => {
    void getSiteUrl().then(setSiteUrl);
  }, []);
  const published = view.initiation.published;

  const publish = async () => {
    setBusy(true);
    setError(undefined);
    setStatus(null);
    const r = await publishBusinessCase();
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onSaved(r.data.view);
    setStatus(`${r.data.page.created ? 'Created' : 'Updated'} the page “${r.data.page.title}” (version ${r.data.page.version}).`);
  };

  return (
    <Section title="Publish to Confluence" description="Publishes everything above as one “Business case” page in the space set in the project settings; later publishes update the same page.">
      <Card label="Business case page">
        {published === null ? (
          <p style={subtleText}>Not published yet.</p>
        ) : (
          <p>
            Published page:{' '}
            <a href={`${siteUrl}${published.url}`} target="_blank" rel="noreferrer">
              {published.title}
            </a>{' '}
            <span style={subtleText}>
              (version {published.version}, {formatWhen(published.publishedAt)} by <Who accountId={published.publishedBy} />)
            </span>
          </p>
        )}
        {canEdit && (
          <div style={{ marginBlockStart: space.s }}>
            <Button appearance="primary" isDisabled={busy} onClick={() => void publish()}>
              {busy ? 'Publishing…' : 'Publish business case'}
            </Button>
          </div>
        )}
      </Card>
      <StatusLine text={status} />
      {error !== undefined && (
        <div role="alert">
          <ResolverError error={error} />
        </div>
      )}
    </Section>
  );
}
