import EmptyState from '@atlaskit/empty-state';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';

/** An honest empty state for a view whose feature is not built yet: what it will do, and that it is not there. */
export function PlannedFeature({ title, description, reference }: { title: string; description: string; reference: string }) {
  return (
    <div style={{ paddingBlock: token('space.300', '24px') }}>
      <EmptyState
        header={title}
        headingLevel={3}
        description={
          <>
            <span style={{ display: 'block', marginBlockEnd: token('space.100', '8px') }}>{description}</span>
            <Lozenge appearance="moved">Not built yet</Lozenge>{' '}
            <span style={{ color: token('color.text.subtlest', '#626F86') }}>{reference}</span>
          </>
        }
      />
    </div>
  );
}
