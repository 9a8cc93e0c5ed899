import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { subtleText } from './kit/text';

export function Loading({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px'), padding: token('space.200', '16px') }}>
      <Spinner size="medium" label={label} />
      <span style={subtleText}>{label}…</span>
    </div>
  );
}
