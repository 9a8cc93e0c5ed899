import Button from '@atlaskit/button/new';
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import { SectionMessageAction } from '@atlaskit/section-message';
import TextField from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { AppContextResponse } from '@contract/app-context';
import type { PeopleNames } from '@contract/people';
import type {
  GetSettingsOptionsResponse,
  ProjectSettingsResponse,
  ProjectSettingsView,
  SaveProjectSettingsPayload,
  SettingsSpaceOptions,
} from '@contract/settings';
import { getAppContext } from '../../api/get-app-context';
import { getProjectSettings } from '../../api/get-project-settings';
import { getSettingsOptions } from '../../api/get-settings-options';
import { saveProjectSettings } from '../../api/save-project-settings';
import { Loading } from '../../components/Loading';
import { nativeControl } from '../../components/kit/fields';
import { Notice } from '../../components/Notice';
import { ConfluenceNotConnected } from '../../components/ConfluenceNotConnected';
import { ResolverError, type ResolverErrorShape } from '../../components/ResolverError';

interface FormValues {
  confluenceSpaceKey: string;
  confluenceParentPageId: string;
  epicIssueTypeId: string;
  editorRoleId: string;
}

type FieldName = keyof FormValues;

const FIELDS: { name: FieldName; label: string; help: string; required?: boolean }[] = [
  { name: 'confluenceSpaceKey', label: 'Confluence space key', help: 'Reports are published in this space, for example SMS. Press Enter or leave the field to list its pages.', required: true },
  { name: 'confluenceParentPageId', label: 'Parent page ID', help: 'Optional. Reports go under this page; empty means the space home page.' },
  { name: 'epicIssueTypeId', label: 'Epic issue type ID', help: "Optional. Overrides the project's own epic type (the issue type at hierarchy level 1)." },
  { name: 'editorRoleId', label: 'Editor project role ID', help: 'Optional. Members of this project role may change SMS data; project administrators always can.' },
];

const FIELD_LABELS: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f.name, f.label]));

const toForm = (s: ProjectSettingsView): FormValues => ({
  confluenceSpaceKey: s.confluenceSpaceKey ?? '',
  confluenceParentPageId: s.confluenceParentPageId ?? '',
  epicIssueTypeId: s.epicIssueTypeId ?? '',
  editorRoleId: s.editorRoleId ?? '',
});

const savedBy = (by: string | null, me: string, people: PeopleNames): string => (by === null ? '' : by === me ? ' by you' : ` by ${people[by] ?? by}`);

const orNull = (v: string): string | null => (v.trim() === '' ? null : v.trim());

type Loaded = { appContext: AppContextResponse; settings: ProjectSettingsResponse };

/** The state of one options lookup. */
type Lookup<T> =
  | { status: 'idle' }
  | { status: 'loading'; key?: string }
  | { status: 'ok'; key?: string; data: T }
  | { status: 'error'; key?: string; error: ResolverErrorShape };

type JiraOptions = Pick<GetSettingsOptionsResponse, 'issueTypes' | 'roles'>;

