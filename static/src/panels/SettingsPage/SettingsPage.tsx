import Button from '@atlaskit/button/new';
import { HelperMessage, Label } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import { SectionMessageAction } from '@atlaskit/section-message';
import TextField from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AppContextResponse } from '@contract/app-context';
import type { PeopleNames } from '@contract/people';
import type { ProjectSettingsResponse, ProjectSettingsView, SaveProjectSettingsPayload } from '@contract/settings';
import { getAppContext } from '../../api/get-app-context';
import { getProjectSettings } from '../../api/get-project-settings';
import { saveProjectSettings } from '../../api/save-project-settings';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { ResolverError, type ResolverErrorShape } from '../../components/ResolverError';

interface FormValues {
  confluenceSpaceKey: string;
  confluenceParentPageId: string;
  epicIssueTypeId: string;
  editorRoleId: string;
}

const FIELDS: { name: keyof FormValues; label: string; help: string; required?: boolean }[] = [
  { name: 'confluenceSpaceKey', label: 'Confluence space key', help: 'Reports are published in this space, for example SMS.', required: true },
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

export default function SettingsPage() {
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [loadError, setLoadError] = useState<ResolverErrorShape | undefined>();
  const [values, setValues] = useState<FormValues | undefined>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ResolverErrorShape | undefined>();
  const [savedVersion, setSavedVersion] = useState<number | undefined>();

  const load = useCallback(async () => {
    const [ctx, settings] = await Promise.all([getAppContext(), getProjectSettings()]);
    if (!ctx.ok) return setLoadError(ctx.error);
    if (!settings.ok) return setLoadError(settings.error);
    setLoaded({ appContext: ctx.data, settings: settings.data });
    setValues(toForm(settings.data));
    setSaveError(undefined);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (loadError !== undefined) return <div style={{ padding: token('space.200', '16px') }}><ResolverError error={loadError} /></div>;
  if (loaded === undefined || values === undefined) return <Loading label="Loading the settings" />;

  const { appContext, settings } = loaded;
  const editable = appContext.permissions.canEdit && appContext.permissions.isProjectAdmin;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!editable || saving) return;
    setSaving(true);
    setSaveError(undefined);
    setSavedVersion(undefined);
    const payload: SaveProjectSettingsPayload = {
      confluenceSpaceKey: values.confluenceSpaceKey.trim(),
      confluenceParentPageId: orNull(values.confluenceParentPageId),
      epicIssueTypeId: orNull(values.epicIssueTypeId),
      editorRoleId: orNull(values.editorRoleId),
      version: settings.version,
    };
    const result = await saveProjectSettings(payload);
    setSaving(false);
    if (!result.ok) return setSaveError(result.error);
    setLoaded({ appContext, settings: result.data });
    setValues(toForm(result.data));
    setSavedVersion(result.data.version);
  };

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
        {FIELDS.map((f) => {
          const id = `settings-${f.name}`;
          return (
            <div key={f.name} style={{ marginBlockEnd: token('space.200', '16px') }}>
              <Label htmlFor={id}>
                {f.label}
                {f.required ? ' (required)' : ''}
              </Label>
              <TextField
                id={id}
                name={f.name}
                value={values[f.name]}
                isReadOnly={!editable}
                isRequired={f.required === true}
                aria-describedby={`${id}-help`}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setValues((prev) => (prev === undefined ? prev : { ...prev, [f.name]: v }));
                }}
              />
              <HelperMessage testId={`${id}-help`}>
                <span id={`${id}-help`}>{f.help}</span>
              </HelperMessage>
            </div>
          );
        })}
        {editable && (
          <Button type="submit" appearance="primary" isLoading={saving}>
            Save settings
          </Button>
        )}
      </form>
    </div>
  );
}
