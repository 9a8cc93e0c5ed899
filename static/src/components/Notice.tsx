import SectionMessage from '@atlaskit/section-message';
import type { ReactElement, ReactNode } from 'react';

type Appearance = 'information' | 'warning' | 'error' | 'success' | 'discovery';

/** A SectionMessage with the app's spacing; used for errors and read-only hints. `action` is a SectionMessageAction. */
export function Notice({ appearance, title, children, action }: { appearance: Appearance; title: string; children: ReactNode; action?: ReactElement }) {
  return (
    <SectionMessage appearance={appearance} title={title} actions={action === undefined ? undefined : [action]}>
      {children}
    </SectionMessage>
  );
}
