/** One section of the scope: the general fields, or a list of items with add / remove and per-item warnings. */
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { Scope, ScopeListSection, ScopeOptions, ScopeProblem, ScopeSection, ScopeWarning } from '@contract/scope';
import { PickerField } from '../../../components/JiraFields';
import { Card, Section, space } from '../../../components/kit/layout';
import { CheckboxGroup, ListField, TextAreaField, TextField } from '../../../components/kit/fields';
import { subtleText } from '../../../components/kit/text';
import { newItem } from './scope-draft';

const SINGULAR: Record<ScopeListSection, string> = {
  services: 'service',
  organizationalUnits: 'organizational unit',
  locations: 'location',
  interestedParties: 'interested party',
  otherParties: 'other party',
  exclusions: 'exclusion',
};

const HELP: Record<ScopeSection, string> = {
  general: 'Who runs the service management system, and anything the statement should add.',
  services: 'The services the SMS covers, and the customers each is provided to.',
  organizationalUnits: 'The parts of the organization that operate the SMS.',
  locations: 'Sites or regions the scope applies to.',
  interestedParties: 'Customers, users, regulators and others with needs the SMS must meet.',
  otherParties: 'Suppliers, internal teams or customers that operate part of a clause 8 process. Record how you control what they run (ISO/IEC 20000-1 8.2.3).',
  exclusions: 'What is deliberately left out, each with a justification.',
};

type AnyItem = Scope[ScopeListSection][number];

interface Props {
  section: ScopeSection;
  label: string;
  scope: Scope;
  options: ScopeOptions;
  readOnly: boolean;
  warnings: ScopeWarning[];
  problems: ScopeProblem[];
  onChange: (next: Scope) => void;
  /** Called with the path (`services.0.name`) of each field the user edits. */
  onTouched?: (path: string) => void;
}

export function ScopeSectionEditor({ section, label, scope, options, readOnly, warnings, problems, onChange, onTouched }: Props) {
  if (section === 'general') {
    return (
      <Section title={label} level="h3" description={HELP.general}>
        <TextField label="Organization" value={scope.organization} readOnly={readOnly} onChange={(v) => onChange({ ...scope, organization: v })} placeholder="e.g. Example Ltd, IT department" />
        <TextAreaField label="Notes for the statement" value={scope.notes} readOnly={readOnly} onChange={(v) => onChange({ ...scope, notes: v })} />
      </Section>
    );
  }
  const items = scope[section] as readonly AnyItem[];
  const setItems = (next: AnyItem[]) => onChange({ ...scope, [section]: next } as Scope);
  const update = (index: number, patch: Partial<AnyItem>) => {
    for (const field of Object.keys(patch)) onTouched?.(`${section}.${index}.${field}`);
    setItems(items.map((it, i) => (i === index ? ({ ...it, ...patch } as AnyItem) : it)));
  };
  const remove = (index: number) => setItems(items.filter((_, i) => i !== index));
  const add = () => setItems([...items, newItem(section, scope)]);
  const problemAt = (index: number, field: string) => problems.some((p) => p.path === `${section}.${index}.${field}`);
  const sectionWarnings = warnings.filter((w) => w.itemId === undefined);

  return (
    <Section
      title={`${label} (${items.length})`}
      level="h3"
      description={HELP[section]}
      actions={
        readOnly ? undefined : (
          <Button onClick={add} aria-label={`Add ${SINGULAR[section]}`}>
            {`Add ${SINGULAR[section]}`}
          </Button>
        )
      }
    >
      {sectionWarnings.map((w) => (
        <WarningLine key={w.code} warning={w} />
      ))}
      {items.length === 0 && <p style={subtleText}>{readOnly ? 'None recorded.' : `None yet. Use “Add ${SINGULAR[section]}” to record one.`}</p>}
      {items.map((item, index) => {
        const title = itemTitle(section, item, index);
        const itemWarnings = warnings.filter((w) => w.itemId === item.id);
        return (
          <Card key={item.id} label={title} tone={itemWarnings.some((w) => w.severity === 'warning') ? 'warning' : 'default'}>
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBlockEnd: space.s }}>
              <strong style={{ color: token('color.text', '#172B4D') }}>{title}</strong>
              {!readOnly && (
                <Button appearance="subtle" onClick={() => remove(index)} aria-label={`Remove ${title}`}>
                  Remove
                </Button>
              )}
            </div>
            <ItemFields section={section} item={item} options={options} readOnly={readOnly} invalid={(f) => problemAt(index, f)} onPatch={(p) => update(index, p)} />
            {itemWarnings.map((w) => (
              <WarningLine key={w.code + (w.field ?? '')} warning={w} />
            ))}
          </Card>
        );
      })}
    </Section>
  );
}

