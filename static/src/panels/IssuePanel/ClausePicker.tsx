import Select from '@atlaskit/select';
import type { ClauseOption } from '@contract/mapping';
import { useMemo } from 'react';

interface Option {
  value: string;
  label: string;
}

interface Group {
  label: string;
  options: Option[];
}

/** Clause options grouped under their top-level clause ("8 Operation of the SMS"), numbers first so typing "8.6" finds them. */
export function groupClauses(clauses: readonly ClauseOption[], exclude: ReadonlySet<string> = new Set()): Group[] {
  const tops = new Map<string, Group>();
  for (const c of clauses) {
    if (c.depth === 1) tops.set(c.id, { label: `${c.id} ${c.title}`, options: [] });
  }
  for (const c of clauses) {
    if (exclude.has(c.id)) continue;
    const group = tops.get(c.topId);
    group?.options.push({ value: c.id, label: `${c.id} ${c.title}` });
  }
  return [...tops.values()].filter((g) => g.options.length > 0);
}

/** A searchable single-clause picker; `onPick` fires once per choice and the field clears itself. */
export function ClausePicker({
  id,
  label,
  clauses,
  exclude,
  onPick,
  disabled,
}: {
  id: string;
  label: string;
  clauses: readonly ClauseOption[];
  exclude?: ReadonlySet<string>;
  onPick: (clauseId: string) => void;
  disabled?: boolean;
}) {
  const groups = useMemo(() => groupClauses(clauses, exclude), [clauses, exclude]);
  return (
    <Select<Option, false>
      inputId={id}
      aria-label={label}
      options={groups}
      value={null}
      isDisabled={disabled}
      placeholder="Type a clause number or words of its title"
      onChange={(o) => {
        if (o) onPick(o.value);
      }}
      filterOption={(o, input) => o.label.toLowerCase().includes(input.trim().toLowerCase())}
      menuPlacement="auto"
    />
  );
}
