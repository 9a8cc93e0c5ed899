/**
 * A plain rendering of the report's ADF for the preview: headings, paragraphs, lists, tables, status lozenges,
 * panels, expands and issue cards (as links). Text is rendered as React text, never as HTML.
 */
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { CSSProperties, ReactNode } from 'react';
import { appearanceOfAdf } from '../../../components/vocabulary';

interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  content?: AdfNode[];
}

const cellStyle: CSSProperties = {
  border: `1px solid ${token('color.border', '#091E4224')}`,
  padding: token('space.075', '6px'),
  verticalAlign: 'top',
  textAlign: 'start',
};

const safeHref = (v: unknown): string | undefined => (typeof v === 'string' && /^https?:\/\//.test(v) ? v : undefined);

function renderText(node: AdfNode, key: number): ReactNode {
  let out: ReactNode = node.text ?? '';
  for (const m of node.marks ?? []) {
    if (m.type === 'strong') out = <strong>{out}</strong>;
    else if (m.type === 'em') out = <em>{out}</em>;
    else if (m.type === 'link') {
      const href = safeHref(m.attrs?.href);
      if (href !== undefined) out = <a href={href} target="_blank" rel="noreferrer">{out}</a>;
    }
  }
  return <span key={key}>{out}</span>;
}

function children(node: AdfNode): ReactNode[] {
  return (node.content ?? []).map((c, i) => renderNode(c, i));
}

function renderNode(node: AdfNode, key: number): ReactNode {
  switch (node.type) {
    case 'doc':
      return <div key={key}>{children(node)}</div>;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level ?? 2)));
      const Tag = `h${level}` as 'h1';
      return <Tag key={key} style={{ marginBlock: token('space.150', '12px') }}>{children(node)}</Tag>;
    }
    case 'paragraph':
      return <p key={key}>{children(node)}</p>;
    case 'text':
      return renderText(node, key);
    case 'hardBreak':
      return <br key={key} />;
    case 'bulletList':
      return <ul key={key}>{children(node)}</ul>;
    case 'orderedList':
      return <ol key={key}>{children(node)}</ol>;
    case 'listItem':
      return <li key={key}>{children(node)}</li>;
    case 'rule':
      return <hr key={key} />;
    case 'table':
      return (
        <div key={key} style={{ overflowX: 'auto', marginBlock: token('space.100', '8px') }}>
          <table style={{ borderCollapse: 'collapse', width: '100%' }}>
            <tbody>{children(node)}</tbody>
          </table>
        </div>
      );
    case 'tableRow':
      return <tr key={key}>{children(node)}</tr>;
    case 'tableHeader':
      return <th key={key} scope="col" style={{ ...cellStyle, background: token('color.background.neutral', '#091E420F') }}>{children(node)}</th>;
    case 'tableCell':
      return <td key={key} style={cellStyle}>{children(node)}</td>;
    case 'status':
      return (
        <Lozenge key={key} appearance={appearanceOfAdf(node.attrs?.color)}>
          {String(node.attrs?.text ?? '')}
        </Lozenge>
      );
    case 'inlineCard': {
      const href = safeHref(node.attrs?.url);
      const label = href?.split('/').pop() ?? 'link';
      return href === undefined ? null : <a key={key} href={href} target="_blank" rel="noreferrer">{decodeURIComponent(label)}</a>;
    }
    case 'panel':
      return (
        <div key={key} style={{ background: token('color.background.information', '#E9F2FF'), padding: token('space.150', '12px'), borderRadius: token('radius.medium', '4px'), marginBlock: token('space.100', '8px') }}>
          {children(node)}
        </div>
      );
    case 'expand':
      return (
        <details key={key} style={{ marginBlock: token('space.100', '8px') }}>
          <summary>{String(node.attrs?.title ?? 'Details')}</summary>
          {children(node)}
        </details>
      );
    default:
      return node.content ? <div key={key}>{children(node)}</div> : null;
  }
}

export function AdfPreview({ adf, label }: { adf: unknown; label: string }) {
  return (
    <div
      role="region"
      aria-label={label}
      style={{
        border: `1px solid ${token('color.border', '#091E4224')}`,
        borderRadius: token('radius.large', '8px'),
        padding: token('space.200', '16px'),
        maxHeight: '640px',
        overflowY: 'auto',
        background: token('elevation.surface', '#FFFFFF'),
      }}
    >
      {renderNode(adf as AdfNode, 0)}
    </div>
  );
}
