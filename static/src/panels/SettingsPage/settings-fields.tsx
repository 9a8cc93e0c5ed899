/**
 * The fields of the settings form: what each one means, and the choice lists built from getSettingsOptions with
 * human labels (a space by name, a page by title, an issue type and a role by name). A stored id or key that is
 * not in the list stays choosable, named as such.
 */
import { ErrorMessage, HelperMessage } from '@atlaskit/form';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import type { SettingsIssueTypeOption, SettingsRoleOption, SettingsSpaceChoice, SettingsSpaceOptions } from '@contract/settings';
import type { ResolverErrorShape } from '../../components/ResolverError';

export interface FormValues {
  confluenceSpaceKey: string;
  confluenceParentPageId: string;
  epicIssueTypeId: string;
  editorRoleId: string;
}

export type FieldName = keyof FormValues;

export interface FieldDef {
  name: FieldName;
  label: string;
  help: string;
}

export const FIELDS: Record<FieldName, FieldDef> = {
  confluenceSpaceKey: { name: 'confluenceSpaceKey', label: 'Confluence space', help: 'Reports and the business case are published in this space. Type its name or key.' },
  confluenceParentPageId: { name: 'confluenceParentPageId', label: 'Parent page', help: 'Optional. Reports go under this page; none means under the space home page.' },
  epicIssueTypeId: { name: 'epicIssueTypeId', label: 'Epic issue type', help: "Optional. Overrides the project's own epic type (the issue type at the epic level)." },
  editorRoleId: { name: 'editorRoleId', label: 'Editor project role', help: 'Optional. Members of this project role may change SMS data; project administrators always can.' },
};

export const FIELD_LABELS: Record<string, string> = Object.fromEntries(Object.values(FIELDS).map((f) => [f.name, f.label]));

export interface Choice {
  value: string;
  label: string;
}

/** A stored value missing from `options` is kept as a choice, named by `missing`. */
const withCurrent = (options: Choice[], current: string, missing: (v: string) => string): Choice[] =>
  current !== '' && !options.some((o) => o.value === current) ? [...options, { value: current, label: missing(current) }] : options;

/** Spaces by name, the key beside it (typing either finds it; the match ignores case). */
export const spaceChoices = (spaces: readonly SettingsSpaceChoice[], current: string): Choice[] =>
  withCurrent(
    spaces.map((s) => ({ value: s.key, label: `${s.name} (${s.key})` })),
    current,
    (k) => `${k} (not found, or you cannot see it)`,
  );

/** The home page default first, then the space's pages by title. */
export function pageChoices(space: SettingsSpaceOptions, current: string): Choice[] {
  const home = space.pages.find((p) => p.isHomepage);
  const pages = space.pages.map((p) => ({ value: p.id, label: p.isHomepage ? `${p.title} (home page)` : p.title }));
  return [
    { value: '', label: `Under the space home page${home !== undefined ? ` (${home.title})` : ''}` },
    ...withCurrent(pages, current, (id) => (space.truncated ? `Page ${id}` : `Page ${id} (not a page of ${space.key})`)),
  ];
}

export function epicTypeChoices(types: readonly SettingsIssueTypeOption[], current: string): Choice[] {
  const defaultEpic = types.find((t) => t.isDefaultEpic);
  return [
    { value: '', label: defaultEpic !== undefined ? `The project's epic type (${defaultEpic.name})` : "The project's epic type (none found)" },
    ...withCurrent(
      types.filter((t) => t.hierarchyLevel >= 0).map((t) => ({ value: t.id, label: t.hierarchyLevel === 1 ? `${t.name} (epic level)` : t.name })),
      current,
      (id) => `Issue type ${id} (not in this project)`,
    ),
  ];
}

export const roleChoices = (roles: readonly SettingsRoleOption[], current: string): Choice[] => [
  { value: '', label: 'No editor role: only project administrators' },
  ...withCurrent(
    roles.map((r) => ({ value: r.id, label: r.name })),
    current,
    (id) => `Role ${id} (not in this project)`,
  ),
];

/** Field -> message from a VALIDATION_FAILED error's details.issues. */
export function fieldErrorsOf(error: ResolverErrorShape | undefined): Partial<Record<FieldName, string>> {
  const issues = error?.code === 'VALIDATION_FAILED' ? error.details?.issues : undefined;
  if (!Array.isArray(issues)) return {};
  const out: Partial<Record<FieldName, string>> = {};
  for (const i of issues as unknown[]) {
    if (i === null || typeof i !== 'object') continue;
    const { path, message } = i as { path?: unknown; message?: unknown };
    if (typeof path === 'string' && path in FIELD_LABELS && typeof message === 'string') out[path as FieldName] ??= message;
  }
  return out;
}

/** The error (when any) and help lines under a field, with the ids its control names in aria-describedby. */
export function FieldNotes({ name, error, help }: { name: FieldName; error?: string | undefined; help?: ReactNode }) {
  const id = `settings-${name}`;
  return (
    <div style={{ marginBlockEnd: token('space.200', '16px') }}>
      {error !== undefined && (
        <ErrorMessage testId={`${id}-error`}>
          <span id={`${id}-error`}>{error}</span>
        </ErrorMessage>
      )}
      <HelperMessage testId={`${id}-help`}>
        <span id={`${id}-help`}>{help ?? FIELDS[name].help}</span>
      </HelperMessage>
    </div>
  );
}
