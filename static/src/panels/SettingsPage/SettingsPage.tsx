import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import { SectionMessageAction } from '@atlaskit/section-message';
import Select from '@atlaskit/select';
import TextField from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { AppContextResponse } from '@contract/app-context';
import type { PeopleNames } from '@contract/people';
import type { GetSettingsOptionsResponse, ProjectSettingsResponse, ProjectSettingsView, SaveProjectSettingsPayload, SettingsSpaceOptions } from '@contract/settings';
import { getAppContext } from '../../api/get-app-context';
import { getProjectSettings } from '../../api/get-project-settings';
import { getSettingsOptions } from '../../api/get-settings-options';
import { saveProjectSettings } from '../../api/save-project-settings';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../format/dates';
import { Notice } from '../../components/Notice';
import { ConfluenceNotConnected } from '../../components/ConfluenceNotConnected';
import { ResolverError, type ResolverErrorShape } from '../../components/ResolverError';
import {
  FIELDS,
  FIELD_LABELS,
  FieldNotes,
  type Choice,
  type FieldName,
  type FormValues,
  epicTypeChoices,
  fieldErrorsOf,
  pageChoices,
  roleChoices,
  spaceChoices,
} from './settings-fields';

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

/** One labelled Atlaskit select of the form (`settings-<name>` is its input), with its error and help lines. */
function PickerRow({ name, value, choices, onChange, error, busy, placeholder, disabled }: {
  name: FieldName;
  value: string;
  choices: readonly Choice[];
  onChange: (v: string) => void;
  error?: string | undefined;
  busy?: boolean;
  placeholder?: string;
  disabled?: boolean;
}) {
  const id = `settings-${name}`;
  return (
    <div>
      <Label htmlFor={id}>{FIELDS[name].label}</Label>
      <Select<Choice, false>
        inputId={id}
        name={name}
        options={[...choices]}
        value={choices.find((c) => c.value === value) ?? null}
        isLoading={busy}
        isDisabled={disabled === true || busy === true}
        isInvalid={error !== undefined}
        placeholder={placeholder ?? 'Choose…'}
        aria-describedby={error !== undefined ? `${id}-error ${id}-help` : `${id}-help`}
        onChange={(o) => {
          if (o !== null) onChange(o.value);
        }}
      />
      <FieldNotes name={name} error={error} />
    </div>
  );
}

