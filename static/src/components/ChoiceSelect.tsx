/**
 * A labelled single-choice field on Jira's own select (@atlaskit/select) for string values: the label is a real
 * <label> bound to the select's input, so screen readers and getByLabel find it; compact by default.
 */
import Select from '@atlaskit/select';
import { useId } from 'react';
import { fieldLabel, visuallyHidden } from './kit/text';

export interface Choice<V extends string> {
  value: V;
  label: string;
}

export function ChoiceSelect<V extends string>({ label, labelSuffix, value, options, onChange, disabled, hideLabel, width = 240, autoFocus, onBlur }: {
  label: string;
  /** Read by screen readers after the label, not shown (e.g. which element a "Target" field is for). */
  labelSuffix?: string;
  value: V;
  options: readonly Choice<V>[];
  onChange: (v: V) => void;
  disabled?: boolean;
  hideLabel?: boolean;
  width?: number | string;
  autoFocus?: boolean;
  onBlur?: () => void;
}) {
  const id = useId();
  const selected = options.find((o) => o.value === value) ?? null;
  return (
    <div style={{ minWidth: 0, width }}>
      <label
        htmlFor={id}
        style={hideLabel ? visuallyHidden : fieldLabel}
      >
        {label}
        {labelSuffix !== undefined && <span style={visuallyHidden}>{labelSuffix}</span>}
      </label>
      <Select<Choice<V>, false>
        inputId={id}
        options={[...options]}
        value={selected}
        isDisabled={disabled}
        spacing="compact"
        autoFocus={autoFocus}
        openMenuOnFocus={autoFocus}
        onBlur={onBlur}
        menuPlacement="auto"
        onChange={(o) => {
          if (o) onChange(o.value);
        }}
      />
    </div>
  );
}
