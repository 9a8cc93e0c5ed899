/**
 * Jira-native form controls with a visible label: a date picker (@atlaskit/datetime-picker), a single select
 * (@atlaskit/select) and a user picker backed by Jira's user search (names and avatars shown, account ids kept).
 * Used where the first-hour views had native <select>s, date inputs and "Account ID" text fields.
 */
import { formatDate } from '../format/dates';
import Avatar from '@atlaskit/avatar';
import { DatePicker } from '@atlaskit/datetime-picker';
import Select, { AsyncSelect } from '@atlaskit/select';
import { useCallback, useId, useState } from 'react';
import type { PeopleNames, UserOption } from '@contract/people';
import { searchUsers } from '../api/search-users';
import { FieldHint } from './kit/fields';
import { space } from './kit/layout';
import { fieldLabel, visuallyHidden } from './kit/text';

/** A date (ISO YYYY-MM-DD, '' for none) picked from Jira's calendar. */
export function DateField({ label, value, onChange, readOnly, hint, width = 180 }: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  readOnly?: boolean;
  hint?: string;
  width?: number | string;
}) {
  const id = useId();
  return (
    <div style={{ marginBlockEnd: space.s, width }}>
      <label htmlFor={id} style={fieldLabel}>
        {label}
      </label>
      <DatePicker
        id={id}
        value={value}
        isDisabled={readOnly}
        onChange={(v) => onChange(v)}
        spacing="compact"
        placeholder="No date"
        clearControlLabel={`Clear ${label.toLowerCase()}`}
        formatDisplayLabel={(day) => formatDate(day)}
      />
      <FieldHint id={id} hint={hint} />
    </div>
  );
}

interface Opt<V extends string> {
  value: V;
  label: string;
}

/** One value from a short list, as Jira's own selects show it. */
export function PickerField<V extends string>({ label, value, options, onChange, disabled, hideLabel, width = 280, placeholder, hint }: {
  label: string;
  value: V | null;
  options: readonly Opt<V>[];
  onChange: (v: V) => void;
  disabled?: boolean;
  hideLabel?: boolean;
  width?: number | string;
  placeholder?: string;
  hint?: string;
}) {
  const id = useId();
  const selected = options.find((o) => o.value === value) ?? null;
  return (
    <div style={{ marginBlockEnd: hideLabel ? 0 : space.s, width, maxWidth: '100%' }}>
      <label htmlFor={id} style={hideLabel ? visuallyHidden : fieldLabel}>
        {label}
      </label>
      <Select<Opt<V>, false>
        inputId={id}
        spacing="compact"
        isDisabled={disabled}
        options={[...options]}
        value={selected}
        placeholder={placeholder ?? 'Choose…'}
        menuPortalTarget={typeof document === 'undefined' ? undefined : document.body}
        styles={{ menuPortal: (base) => ({ ...base, zIndex: 600 }) }}
        onChange={(o) => {
          if (o !== null) onChange(o.value);
        }}
      />
      <FieldHint id={id} hint={hint} />
    </div>
  );
}

interface UserOpt {
  value: string;
  label: string;
  avatarUrl: string | null;
}

/** Names and avatars of the people found in this page's searches (a just-picked person is named before saving). */
const found = new Map<string, UserOpt>();

const toOpt = (u: UserOption): UserOpt => {
  const o = { value: u.accountId, label: u.displayName, avatarUrl: u.avatarUrl };
  found.set(o.value, o);
  return o;
};

/** The option of an account id: from this page's searches, else the view's names, else the id itself. */
const optionOf = (accountId: string, people: PeopleNames | undefined): UserOpt =>
  found.get(accountId) ?? { value: accountId, label: people?.[accountId] ?? accountId, avatarUrl: null };

/** The display name of an account id known to the pickers or the view. */
export const pickedName = (accountId: string, people: PeopleNames | undefined): string => optionOf(accountId, people).label;

function UserLabel({ o }: { o: UserOpt }) {
  return (
    <span style={{ display: 'inline-flex', gap: space.s, alignItems: 'center' }}>
      <Avatar size="xsmall" name={o.label} src={o.avatarUrl ?? undefined} />
      {o.label}
    </span>
  );
}

/**
 * The picker's search: Jira's user search (it matches names and email addresses, so the options are not filtered
 * again on the label), and why it found nothing when the search itself failed (instead of "no user found").
 */
function useUserSearch() {
  const [failure, setFailure] = useState<string | null>(null);
  const load = useCallback(async (query: string): Promise<UserOpt[]> => {
    if (query.trim() === '') return [];
    const r = await searchUsers({ query: query.trim() });
    setFailure(r.ok ? null : `Jira's user search failed: ${r.error.message}`);
    return r.ok ? r.data.users.map(toOpt) : [];
  }, []);
  const noOptionsMessage = ({ inputValue }: { inputValue: string }): string =>
    inputValue.trim() === '' ? 'Type a name to search Jira users' : (failure ?? 'No Jira user found');
  /** The select props both pickers share: the search, names with avatars, the menu above dialogs. */
  return {
    loadOptions: load,
    filterOption: null,
    placeholder: 'Type a name…',
    noOptionsMessage,
    formatOptionLabel: (o: UserOpt) => <UserLabel o={o} />,
    menuPortalTarget: typeof document === 'undefined' ? undefined : document.body,
    styles: { menuPortal: <T extends object>(base: T) => ({ ...base, zIndex: 600 }) },
  };
}

/** One person (account id), found by name through Jira's user search. */
export function UserPickerField({ label, value, people, onChange, readOnly, hint, width = 280 }: {
  label: string;
  value: string | null;
  /** Display names of account ids already known (from the view). */
  people?: PeopleNames;
  onChange: (accountId: string | null) => void;
  readOnly?: boolean;
  hint?: string;
  width?: number | string;
}) {
  const id = useId();
  const search = useUserSearch();
  const current: UserOpt | null = value === null || value === '' ? null : optionOf(value, people);
  return (
    <div style={{ marginBlockEnd: space.s, width, maxWidth: '100%' }}>
      <label htmlFor={id} style={fieldLabel}>
        {label}
      </label>
      <AsyncSelect<UserOpt, false>
        inputId={id}
        spacing="compact"
        isDisabled={readOnly}
        isClearable
        {...search}
        value={current}
        onChange={(o) => onChange(o === null ? null : o.value)}
      />
      <FieldHint id={id} hint={hint} />
    </div>
  );
}

/** Several people (account ids), found by name through Jira's user search. */
export function UsersPickerField({ label, value, people, onChange, readOnly, hint, width = 360 }: {
  label: string;
  value: readonly string[];
  people?: PeopleNames;
  onChange: (accountIds: string[]) => void;
  readOnly?: boolean;
  hint?: string;
  width?: number | string;
}) {
  const id = useId();
  const search = useUserSearch();
  const current: UserOpt[] = value.map((v) => optionOf(v, people));
  return (
    <div style={{ marginBlockEnd: space.s, width, maxWidth: '100%' }}>
      <label htmlFor={id} style={fieldLabel}>
        {label}
      </label>
      <AsyncSelect<UserOpt, true>
        inputId={id}
        isMulti
        spacing="compact"
        isDisabled={readOnly}
        {...search}
        value={current}
        onChange={(os) => onChange(os.map((o) => o.value))}
      />
      <FieldHint id={id} hint={hint} />
    </div>
  );
}
