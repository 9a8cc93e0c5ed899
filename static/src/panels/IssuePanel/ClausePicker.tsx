import Select from '@atlaskit/select';
import type { ClauseOption } from '@contract/mapping';
import { useMemo } from 'react';

interface Option {
  value: string;
  label: string;
  /** The clause's search terms (ClauseOption.terms). */
  terms: readonly string[];
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
    group?.options.push({ value: c.id, label: `${c.id} ${c.title}`, terms: c.terms });
  }
  return [...tops.values()].filter((g) => g.options.length > 0);
}

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Whether a clause option matches what was typed: its number ("8.6" finds 8.6.1), its title, or the suggestion
 * vocabulary with synonyms the server sends as `terms` ("SLA", "known error", "KPI").
 */
export function optionMatches(o: Pick<Option, 'label' | 'terms'>, input: string): boolean {
  const q = norm(input);
  if (q === '') return true;
  const label = norm(o.label);
  if (label.includes(q)) return true;
  if (o.terms.some((t) => t.includes(q))) return true;
  const words = q.split(' ');
  return words.every((w) => label.includes(w) || o.terms.some((t) => t.includes(w)));
}

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
  const groups = useMemo(() => groupClauses(clauses, exclude), [clauses, exclude]);
  const selected = value === undefined || value === null ? null : (groups.flatMap((g) => g.options).find((o) => o.value === value) ?? null);
  return (
    <Select<Option, false>
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
      filterOption={(o, input) => optionMatches(o.data, input)}
      menuPlacement="auto"
    />
  );
}
