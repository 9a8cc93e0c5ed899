/**
 * Page layout: the spacing scale, a titled Section (its heading level follows the page) and a Card.
 * Only token() colours; light and dark follow the host theme.
 */
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { createContext, useContext, type ReactNode } from 'react';
import { subtleText } from './text';

export const space = {
  xs: token('space.050', '4px'),
  s: token('space.100', '8px'),
  m: token('space.200', '16px'),
  l: token('space.300', '24px'),
};

/**
 * The heading level of a Section that names none: h2 on a page whose title is the h1 (settings), h3 inside a
 * project page view (whose title is the h2), so headings never skip a level.
 */
export const SectionLevel = createContext<'h2' | 'h3' | 'h4'>('h2');

export function Section({ title, level: explicit, actions, children, description }: { title: string; level?: 'h2' | 'h3' | 'h4'; actions?: ReactNode; children: ReactNode; description?: ReactNode }) {
  const inherited = useContext(SectionLevel);
  const level = explicit ?? inherited;
  return (
    <section aria-label={title} style={{ marginBlockStart: space.l }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: space.s, marginBlockEnd: space.s }}>
        <Heading size={level === 'h2' ? 'medium' : level === 'h3' ? 'small' : 'xsmall'} as={level}>
          {title}
        </Heading>
        {actions !== undefined && <div style={{ display: 'flex', flexWrap: 'wrap', gap: space.s }}>{actions}</div>}
      </div>
      {description !== undefined && <p style={{ ...subtleText, marginBlockEnd: space.s }}>{description}</p>}
      {children}
    </section>
  );
}

export function Card({ children, label, tone = 'default' }: { children: ReactNode; label?: string; tone?: 'default' | 'warning' }) {
  return (
    <div
      role={label === undefined ? undefined : 'group'}
      aria-label={label}
      style={{
        border: `1px solid ${tone === 'warning' ? token('color.border.warning', '#E56910') : token('color.border', '#091E4224')}`,
        borderRadius: token('radius.large', '8px'),
        background: token('elevation.surface.raised', '#FFFFFF'),
        boxShadow: token('elevation.shadow.raised', 'none'),
        padding: space.m,
        marginBlockEnd: space.m,
      }}
    >
      {children}
    </div>
  );
}