/** A field shown but not choosable (read only, or its product unavailable), with the reason as its help. */
function ReadOnlyRow({ name, text, reason }: { name: FieldName; text: string; reason?: string }) {
  const id = `settings-${name}`;
  return (
    <div>
      <Label htmlFor={id}>{FIELDS[name].label}</Label>
      <TextField id={id} name={name} value={text} isReadOnly aria-describedby={`${id}-help`} />
      <FieldNotes name={name} help={reason} />
    </div>
  );
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
  const [spaces, setSpaces] = useState<Lookup<GetSettingsOptionsResponse['spaces']>>({ status: 'idle' });
  const [space, setSpace] = useState<Lookup<SettingsSpaceOptions>>({ status: 'idle' });
  /** The key of the latest space lookup: an older answer arriving late is dropped. */
  const latestSpaceKey = useRef<string | undefined>(undefined);

  /** Lists the pages of the space `key` (for the parent page); a page of another space is dropped. */
  const loadPages = useCallback(async (key: string, keepParent: boolean) => {
    latestSpaceKey.current = key;
    if (key === '') return setSpace({ status: 'idle' });
    setSpace({ status: 'loading', key });
    const result = await getSettingsOptions({ confluenceSpaceKey: key, includeJira: false });
    if (latestSpaceKey.current !== key) return;
    if (!result.ok) return setSpace({ status: 'error', key, error: result.error });
    const options = result.data.space;
    if (options === null) return setSpace({ status: 'idle' });
    setSpace({ status: 'ok', key, data: options });
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
    // The options are for project administrators, like saving; readers see the stored values.
    if (!(ctx.data.permissions.canEdit && ctx.data.permissions.isProjectAdmin)) return;
    setJira({ status: 'loading' });
    const connected = ctx.data.confluence.connected;
    if (connected) {
      setSpaces({ status: 'loading' });
      void loadPages(settings.data.confluenceSpaceKey ?? '', true);
    }
    const options = await getSettingsOptions({ includeJira: true, includeSpaces: connected });
    setJira(options.ok ? { status: 'ok', data: { issueTypes: options.data.issueTypes, roles: options.data.roles } } : { status: 'error', error: options.error });
    if (connected) setSpaces(options.ok ? { status: 'ok', data: options.data.spaces } : { status: 'error', error: options.error });
  }, [loadPages]);

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
  const set = (name: FieldName, v: string) => setValues((prev) => (prev === undefined ? prev : { ...prev, [name]: v }));
  const confluenceOn = appContext.confluence.connected;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!editable || saving) return;
    setSaving(true);
    setSaveError(undefined);
    setSavedVersion(undefined);
    setAttempt(values);
    const payload: SaveProjectSettingsPayload = {
      // Without Confluence the server keeps the stored space and page (they cannot be checked).
      confluenceSpaceKey: confluenceOn ? orNull(values.confluenceSpaceKey) : null,
      confluenceParentPageId: confluenceOn ? orNull(values.confluenceParentPageId) : null,
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

  // Confluence: the space by name and its parent page by title; shown, not choosable, without Confluence.
  const unavailable = 'Unavailable while Confluence is not connected to this site: the stored value is kept when you save.';
  let confluenceRows;
  if (!editable || !confluenceOn) {
    const reason = confluenceOn ? undefined : unavailable;
    confluenceRows = (
      <>
        <ReadOnlyRow name="confluenceSpaceKey" text={settings.confluenceSpaceKey ?? 'Not chosen'} {...(reason !== undefined ? { reason } : {})} />
        <ReadOnlyRow name="confluenceParentPageId" text={settings.confluenceParentPageId === null ? 'The space home page' : `Page ${settings.confluenceParentPageId}`} {...(reason !== undefined ? { reason } : {})} />
      </>
    );
  } else {
    const spaceList = spaces.status === 'ok' ? (spaces.data ?? []) : [];
    const spaceError = space.status === 'error' ? space.error.message : spaces.status === 'error' ? `The spaces could not be listed: ${spaces.error.message}` : undefined;
    confluenceRows = (
      <>
        <PickerRow
          name="confluenceSpaceKey"
          value={values.confluenceSpaceKey}
          choices={spaceChoices(spaceList, values.confluenceSpaceKey)}
          busy={spaces.status === 'loading'}
          placeholder="Choose a space…"
          error={spaceError ?? fieldErrors.confluenceSpaceKey}
          onChange={(key) => {
            set('confluenceSpaceKey', key);
            void loadPages(key, false);
          }}
        />
        <PickerRow
          name="confluenceParentPageId"
          value={values.confluenceParentPageId}
          choices={space.status === 'ok' ? pageChoices(space.data, values.confluenceParentPageId) : []}
          busy={space.status === 'loading'}
          disabled={space.status !== 'ok'}
          placeholder={space.status === 'loading' ? 'Loading the pages…' : 'Choose a space first'}
          error={fieldErrors.confluenceParentPageId}
          onChange={(v) => set('confluenceParentPageId', v)}
        />
      </>
    );
  }

  // Jira: the epic type and the editor role by name.
  let jiraRows;
  const types = jira.status === 'ok' ? jira.data.issueTypes : null;
  const roles = jira.status === 'ok' ? jira.data.roles : null;
  if (!editable || jira.status === 'error' || (jira.status === 'ok' && (types === null || roles === null))) {
    const why = jira.status === 'error' ? `The issue types and roles could not be listed: ${jira.error.message}` : undefined;
    jiraRows = (
      <>
        <ReadOnlyRow name="epicIssueTypeId" text={settings.epicIssueTypeId === null ? "The project's epic type" : `Issue type ${settings.epicIssueTypeId}`} {...(why !== undefined ? { reason: why } : {})} />
        <ReadOnlyRow name="editorRoleId" text={settings.editorRoleId === null ? 'No editor role' : `Role ${settings.editorRoleId}`} {...(why !== undefined ? { reason: why } : {})} />
      </>
    );
  } else {
    jiraRows = (
      <>
        <PickerRow name="epicIssueTypeId" value={values.epicIssueTypeId} choices={epicTypeChoices(types ?? [], values.epicIssueTypeId)} busy={types === null} error={fieldErrors.epicIssueTypeId} onChange={(v) => set('epicIssueTypeId', v)} />
        <PickerRow name="editorRoleId" value={values.editorRoleId} choices={roleChoices(roles ?? [], values.editorRoleId)} busy={roles === null} error={fieldErrors.editorRoleId} onChange={(v) => set('editorRoleId', v)} />
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
          ? `Version ${settings.version}, last saved ${formatDateTime(settings.updatedAt)}${savedBy(settings.updatedBy, appContext.user.accountId, settings.people)}.`
          : 'Not saved yet.'}
      </p>
      <ConfluenceNotConnected confluence={appContext.confluence} />
      {!editable && (
        <Notice appearance="information" title="Read only">
          Only project administrators can change these settings. You can see them.
        </Notice>
      )}
      {savedVersion !== undefined && (
        <div role="status">
          <Notice appearance="success" title="Settings saved">
            Saved as version {savedVersion}.{confluenceOn ? '' : ' The Confluence space and page were kept as they were.'}
          </Notice>
        </div>
      )}
      {saveError !== undefined && (
        <div role="alert">
          <ResolverError
            error={saveError}
            fieldLabels={FIELD_LABELS}
            action={saveError.code === 'CONFLICT' ? <SectionMessageAction onClick={() => void load()}>Load the latest settings (replaces your changes)</SectionMessageAction> : undefined}
          />
        </div>
      )}
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Project settings" style={{ marginBlockStart: token('space.200', '16px') }}>
        <Heading size="small" as="h2">
          Confluence
        </Heading>
        {confluenceRows}
        <Heading size="small" as="h2">
          Jira
        </Heading>
        {jiraRows}
        <p style={{ marginBlock: token('space.200', '16px') }}>
          <label>
            <input type="checkbox" checked={mappingOpen} disabled={!editable} onChange={(e) => setMappingOpen(e.target.checked)} /> Everyone who can edit an issue may map its
            ISO 20000 clauses
          </label>
          <br />
          <span style={{ fontSize: '12px', color: token('color.text.subtle', '#44546F') }}>
            Off: only project administrators and the editor role, as mapping decides what the gap report counts as evidence.
          </span>
        </p>
        {editable && (
          <Button type="submit" appearance="primary" isLoading={saving}>
            Save settings
          </Button>
        )}
      </form>
    </div>
  );
}
