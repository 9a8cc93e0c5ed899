/**
 * Small building blocks shared by the Scope, Maturity and Phases panels: labelled fields (Atlaskit text
 * inputs, native selects and checkboxes styled with tokens), a titled section, a status line and a few
 * formatting helpers. Only token() colours; light and dark follow the host theme.
 */
import Heading from '@atlaskit/heading';
import Textarea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { createContext, useContext, useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { PeopleNames } from '@contract/people';
import { formatDateTime } from '../format/dates';

export const space = {
  xs: token('space.050', '4px'),
  s: token('space.100', '8px'),
  m: token('space.200', '16px'),
  l: token('space.300', '24px'),
};

export const subtleText: CSSProperties = { color: token('color.text.subtle', '#44546F') };

const labelStyle: CSSProperties = {
  display: 'block',
  fontSize: '12px',
  fontWeight: 600,
  marginBlockEnd: space.xs,
  color: token('color.text.subtle', '#44546F'),
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

let idCounter = 0;
export function useId(prefix: string): string {
  const ref = useRef<string>('');
  if (ref.current === '') ref.current = `${prefix}-${++idCounter}`;
  return ref.current;
}

export function TextField({ label, value, onChange, readOnly, type = 'text', placeholder, width, invalid, hint }: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  readOnly?: boolean;
  type?: 'text' | 'date';
  placeholder?: string;
  width?: number | string;
  invalid?: boolean;
  hint?: string;
}) {
  const id = useId('tf');
  return (
    <div style={{ marginBlockEnd: space.s, minWidth: 0 }}>
      <label htmlFor={id} style={labelStyle}>
        {label}
      </label>
      <Textfield
        id={id}
        type={type}
        value={value}
        isReadOnly={readOnly}
        isInvalid={invalid}
        placeholder={placeholder}
        width={width}
        isCompact
        aria-describedby={hint === undefined ? undefined : `${id}-hint`}
        onChange={(e) => onChange((e.target as HTMLInputElement).value)}
      />
      {hint !== undefined && (
        <div id={`${id}-hint`} style={{ ...subtleText, fontSize: '12px', marginBlockStart: space.xs }}>
          {hint}
        </div>
      )}
    </div>
  );
}

export function TextAreaField({ label, value, onChange, readOnly, rows = 2, invalid, hint }: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  readOnly?: boolean;
  rows?: number;
  invalid?: boolean;
  hint?: string;
}) {
  const id = useId('ta');
  return (
    <div style={{ marginBlockEnd: space.s, minWidth: 0 }}>
      <label htmlFor={id} style={labelStyle}>
        {label}
      </label>
      <Textarea
        id={id}
        value={value}
        isReadOnly={readOnly}
        isInvalid={invalid}
        minimumRows={rows}
        resize="vertical"
        aria-describedby={hint === undefined ? undefined : `${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint !== undefined && (
        <div id={`${id}-hint`} style={{ ...subtleText, fontSize: '12px', marginBlockStart: space.xs }}>
          {hint}
        </div>
      )}
    </div>
  );
}

export const nativeControl: CSSProperties = {
  font: 'inherit',
  fontSize: '14px',
  color: token('color.text', '#172B4D'),
  background: token('color.background.input', '#FFFFFF'),
  border: `1px solid ${token('color.border.input', '#8590A2')}`,
  borderRadius: token('radius.small', '3px'),
  padding: `${token('space.050', '4px')} ${token('space.100', '8px')}`,
  minHeight: '32px',
  maxWidth: '100%',
};

export function SelectField<V extends string>({ label, value, options, onChange, disabled, hideLabel }: {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (v: V) => void;
  disabled?: boolean;
  hideLabel?: boolean;
}) {
  const id = useId('sel');
  return (
    <div style={{ marginBlockEnd: hideLabel ? 0 : space.s }}>
      <label htmlFor={id} style={hideLabel ? visuallyHidden : labelStyle}>
        {label}
      </label>
      <select id={id} value={value} disabled={disabled} style={{ ...nativeControl, maxWidth: hideLabel ? '280px' : '100%' }} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxGroup({ legend, options, selected, onChange, disabled, columns = 3 }: {
  legend: string;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  disabled?: boolean;
  columns?: number;
}) {
  const set = new Set(selected);
  return (
    <fieldset style={{ border: 'none', padding: 0, margin: `0 0 ${space.s} 0`, minWidth: 0 }}>
      <legend style={labelStyle}>{legend}</legend>
      <div style={{ display: 'grid', gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gap: `${space.xs} ${space.m}` }}>
        {options.map((o) => (
          <label key={o.value} style={{ display: 'flex', gap: space.s, alignItems: 'flex-start', fontSize: '13px', color: token('color.text', '#172B4D') }}>
            <input
              type="checkbox"
              checked={set.has(o.value)}
              disabled={disabled}
              style={{ accentColor: token('color.background.selected.bold', '#0C66E4'), marginBlockStart: '3px' }}
              onChange={(e) => onChange(options.filter((x) => (x.value === o.value ? e.target.checked : set.has(x.value))).map((x) => x.value))}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  padding: 0,
  margin: '-1px',
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/** A polite live region for "Saved" and similar confirmations. */
export function StatusLine({ text }: { text: string | null }) {
  return (
    <div role="status" aria-live="polite" style={{ color: token('color.text.success', '#216E4E'), minHeight: '20px', marginBlock: space.s }}>
      {text}
    </div>
  );
}

/** A date and time in the user's locale and time zone (the one formatter, static/src/format/dates.ts). */
export const formatWhen = (iso: string | null): string => formatDateTime(iso);

/** The display name of `accountId` from a view's `people` map; the id itself when Jira gave no name. */
export function nameOf(people: PeopleNames | undefined, accountId: string | null | undefined): string {
  if (accountId === null || accountId === undefined || accountId === '') return '';
  return people?.[accountId] ?? accountId;
}

/** A person a view names: their display name, with the account id in the tooltip. */
export function Who({ accountId, people }: { accountId: string | null; people?: PeopleNames }) {
  if (accountId === null) return null;
  return <span title={accountId}>{nameOf(people, accountId)}</span>;
}

export const ROMAN = ['–', 'I', 'II', 'III'] as const;

/** Calls `fn` with `value` once it has stopped changing for `ms`. Skips the first value. */
export function useDebouncedEffect<T>(value: T, ms: number, fn: (v: T) => void): void {
  const first = useRef(true);
  const latest = useRef(fn);
  latest.current = fn;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return undefined;
    }
    const t = setTimeout(() => latest.current(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
}

/** Text input that edits a list as comma-separated text without fighting the user's typing. */
export function ListField({ label, value, onChange, readOnly, hint, normalise = (s) => s }: {
  label: string;
  value: readonly string[];
  onChange: (v: string[]) => void;
  readOnly?: boolean;
  hint?: string;
  normalise?: (s: string) => string;
}) {
  const parse = (t: string): string[] => t.split(',').map((s) => normalise(s.trim())).filter((s) => s !== '');
  const [text, setText] = useState(value.join(', '));
  useEffect(() => {
    if (parse(text).join('\u0000') !== value.join('\u0000')) setText(value.join(', '));
  }, [value]);
  return (
    <TextField
      label={label}
      value={text}
      readOnly={readOnly}
      hint={hint}
      onChange={(t) => {
        setText(t);
        onChange(parse(t));
      }}
    />
  );
}
