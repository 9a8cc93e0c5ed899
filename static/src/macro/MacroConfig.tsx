/**
 * The "SMS readiness" macro's configuration (Confluence opens it on insert and from "Edit" on the macro): pick a
 * Jira project you may browse (the list is Jira's project search made as you) and save it into the macro with
 * view.submit({ config }). The project is only a name: every viewer's Browse right is checked when the macro reads.
 */
import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import { view } from '@forge/bridge';
import { useId, useState } from 'react';
import { useResolver } from '../api/use-resolver';
import { space } from '../components/kit/layout';
import { fieldLabel, subtleText } from '../components/kit/text';

/** The macro's configuration: the Jira project it shows (both or neither). */
export interface MacroProjectConfig {
  projectId?: string;
  projectKey?: string;
}

interface ProjectOption {
  value: string;
  label: string;
  key: string;
}

export function MacroConfig({ current }: { current: MacroProjectConfig }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const projects = useResolver('listMacroProjects', { query });
  const options: ProjectOption[] = (projects.data?.projects ?? []).map((p) => ({ value: p.id, key: p.key, label: `${p.name} (${p.key})` }));
  const [chosen, setChosen] = useState<ProjectOption | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // The project saved before, named by its key until the list (which may not reach it) gives its name.
  const saved: ProjectOption | null =
    current.projectId === undefined || current.projectKey === undefined
      ? null
      : (options.find((o) => o.value === current.projectId) ?? { value: current.projectId, key: current.projectKey, label: current.projectKey });
  const selected = chosen ?? saved;

  const save = async (): Promise<void> => {
    if (selected === null) return;
    try {
      await view.submit({ config: { projectId: selected.value, projectKey: selected.key } });
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <form
      style={{
        padding: space.m,
        fontFamily: token('font.family.body', 'system-ui, sans-serif'),
        color: token('color.text', '#172B4D'),
        // Confluence shows the configuration in a dialog: the form fills its frame in the overlay surface.
        background: token('elevation.surface.overlay', '#FFFFFF'),
        minHeight: '100vh',
        boxSizing: 'border-box',
      }}
      aria-label="SMS readiness configuration"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor={id} style={fieldLabel}>
        Jira project
      </label>
      <Select<ProjectOption, false>
        inputId={id}
        options={options}
        value={selected}
        isLoading={projects.data === undefined && projects.error === undefined}
        onInputChange={(text, meta) => {
          if (meta.action === 'input-change') setQuery(text.trim());
        }}
        onChange={(o) => setChosen(o)}
        placeholder="Type a project key or name"
        noOptionsMessage={() => (query === '' ? 'You cannot browse any Jira project.' : `No project you can browse matches “${query}”.`)}
      />
      <p style={{ ...subtleText, margin: `${space.xs} 0 ${space.s}` }}>
        {projects.error !== undefined
          ? `The projects could not be listed: ${projects.error.message}`
          : projects.data?.more === true
            ? 'Only the first projects are listed: type more of the key or name.'
            : 'Only the projects you may browse are listed; each reader of the page sees the readiness only if they may browse the project too.'}
      </p>
      {failure !== null && (
        <p role="alert" style={{ color: token('color.text.danger', '#AE2E24') }}>
          The macro could not be saved: {failure}
        </p>
      )}
      <div style={{ display: 'flex', gap: space.s, justifyContent: 'flex-end' }}>
        <Button appearance="subtle" onClick={() => void view.close().catch(() => undefined)}>
          Cancel
        </Button>
        <Button type="submit" appearance="primary" isDisabled={selected === null}>
          Save
        </Button>
      </div>
    </form>
  );
}
