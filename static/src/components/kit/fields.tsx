/**
 * Labelled form fields: Atlaskit text inputs, native selects and checkboxes styled with tokens, and a list
 * edited as comma-separated text. Each field ties its label and hint to the control with React's useId.
 */
import Textarea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { space } from './layout';
import { fieldHint, fieldLabel } from './text';

/** The help line under a field, `${id}-hint` (the control names it in aria-describedby). */
export function FieldHint({ id, hint }: { id: string; hint: string | undefined }) {
  if (hint === undefined) return null;
  return (
    <div id={`${id}-hint`} style={fieldHint}>
      {hint}
    </div>
  );
}

/** A label, the control (given its id and the id of the hint it is described by) and the hint. */
function Labelled({ label, hint, children }: { label: string; hint: string | undefined; children: (id: string, describedBy: string | undefined) => ReactNode }) {
  const id = useId();
  return (
    <div style={{ marginBlockEnd: space.s, minWidth: 0 }}>
      <label htmlFor={id} style={fieldLabel}>
        {label}
      </label>
      {children(id, hint === undefined ? undefined : `${id}-hint`)}
      <FieldHint id={id} hint={hint} />
    </div>
  );
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
  return (
    <Labelled label={label} hint={hint}>
      {(id, describedBy) => (
        <Textfield
          id={id}
          type={type}
          value={value}
          isReadOnly={readOnly}
          isInvalid={invalid}
          placeholder={placeholder}
          width={width}
          isCompact
          aria-describedby={describedBy}
          onChange={(e) => onChange((e.target as HTMLInputElement).value)}
        />
      )}
    </Labelled>
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
  return (
    <Labelled label={label} hint={hint}>
      {(id, describedBy) => (
        <Textarea
          id={id}
          value={value}
          isReadOnly={readOnly}
          isInvalid={invalid}
          minimumRows={rows}
          resize="vertical"
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Labelled>
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
      <legend style={fieldLabel}>{legend}</legend>
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
