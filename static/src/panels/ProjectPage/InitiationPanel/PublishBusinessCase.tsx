import Button from '@atlaskit/button/new';
import { useEffect, useState } from 'react';
import { publishBusinessCase } from '../../../api/publish-business-case';
import { getSiteUrl } from '../../../api/start-publish-report';
import { ConfluenceNotConnected } from '../../../components/ConfluenceNotConnected';
import { Card, Section, space } from '../../../components/kit/layout';
import { Who, formatWhen, inTextLink, subtleText } from '../../../components/kit/text';
import type { SectionProps } from './InitiationPanel';
import { useUnsavedList } from '../../../components/unsaved-changes';
import { SectionFooter } from './SectionFooter';
import { useSectionSave } from './use-section-save';

export function PublishBusinessCase({ view, canEdit, confluence, onSaved }: SectionProps) {
  const { busy, status, error, submit } = useSectionSave();
  const [siteUrl, setSiteUrl] = useState('');
  useEffect(() => {
    void getSiteUrl().then(setSiteUrl);
  }, []);
  const published = view.initiation.published;
  const unsaved = useUnsavedList();
  /** Why publishing is not offered yet: unsaved edits would not be on the page; an empty business case says nothing. */
  const blocked =
    unsaved.length > 0
      ? `Save your changes first (${unsaved.join(', ')}): the page shows what is saved.`
      : view.completeness.filled === 0
        ? 'The business case is empty: write and save it first.'
        : null;

  const publish = () =>
    submit(
      () => publishBusinessCase({ expectedVersion: view.version }),
      (data) => {
        onSaved(data.view);
        return `${data.page.created ? 'Created' : 'Updated'} the page “${data.page.title}” (version ${data.page.version}).`;
      },
    );

  return (
    <Section title="Publish to Confluence" description="Publishes everything above as one “Business case” page in the space set in the project settings; later publishes update the same page.">
      <Card label="Business case page">
        {published === null ? (
          <p style={subtleText}>Not published yet.</p>
        ) : (
          <p>
            Published page:{' '}
            <a href={`${siteUrl}${published.url}`} target="_blank" rel="noreferrer" style={inTextLink}>
              {published.title}
            </a>{' '}
            <span style={subtleText}>
              (version {published.version}, {formatWhen(published.publishedAt)} by <Who accountId={published.publishedBy} people={view.people} />)
            </span>
          </p>
        )}
        <ConfluenceNotConnected confluence={confluence} />
        {/* Without Confluence the publish could never finish: no publish action at all. */}
        {canEdit && confluence.connected && (
          <div style={{ marginBlockStart: space.s }}>
            <Button appearance="primary" isDisabled={busy || blocked !== null} onClick={() => void publish()}>
              {busy ? 'Publishing…' : 'Publish business case'}
            </Button>
            {blocked !== null && (
              <p style={subtleText} data-testid="publish-blocked">
                {blocked}
              </p>
            )}
          </div>
        )}
      </Card>
      <SectionFooter status={status} error={error} />
    </Section>
  );
}