function itemTitle(section: ScopeListSection, item: AnyItem, index: number): string {
  const name = 'name' in item ? item.name : item.what;
  const kind = SINGULAR[section].charAt(0).toUpperCase() + SINGULAR[section].slice(1);
  return `${kind} ${index + 1}${name.trim() ? `: ${name.trim()}` : ''}`;
}

function WarningLine({ warning }: { warning: ScopeWarning }) {
  const colour = warning.severity === 'warning' ? token('color.text.warning', '#A54800') : token('color.text.subtle', '#44546F');
  return (
    <p style={{ color: colour, fontSize: '13px', marginBlock: space.xs }}>
      {warning.severity === 'warning' ? 'Warning: ' : 'Note: '}
      {warning.message}
    </p>
  );
}

function ItemFields({ section, item, options, readOnly, invalid, onPatch }: {
  section: ScopeListSection;
  item: AnyItem;
  options: ScopeOptions;
  readOnly: boolean;
  invalid: (field: string) => boolean;
  onPatch: (p: Partial<AnyItem>) => void;
}) {
  const row = { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: space.m } as const;
  switch (section) {
    case 'services': {
      const s = item as Scope['services'][number];
      return (
        <>
          <div style={row}>
            <TextField label="Name" value={s.name} readOnly={readOnly} invalid={invalid('name')} onChange={(v) => onPatch({ name: v })} />
            <ListField label="Customers" value={s.customers} readOnly={readOnly} hint="Separate names with commas." onChange={(v) => onPatch({ customers: v })} />
          </div>
          <TextAreaField label="Description" value={s.description} readOnly={readOnly} onChange={(v) => onPatch({ description: v })} />
        </>
      );
    }
    case 'organizationalUnits':
    case 'locations': {
      const u = item as Scope['locations'][number];
      return (
        <div style={row}>
          <TextField label="Name" value={u.name} readOnly={readOnly} invalid={invalid('name')} onChange={(v) => onPatch({ name: v })} />
          <TextField label="Description" value={u.description} readOnly={readOnly} onChange={(v) => onPatch({ description: v })} />
        </div>
      );
    }
    case 'interestedParties': {
      const p = item as Scope['interestedParties'][number];
      return (
        <>
          <div style={row}>
            <TextField label="Name" value={p.name} readOnly={readOnly} invalid={invalid('name')} onChange={(v) => onPatch({ name: v })} />
            <PickerField label="Kind" value={p.kind} options={options.interestedPartyKinds} disabled={readOnly} onChange={(v) => onPatch({ kind: v })} />
          </div>
          <TextAreaField label="Needs and expectations" value={p.needs} readOnly={readOnly} onChange={(v) => onPatch({ needs: v })} />
        </>
      );
    }
    case 'otherParties': {
      const o = item as Scope['otherParties'][number];
      return (
        <>
          <div style={row}>
            <TextField label="Name" value={o.name} readOnly={readOnly} invalid={invalid('name')} onChange={(v) => onPatch({ name: v })} />
            <PickerField label="Type" value={o.type} options={options.otherPartyTypes} disabled={readOnly} onChange={(v) => onPatch({ type: v })} />
          </div>
          <CheckboxGroup
            legend="Processes it operates"
            columns={2}
            options={options.processes.map((p) => ({ value: p.id, label: `${p.id} ${p.title}` }))}
            selected={o.operates}
            disabled={readOnly}
            onChange={(v) => onPatch({ operates: v })}
          />
          <TextAreaField label="Control applied (8.2.3)" value={o.control} readOnly={readOnly} onChange={(v) => onPatch({ control: v })} />
        </>
      );
    }
    case 'exclusions': {
      const e = item as Scope['exclusions'][number];
      return (
        <div style={row}>
          <TextField label="Excluded" value={e.what} readOnly={readOnly} invalid={invalid('what')} onChange={(v) => onPatch({ what: v })} />
          <TextAreaField label="Justification" value={e.justification} readOnly={readOnly} invalid={invalid('justification')} onChange={(v) => onPatch({ justification: v })} />
        </div>
      );
    }
  }
}
