import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { router } from '@forge/bridge';
import type { AppContextResponse } from '@contract/app-context';
import { subtleText } from '../../components/kit/text';

/** Project name, the user's rights in words, and the way to the settings for those who may change them. */
export function ProjectHeader({ appContext }: { appContext: AppContextResponse }) {
  const { project, permissions } = appContext;
  const rights = permissions.isProjectAdmin ? 'Project administrator' : permissions.canEdit ? 'Editor' : 'Read only';
  return (
    <header style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: token('space.200', '16px'), marginBlockEnd: token('space.200', '16px') }}>
      <div>
        <Heading size="large" as="h1">
          SMS Navigator
        </Heading>
        <p style={{ marginBlockStart: token('space.050', '4px'), color: token('color.text.subtle', '#44546F') }}>
          Service management system for project <strong>{project.key}</strong>, following ISO/IEC 20000-1:2018 and the guidance of ISO/IEC TS 20000-5:2022.
        </p>
      </div>
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px') }} aria-label="Your access">
        <span style={subtleText}>Your access:</span>
        <Lozenge appearance={permissions.canEdit ? 'success' : 'default'}>{rights}</Lozenge>
        {permissions.isProjectAdmin && (
          <Button appearance="subtle" onClick={() => void router.navigate({ target: 'module', moduleKey: 'sms-navigator-project-settings' })}>
            Project settings
          </Button>
        )}
      </div>
    </header>
  );
}