/** Field -> message from a VALIDATION_FAILED error's details.issues. */
function fieldErrorsOf(error: ResolverErrorShape | undefined): Partial<Record<FieldName, string>> {
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

const selectStyle = { ...nativeControl, width: '100%', boxSizing: 'border-box' } as const;

/** One labelled form row: label, control, error (when any) and help, wired with aria-describedby. */
function Row({ field, error, children }: { field: (typeof FIELDS)[number]; error?: string | undefined; children: (describedBy: string) => ReactNode }) {
  const id = `settings-${field.name}`;
  const describedBy = error !== undefined ? `${id}-error ${id}-help` : `${id}-help`;
  return (
    <div style={{ marginBlockEnd: token('space.200', '16px') }}>
      <Label htmlFor={id}>
        {field.label}
        {field.required ? ' (required)' : ''}
      </Label>
      {children(describedBy)}
      {error !== undefined && (
        <ErrorMessage testId={`${id}-error`}>
          <span id={`${id}-error`}>{error}</span>
        </ErrorMessage>
      )}
      <HelperMessage testId={`${id}-help`}>
        <span id={`${id}-help`}>{field.help}</span>
      </HelperMessage>
    </div>
  );
}

/** The <option>s of the parent page select: the home page default, then the space's pages, then a saved id not listed. */
function pageOptions(space: SettingsSpaceOptions, current: string): ReactNode[] {
  const home = space.pages.find((p) => p.isHomepage);
  const out: ReactNode[] = [
    <option key="" value="">
      {`The space home page${home !== undefined ? ` (${home.title})` : ''}`}
    </option>,
  ];
  for (const p of space.pages) {
    out.push(
      <option key={p.id} value={p.id}>
        {p.isHomepage ? `${p.title} (home page)` : p.title}
      </option>,
    );
  }
  if (current !== '' && !space.pages.some((p) => p.id === current)) {
    out.push(
      <option key={current} value={current}>
        {space.truncated ? `Page ${current}` : `Page ${current} (not a page of ${space.key})`}
      </option>,
    );
  }
  return out;
}

export default function SettingsPage() {
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [loadError, setLoadError] = useState<ResolverErrorShape | undefined>();
  const [values, setValues] = useState<FormValues | undefined>();
  const [saving, setSaving] = useState(false);
  /** Everyone who can edit an issue may map its clauses (off: administrators and the editor role only). */
  const [mappingOpen, setMappingOpen] = useState(false);
  const [saveError, setSaveError] = useState<ResolverErrorShape | undefined>();
  /** The values of the save that failed: a field's error shows only while the field still holds that value. */
  const [attempt, setAttempt] = useState<FormValues | undefined>();
  const [savedVersion, setSavedVersion] = useState<number | undefined>();
  const [jira, setJira] = useState<Lookup<JiraOptions>>({ status: 'idle' });
  const [space, setSpace] = useState<Lookup<SettingsSpaceOptions>>({ status: 'idle' });
  /** The key of the latest space lookup: an older answer arriving late is dropped. */
  const latestSpaceKey = useRef<string | undefined>(undefined);

  const checkSpace = useCallback(async (rawKey: string, keepParent: boolean) => {
    const key = rawKey.trim();
    latestSpaceKey.current = key;
    if (key === '') return setSpace({ status: 'idle' });
    setSpace({ status: 'loading', key });
    const result = await getSettingsOptions({ confluenceSpaceKey: key, includeJira: false });
    if (latestSpaceKey.current !== key) return;
    if (!result.ok) return setSpace({ status: 'error', key, error: result.error });
    const options = result.data.space;
    if (options === null) return setSpace({ status: 'idle' });
    setSpace({ status: 'ok', key, data: options });
    // A page of another space cannot be the parent: a new space starts at its home page.
    if (!keepParent) setValues((prev) => (prev === undefined || options.pages.some((p) => p.id === prev.confluenceParentPageId) ? prev : { ...prev, confluenceParentPageId: '' }));
  }, []);

  const load = useCallback(async () => {
    const [ctx, settings] = await Promise.all([getAppContext(), getProjectSettings()]);
    if (!ctx.ok) return setLoadError(ctx.error);
    if (!settings.ok) return setLoadError(settings.error);
    setLoaded({ appContext: ctx.data, settings: settings.data });
    setValues(toForm(settings.data));
    setMappingOpen(settings.data.issueMappingOpen);
    setSaveError(undefined);
    // The options resolver is for project administrators, like saving; readers see the stored ids.
    if (!(ctx.data.permissions.canEdit && ctx.data.permissions.isProjectAdmin)) return;
    setJira({ status: 'loading' });
    // Without Confluence the space lookup could only fail: the page says so once, at the top.
    if (ctx.data.confluence.connected) void checkSpace(settings.data.confluenceSpaceKey ?? '', true);
    const options = await getSettingsOptions({ includeJira: true });
    setJira(options.ok ? { status: 'ok', data: { issueTypes: options.data.issueTypes, roles: options.data.roles } } : { status: 'error', error: options.error });
  }, [checkSpace]);

  useEffect(() => {
    void load();
  }, [load]);

  if (loadError !== undefined) return <div style={{ padding: token('space.200', '16px') }}><ResolverError error={loadError} /></div>;
  if (loaded === undefined || values === undefined) return <Loading label="Loading the settings" />;

  const { appContext, settings } = loaded;
  const editable = appContext.permissions.canEdit && appContext.permissions.isProjectAdmin;
  const fieldErrors = Object.fromEntries(
    Object.entries(fieldErrorsOf(saveError)).filter(([name]) => attempt?.[name as FieldName] === values[name as FieldName]),
  ) as Partial<Record<FieldName, string>>;
  const [spaceField, parentField, epicField, roleField] = FIELDS as [(typeof FIELDS)[number], (typeof FIELDS)[number], (typeof FIELDS)[number], (typeof FIELDS)[number]];

  const set = (name: FieldName, v: string) => setValues((prev) => (prev === undefined ? prev : { ...prev, [name]: v }));

  // The space and its page are checked in Confluence: without it they cannot be chosen, nor the settings saved.
  const confluenceOn = appContext.confluence.connected;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!editable || saving || !confluenceOn) return;
    setSaving(true);
    setSaveError(undefined);
    setSavedVersion(undefined);
    setAttempt(values);
    const payload: SaveProjectSettingsPayload = {
      confluenceSpaceKey: values.confluenceSpaceKey.trim(),
      confluenceParentPageId: orNull(values.confluenceParentPageId),
      epicIssueTypeId: orNull(values.epicIssueTypeId),
      editorRoleId: orNull(values.editorRoleId),
      issueMappingOpen: mappingOpen,
      version: settings.version,
    };
    const result = await saveProjectSettings(payload);
    setSaving(false);
    if (!result.ok) return setSaveError(result.error);
    setLoaded({ appContext, settings: result.data });
    setValues(toForm(result.data));
    setMappingOpen(result.data.issueMappingOpen);
    setSavedVersion(result.data.version);
  };

  /** A plain text field: the read-only view, and the fallback when no options could be listed. */
  const textField = (f: (typeof FIELDS)[number], extra?: { onBlur?: () => void; onEnter?: () => void; invalid?: boolean; readOnly?: boolean }) => (
    <Row field={f} error={fieldErrors[f.name]}>
      {(describedBy) => (
        <TextField
          id={`settings-${f.name}`}
          name={f.name}
          value={values[f.name]}
          isReadOnly={!editable || extra?.readOnly === true}
          isRequired={f.required === true}
          isInvalid={extra?.invalid === true || fieldErrors[f.name] !== undefined}
          aria-describedby={describedBy}
          onChange={(e) => set(f.name, e.currentTarget.value)}
          onBlur={extra?.onBlur}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && extra?.onEnter !== undefined) {
              e.preventDefault();
              extra.onEnter();
            }
          }}
        />
      )}
    </Row>
  );

  /** A select over `options` with `empty` as the no-choice option; a stored id missing from the list stays selectable. */
  const select = (f: (typeof FIELDS)[number], empty: string, options: { value: string; label: string }[], missing: (id: string) => string) => {
    const current = values[f.name];
    const all = current !== '' && !options.some((o) => o.value === current) ? [...options, { value: current, label: missing(current) }] : options;
    return (
      <Row field={f} error={fieldErrors[f.name]}>
        {(describedBy) => (
          <select
            id={`settings-${f.name}`}
            name={f.name}
            value={current}
            aria-describedby={describedBy}
            aria-invalid={fieldErrors[f.name] !== undefined}
            style={selectStyle}
            onChange={(e) => set(f.name, e.currentTarget.value)}
          >
            <option value="">{empty}</option>
            {all.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Row>
    );
  };

  /** A disabled select saying why there is nothing to choose yet (loading, or no valid space). */
  const placeholderSelect = (f: (typeof FIELDS)[number], text: string, busy: boolean) => (
    <Row field={f} error={fieldErrors[f.name]}>
      {(describedBy) => (
        <select id={`settings-${f.name}`} name={f.name} disabled aria-busy={busy} aria-describedby={describedBy} style={selectStyle} value="">
          <option value="">{text}</option>
        </select>
      )}
    </Row>
  );

  const spaceError = space.status === 'error' ? space.error.message : undefined;
  const spaceRow = !editable || !confluenceOn ? (
    textField(spaceField, { readOnly: true })
  ) : (
    <Row field={spaceField} error={spaceError ?? fieldErrors.confluenceSpaceKey}>
      {(describedBy) => (
        <div style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'center' }}>
          <div style={{ flex: 1 }}>
            <TextField
              id="settings-confluenceSpaceKey"
              name="confluenceSpaceKey"
              value={values.confluenceSpaceKey}
              isRequired
              isInvalid={spaceError !== undefined || fieldErrors.confluenceSpaceKey !== undefined}
              aria-describedby={describedBy}
              onChange={(e) => set('confluenceSpaceKey', e.currentTarget.value)}
              onBlur={() => {
                if (values.confluenceSpaceKey.trim() !== (latestSpaceKey.current ?? '')) void checkSpace(values.confluenceSpaceKey, false);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void checkSpace(values.confluenceSpaceKey, false);
                }
              }}
            />
          </div>
          <Button onClick={() => void checkSpace(values.confluenceSpaceKey, false)} isLoading={space.status === 'loading'}>
            List pages
          </Button>
        </div>
      )}
    </Row>
  );

  let parentRow: ReactNode;
  if (!editable || !confluenceOn) parentRow = textField(parentField, { readOnly: true });
  else if (space.status === 'loading') parentRow = placeholderSelect(parentField, `Loading the pages of ${space.key ?? 'the space'}…`, true);
  else if (space.status === 'ok' && space.data.pages.length > 0) {
    parentRow = (
      <Row field={parentField} error={fieldErrors.confluenceParentPageId}>
        {(describedBy) => (
          <select
            id="settings-confluenceParentPageId"
            name="confluenceParentPageId"
            value={values.confluenceParentPageId}
            aria-describedby={describedBy}
            aria-invalid={fieldErrors.confluenceParentPageId !== undefined}
            style={selectStyle}
            onChange={(e) => set('confluenceParentPageId', e.currentTarget.value)}
          >
            {pageOptions(space.data, values.confluenceParentPageId)}
          </select>
        )}
      </Row>
    );
  } else if (space.status === 'ok') parentRow = textField(parentField);
  else parentRow = placeholderSelect(parentField, 'Enter an existing space key to choose a page', false);

  const types = jira.status === 'ok' ? jira.data.issueTypes : null;
  const roles = jira.status === 'ok' ? jira.data.roles : null;
  const defaultEpic = types?.find((t) => t.isDefaultEpic);
  let jiraRows: ReactNode;
  if (!editable || jira.status === 'error') {
    jiraRows = (
      <>
        {jira.status === 'error' && (
          <div role="alert" style={{ marginBlockEnd: token('space.200', '16px') }}>
            <Notice appearance="warning" title="Issue types and roles could not be listed">
              {jira.error.message} You can still type the ids.
            </Notice>
          </div>
        )}
        {textField(epicField)}
        {textField(roleField)}
      </>
    );
  } else if (types === null || roles === null) {
    jiraRows = (
      <>
        {placeholderSelect(epicField, 'Loading the issue types…', true)}
        {placeholderSelect(roleField, 'Loading the project roles…', true)}
      </>
    );
  } else {
    jiraRows = (
      <>
        {select(
          epicField,
          defaultEpic !== undefined ? `Use the project's epic type (${defaultEpic.name})` : "Use the project's epic type (none found)",
          types.filter((t) => t.hierarchyLevel >= 0).map((t) => ({ value: t.id, label: t.hierarchyLevel === 1 ? `${t.name} (epic level)` : t.name })),
          (id) => `Issue type ${id} (not in this project)`,
        )}
        {select(
          roleField,
          'No editor role: only project administrators',
          roles.map((r) => ({ value: r.id, label: r.name })),
          (id) => `Role ${id} (not in this project)`,
        )}
      </>
    );
  }

  return (
    <div style={{ padding: token('space.200', '16px'), maxWidth: '640px' }}>
      <Heading size="large" as="h1">
        SMS Navigator settings
      </Heading>
      <p style={{ marginBlock: token('space.100', '8px'), color: token('color.text.subtle', '#44546F') }}>
        Settings for project <strong>{appContext.project.key}</strong>.{' '}
        {settings.updatedAt !== null
          ? `Version ${settings.version}, last saved ${new Date(settings.updatedAt).toLocaleString()}${savedBy(settings.updatedBy, appContext.user.accountId, settings.people)}.`
          : 'Not saved yet.'}
      </p>
      {/* The space and page pickers need Confluence; without it they answer CONFLUENCE_NOT_CONNECTED. */}
      <ConfluenceNotConnected confluence={appContext.confluence} />
      {!editable && (
        <Notice appearance="information" title="Read only">
          Only project administrators can change these settings. You can see them.
        </Notice>
      )}
      {savedVersion !== undefined && (
        <div role="status">
          <Notice appearance="success" title="Settings saved">
            Saved as version {savedVersion}.
          </Notice>
        </div>
      )}
      {saveError !== undefined && (
        <div role="alert">
          <ResolverError
            error={saveError}
            fieldLabels={FIELD_LABELS}
            action={
              saveError.code === 'CONFLICT' ? (
                <SectionMessageAction onClick={() => void load()}>Load the latest settings (replaces your changes)</SectionMessageAction>
              ) : undefined
            }
          />
        </div>
      )}
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Project settings" style={{ marginBlockStart: token('space.200', '16px') }}>
        {spaceRow}
        {parentRow}
        {jiraRows}
        <p style={{ marginBlock: token('space.200', '16px') }}>
          <label>
            <input type="checkbox" checked={mappingOpen} disabled={!editable || !confluenceOn} onChange={(e) => setMappingOpen(e.target.checked)} /> Everyone who can edit an
            issue may map its ISO 20000 clauses
          </label>
          <br />
          <span style={{ fontSize: '12px', color: token('color.text.subtle', '#44546F') }}>
            Off: only project administrators and the editor role, as mapping decides what the gap report counts as evidence.
          </span>
        </p>
        {editable && confluenceOn && (
          <Button type="submit" appearance="primary" isLoading={saving}>
            Save settings
          </Button>
        )}
        {editable && !confluenceOn && (
          <p style={{ color: token('color.text.subtle', '#44546F') }}>Saving needs Confluence: the space and its page are checked there.</p>
        )}
      </form>
    </div>
  );
}
