/** Status lines: the polite live region for "Saved" and similar confirmations. */
import { token } from '@atlaskit/tokens';

export function StatusLine({ text }: { text: string | null }) {
  return (
    <div role="status" aria-live="polite" style={{ color: token('color.text.success', '#216E4E'), minHeight: '20px', marginBlock: token('space.100', '8px') }}>
      {text}
    </div>
  );
}
