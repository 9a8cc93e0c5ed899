import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import ProgressBar from '@atlaskit/progress-bar';
import type { BusinessCaseElements } from '@contract/initiation';
import { useState } from 'react';
import { approveBusinessCase } from '../../../api/approve-business-case';
import { saveBusinessCase } from '../../../api/save-business-case';
import { UserPickerField, pickedName } from '../../../components/JiraFields';
import { Card, Section, space } from '../../../components/kit/layout';
import { TextAreaField } from '../../../components/kit/fields';
import { Who, formatWhen, subtleText } from '../../../components/kit/text';
import type { SectionProps } from './InitiationPanel';
import { SectionFooter } from './SectionFooter';
import { useSectionSave } from './use-section-save';
import { useUnsavedChanges } from '../../../components/unsaved-changes';

const same = (a: BusinessCaseElements, b: BusinessCaseElements, ids: readonly string[]): boolean =>
  ids.every((id) => (a[id as keyof BusinessCaseElements] ?? '') === (b[id as keyof BusinessCaseElements] ?? ''));

/**
 * Why the caller may not approve now, or null. The server holds the same rule (approvalRefusal in the domain,
 * enforced by the approve resolver); this only explains the disabled button.
 */
function approveBlockedReason(view: SectionProps['view'], accountId: string, dirty: boolean, sponsor: string | null): string | null {
  if (dirty) return 'Save your changes first.';
  if (sponsor === null) return 'Name the sponsor and save: only the sponsor may approve.';
  if (sponsor !== accountId) return `Only the sponsor, ${pickedName(sponsor, view.people)}, may approve.`;
  const empty = view.completeness.total - view.completeness.filled;
  if (empty > 0) return `${empty} ${empty === 1 ? 'element is' : 'elements are'} still empty.`;
  return null;
}

export function BusinessCaseSection({ view, canEdit, accountId, onSaved, reload }: SectionProps) {
  const elements = view.catalog.businessCaseElements;
  const ids = elements.map((e) => e.id);
  const savedSponsor = view.initiation.businessCase.sponsor;
  const [draft, setDraft] = useState<BusinessCaseElements>(view.initiation.businessCase.elements);
  const [sponsor, setSponsor] = useState<string | null>(savedSponsor);
  const { busy, status, error, submit } = useSectionSave();

  const dirty = !same(draft, view.initiation.businessCase.elements, ids) || sponsor !== savedSponsor;
  useUnsavedChanges('initiation:business-case', 'Business case', dirty);
  const filled = ids.filter((id) => (draft[id] ?? '').trim() !== '').length;
  const approval = view.initiation.businessCase.approval;
  const blocked = approveBlockedReason(view, accountId, dirty, savedSponsor);

  const save = () =>
    submit(
      () => saveBusinessCase({ version: view.version, elements: draft, sponsor }),
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
        <UserPickerField
          label="Sponsor"
          value={sponsor}
          people={view.people}
          readOnly={!canEdit}
          onChange={setSponsor}
          hint="The Jira user who sponsors the SMS project. Only this person may approve the business case."
        />
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
              <span style={subtleText}>The named sponsor approves once every element is written and saved.</span>
            </>
          )}
        </div>
        {canEdit && view.approval !== 'approved' && (
          <div style={{ marginBlockStart: space.s }}>
            <Button appearance="primary" isDisabled={busy || blocked !== null} onClick={() => void approve()} aria-describedby={blocked === null ? undefined : 'approve-blocked'}>
              Approve as sponsor
            </Button>
            {blocked !== null && (
              <span id="approve-blocked" data-testid="approve-blocked" style={{ ...subtleText, marginInlineStart: space.s }}>
                {blocked}
              </span>
            )}
          </div>
        )}
        {!canEdit && view.approval !== 'approved' && savedSponsor === accountId && (
          <p style={{ ...subtleText, marginBlockStart: space.s }}>
            You are the sponsor. Approving also needs the editor role or Administer projects in this project: ask a project administrator.
          </p>
        )}
      </Card>
      <SectionFooter status={status} error={error} reload={reload} />
    </Section>
  );
}
