import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import ProgressBar from '@atlaskit/progress-bar';
import type { BusinessCaseElements } from '@contract/initiation';
import { useState } from 'react';
import { approveBusinessCase } from '../../../api/approve-business-case';
import { saveBusinessCase } from '../../../api/save-business-case';
import { Card, Section, space } from '../../../components/kit/layout';
import { TextAreaField } from '../../../components/kit/fields';
import { Who, formatWhen, subtleText } from '../../../components/kit/text';
import type { SectionProps } from './InitiationPanel';
import { SectionFooter } from './SectionFooter';
import { useSectionSave } from './use-section-save';
import { useUnsavedChanges } from '../../../components/unsaved-changes';

const same = (a: BusinessCaseElements, b: BusinessCaseElements, ids: readonly string[]): boolean =>
  ids.every((id) => (a[id as keyof BusinessCaseElements] ?? '') === (b[id as keyof BusinessCaseElements] ?? ''));

export function BusinessCaseSection({ view, canEdit, onSaved, reload }: SectionProps) {
  const elements = view.catalog.businessCaseElements;
  const ids = elements.map((e) => e.id);
  const [draft, setDraft] = useState<BusinessCaseElements>(view.initiation.businessCase.elements);
  const { busy, status, error, submit } = useSectionSave();

  const dirty = !same(draft, view.initiation.businessCase.elements, ids);
  useUnsavedChanges('initiation:business-case', 'Business case', dirty);
  const filled = ids.filter((id) => (draft[id] ?? '').trim() !== '').length;
  const approval = view.initiation.businessCase.approval;

  const save = () =>
    submit(
      () => saveBusinessCase({ version: view.version, elements: draft }),
      (data) => {
        onSaved(data);
        return `Business case saved (version ${data.version}).`;
      },
    );

  const approve = () =>
    submit(
      () => approveBusinessCase({ version: view.version }),
      (data) => {
        onSaved(data);
        return 'Business case approved. Management support counts as obtained for maturity Level I.';
      },
    );

  return (
    <Section
      title="Business case"
      description="Every element the guidance asks for (TS 20000-5 5.3.1). Keep it realistic: an SMS alone does not open markets or speed up hardware."
    >
      <div id="initiation-business-case" />
      <div style={{ marginBlockEnd: space.m, maxWidth: '420px' }}>
        <div style={{ ...subtleText, marginBlockEnd: space.xs }}>
          {filled} of {elements.length} elements written
        </div>
        <ProgressBar appearance={filled === elements.length ? 'success' : 'default'} value={filled / elements.length} ariaLabel={`Business case completeness: ${filled} of ${elements.length} elements`} />
      </div>
      <Card label="Business case elements">
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: `0 ${space.m}` }}>
          {elements.map((el) => (
            <TextAreaField
              key={el.id}
              label={`${el.letter}) ${el.label}`}
              hint={el.hint}
              value={draft[el.id] ?? ''}
              readOnly={!canEdit}
              rows={2}
              onChange={(v) => setDraft((d) => ({ ...d, [el.id]: v }))}
            />
          ))}
        </div>
        {canEdit && (
          <Button appearance="primary" isDisabled={!dirty || busy} onClick={() => void save()}>
            Save business case
          </Button>
        )}
      </Card>
      <Card label="Sponsor approval">
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: space.s }}>
          {view.approval === 'approved' && approval !== null && (
            <>
              <Lozenge appearance="success">Approved</Lozenge>
              <span>
                by <Who accountId={approval.approvedBy} people={view.people} /> on {formatWhen(approval.approvedAt)}
              </span>
            </>
          )}
          {view.approval === 'stale' && approval !== null && (
            <>
              <Lozenge appearance="moved">Approval out of date</Lozenge>
              <span>
                Approved by <Who accountId={approval.approvedBy} people={view.people} /> on {formatWhen(approval.approvedAt)}, but the text has changed since. Ask the
                sponsor to approve again.
              </span>
            </>
          )}
          {view.approval === 'none' && (
            <>
              <Lozenge>Not approved</Lozenge>
              <span style={subtleText}>The sponsor approves once every element is written and saved.</span>
            </>
          )}
        </div>
        {canEdit && view.approval !== 'approved' && (
          <div style={{ marginBlockStart: space.s }}>
            <Button appearance="primary" isDisabled={busy || dirty || !view.completeness.complete} onClick={() => void approve()}>
              Approve as sponsor
            </Button>
            {(dirty || !view.completeness.complete) && (
              <span style={{ ...subtleText, marginInlineStart: space.s }}>
                {dirty ? 'Save your changes first.' : `${view.completeness.total - view.completeness.filled} elements still empty.`}
              </span>
            )}
          </div>
        )}
      </Card>
      <SectionFooter status={status} error={error} reload={reload} />
    </Section>
  );
}
