import Select from '@atlaskit/select';
import type { ClauseOption } from '@contract/mapping';
import { useMemo } from 'react';
import { type ClauseChoice, groupClauses, optionMatches } from './clause-options';

const NONE: ReadonlySet<string> = new Set();
const matches = (o: { data: ClauseChoice }, input: string): boolean => optionMatches(o.data, input);

/**
 * A searchable single-clause picker. With `value` it shows the chosen clause (a form field); without, `onPick`
 * fires once per choice and the field clears itself (an "add" action).
 */
export function ClausePicker({
  id,
  label,
  clauses,
  exclude,
  onPick,
  disabled,
  value,
  autoFocus,
}: {
  id: string;
  label: string;
  clauses: readonly ClauseOption[];
  exclude?: ReadonlySet<string>;
  onPick: (clauseId: string) => void;
  disabled?: boolean;
  value?: string | null;
  autoFocus?: boolean;
}) {
  // The options keep their identity across the parent's re-renders (a default `exclude` made afresh on every
  // render rebuilt them): react-select tracks the highlighted option by identity, and new objects moved the
  // highlight back to the first match, so Enter picked that one (5.2.2 after "SLA") instead of the one shown.
  const groups = useMemo(() => groupClauses(clauses, exclude ?? NONE), [clauses, exclude]);
  const selected = useMemo(
    () => (value === undefined || value === null ? null : (groups.flatMap((g) => g.options).find((o) => o.value === value) ?? null)),
    [groups, value],
  );
  return (
    <Select<ClauseChoice, false>
      inputId={id}
      aria-label={label}
      options={groups}
      value={selected}
      isDisabled={disabled}
      autoFocus={autoFocus}
      placeholder="Type a clause number, title words or a term such as SLA"
      onChange={(o) => {
        if (o) onPick(o.value);
      }}
      filterOption={matches}
      menuPlacement="auto"
    />
  );
}
