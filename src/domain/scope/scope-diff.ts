/**
 * A structured diff between two scopes (or two saved versions): per section, the items added, removed and
 * changed (matched by id, so a rename is a change, not a remove + add), with field-level old -> new values.
 * `formatScopeDiff` turns it into plain lines for reports.
 */
import { type Scope, type ScopeSection, SCOPE_SECTIONS, INTERESTED_PARTY_KIND_LABELS, OTHER_PARTY_TYPE_LABELS } from './scope';
import { type ScopeVersion } from './scope-version';

export type FieldValue = string | string[];

export interface FieldChange {
  field: string;
  label: string;
  from: FieldValue;
  to: FieldValue;
  /** For list fields: entries only in `to` / only in `from`. Empty for text fields. */
  added: string[];
  removed: string[];
}

export interface ItemRef {
  id: string;
  label: string;
}

export interface ItemChange extends ItemRef {
  /** The label before the change when it differs (rename). */
  previousLabel?: string;
  fields: FieldChange[];
}

export interface SectionDiff {
  section: ScopeSection;
  label: string;
  added: ItemRef[];
  removed: ItemRef[];
  changed: ItemChange[];
}

export interface ScopeDiff {
  /** Only sections with at least one change, in SCOPE_SECTIONS order. */
  sections: SectionDiff[];
  /** Number of added + removed + changed items. */
  changeCount: number;
  isEmpty: boolean;
}

export interface ScopeVersionDiff extends ScopeDiff {
  fromVersion: number;
  toVersion: number;
}

interface FieldSpec<T> {
  field: string;
  label: string;
  get: (item: T) => FieldValue;
}

const str = (s: string): string => s.trim();

const FIELDS: { [K in Exclude<ScopeSection, 'general'>]: { label: (item: Scope[K][number]) => string; fields: FieldSpec<Scope[K][number]>[] } } = {
  services: {
    label: (s) => s.name,
    fields: [
      { field: 'name', label: 'Name', get: (s) => str(s.name) },
      { field: 'description', label: 'Description', get: (s) => str(s.description) },
      { field: 'customers', label: 'Customers', get: (s) => s.customers },
    ],
  },
  organizationalUnits: {
    label: (u) => u.name,
    fields: [
      { field: 'name', label: 'Name', get: (u) => str(u.name) },
      { field: 'description', label: 'Description', get: (u) => str(u.description) },
    ],
  },
  locations: {
    label: (l) => l.name,
    fields: [
      { field: 'name', label: 'Name', get: (l) => str(l.name) },
      { field: 'description', label: 'Description', get: (l) => str(l.description) },
    ],
  },
  interestedParties: {
    label: (p) => p.name,
    fields: [
      { field: 'name', label: 'Name', get: (p) => str(p.name) },
      { field: 'kind', label: 'Kind', get: (p) => INTERESTED_PARTY_KIND_LABELS[p.kind] },
      { field: 'needs', label: 'Needs and expectations', get: (p) => str(p.needs) },
    ],
  },
  otherParties: {
    label: (p) => p.name,
    fields: [
      { field: 'name', label: 'Name', get: (p) => str(p.name) },
      { field: 'type', label: 'Type', get: (p) => OTHER_PARTY_TYPE_LABELS[p.type] },
      { field: 'operates', label: 'Operates', get: (p) => p.operates },
      { field: 'control', label: 'Control applied', get: (p) => str(p.control) },
    ],
  },
  exclusions: {
    label: (e) => e.what,
    fields: [
      { field: 'what', label: 'Excluded', get: (e) => str(e.what) },
      { field: 'justification', label: 'Justification', get: (e) => str(e.justification) },
    ],
  },
};

const GENERAL_FIELDS: FieldSpec<Scope>[] = [
  { field: 'organization', label: 'Organization', get: (s) => str(s.organization) },
  { field: 'notes', label: 'Notes', get: (s) => str(s.notes) },
];

function fieldChange<T>(spec: FieldSpec<T>, a: T, b: T): FieldChange | null {
  const from = spec.get(a);
  const to = spec.get(b);
  if (Array.isArray(from) || Array.isArray(to)) {
    const fa = Array.isArray(from) ? from : [from];
    const ta = Array.isArray(to) ? to : [to];
    const added = ta.filter((x) => !fa.includes(x));
    const removed = fa.filter((x) => !ta.includes(x));
    if (added.length === 0 && removed.length === 0 && fa.length === ta.length) return null;
    return { field: spec.field, label: spec.label, from: fa, to: ta, added, removed };
  }
  if (from === to) return null;
  return { field: spec.field, label: spec.label, from, to, added: [], removed: [] };
}

function diffList<K extends Exclude<ScopeSection, 'general'>>(section: K, a: Scope, b: Scope, label: string): SectionDiff {
  const spec = FIELDS[section] as unknown as { label: (item: { id: string }) => string; fields: FieldSpec<{ id: string }>[] };
  const before = a[section] as readonly { id: string }[];
  const after = b[section] as readonly { id: string }[];
  const beforeById = new Map(before.map((i) => [i.id, i]));
  const afterIds = new Set(after.map((i) => i.id));
  const out: SectionDiff = { section, label, added: [], removed: [], changed: [] };
  for (const item of after) {
    const old = beforeById.get(item.id);
    if (!old) {
      out.added.push({ id: item.id, label: spec.label(item) });
      continue;
    }
    const fields = spec.fields.map((f) => fieldChange(f, old, item)).filter((c): c is FieldChange => c !== null);
    if (fields.length > 0) {
      const change: ItemChange = { id: item.id, label: spec.label(item), fields };
      if (spec.label(old) !== spec.label(item)) change.previousLabel = spec.label(old);
      out.changed.push(change);
    }
  }
  for (const item of before) {
    if (!afterIds.has(item.id)) out.removed.push({ id: item.id, label: spec.label(item) });
  }
  return out;
}

export function diffScopes(a: Scope, b: Scope): ScopeDiff {
  const sections: SectionDiff[] = [];
  for (const { key, label } of SCOPE_SECTIONS) {
    let d: SectionDiff;
    if (key === 'general') {
      const fields = GENERAL_FIELDS.map((f) => fieldChange(f, a, b)).filter((c): c is FieldChange => c !== null);
      d = { section: key, label, added: [], removed: [], changed: fields.length > 0 ? [{ id: 'general', label, fields }] : [] };
    } else {
      d = diffList(key, a, b, label);
    }
    if (d.added.length + d.removed.length + d.changed.length > 0) sections.push(d);
  }
  const changeCount = sections.reduce((n, s) => n + s.added.length + s.removed.length + s.changed.length, 0);
  return { sections, changeCount, isEmpty: changeCount === 0 };
}

/** Diff between two saved versions, oldest first whatever order they are given in. */
export function diffScopeVersions(a: ScopeVersion, b: ScopeVersion): ScopeVersionDiff {
  const [older, newer] = a.version <= b.version ? [a, b] : [b, a];
  return { ...diffScopes(older.scope, newer.scope), fromVersion: older.version, toVersion: newer.version };
}

const show = (v: FieldValue): string => {
  if (Array.isArray(v)) return v.length === 0 ? '(none)' : v.join(', ');
  return v === '' ? '(empty)' : `“${v}”`;
};

/** Plain-text lines, one per added/removed item and per changed field. */
export function formatScopeDiff(diff: ScopeDiff): string[] {
  if (diff.isEmpty) return ['No changes.'];
  const lines: string[] = [];
  for (const s of diff.sections) {
    for (const i of s.added) lines.push(`${s.label}: added “${i.label}”.`);
    for (const i of s.removed) lines.push(`${s.label}: removed “${i.label}”.`);
    for (const c of s.changed) {
      const who = s.section === 'general' ? s.label : `${s.label}: “${c.previousLabel ?? c.label}”`;
      for (const f of c.fields) {
        if (f.added.length + f.removed.length > 0) {
          const parts = [
            f.added.length > 0 ? `added ${f.added.join(', ')}` : '',
            f.removed.length > 0 ? `removed ${f.removed.join(', ')}` : '',
          ].filter((p) => p !== '');
          lines.push(`${who} — ${f.label}: ${parts.join('; ')}.`);
        } else {
          lines.push(`${who} — ${f.label}: ${show(f.from)} → ${show(f.to)}.`);
        }
      }
    }
  }
  return lines;
}
