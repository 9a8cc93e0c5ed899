import { token } from '@atlaskit/tokens';
import { Suspense, lazy, type ComponentProps } from 'react';
import type { ChoiceSelect as ChoiceSelectType } from '../../components/ChoiceSelect';
import type { Notice as NoticeType } from '../../components/Notice';
import type { ResolverError as ResolverErrorType } from '../../components/ResolverError';
import type { ClausePicker as ClausePickerType } from './ClausePicker';

/**
 * Parts of the issue panel that are not needed for its first paint load in their own chunks right after it
 * (ui.issuepanel.initial.gzip.kb counts what the panel needs before it can show): the selects (@atlaskit/select,
 * about a third of the panel's JavaScript), and the section messages (read-only hint, errors), which bring
 * Atlaskit's tooltip and popper. Until a select's chunk is there, a box of the select's height stands in its
 * place (no layout shift); a message shows when its chunk is there, a moment later.
 */
const ChoiceSelect = lazy(() => import('../../components/ChoiceSelect').then((m) => ({ default: m.ChoiceSelect })));
const ClausePicker = lazy(() => import('./ClausePicker').then((m) => ({ default: m.ClausePicker })));
const Notice = lazy(() => import('../../components/Notice').then((m) => ({ default: m.Notice })));
const ResolverError = lazy(() => import('../../components/ResolverError').then((m) => ({ default: m.ResolverError })));

export function LazyNotice(props: ComponentProps<typeof NoticeType>) {
  return (
    <Suspense fallback={null}>
      <Notice {...props} />
    </Suspense>
  );
}

export function LazyResolverError(props: ComponentProps<typeof ResolverErrorType>) {
  return (
    <Suspense fallback={<p role="alert">{props.error.message}</p>}>
      <ResolverError {...props} />
    </Suspense>
  );
}

function SelectPlaceholder({ label, width, tall }: { label: string; width: number | string; tall?: boolean }) {
  return (
    <span
      role="status"
      aria-label={`${label}: loading`}
      style={{
        display: 'block',
        boxSizing: 'border-box',
        width,
        minHeight: tall === true ? '40px' : '32px',
        borderRadius: token('radius.small', '3px'),
        border: `1px solid ${token('color.border.input', '#8590A2')}`,
        background: token('color.background.input', '#FFFFFF'),
      }}
    />
  );
}

export function LazyChoiceSelect<V extends string>({ onChange, ...props }: ComponentProps<typeof ChoiceSelectType<V>>) {
  // The lazy component is not generic: its choice is mapped back to the caller's option (so to V) by value.
  const pick = (v: string): void => {
    const option = props.options.find((o) => o.value === v);
    if (option !== undefined) onChange(option.value);
  };
  return (
    <Suspense fallback={<SelectPlaceholder label={props.label} width={props.width ?? 240} />}>
      <ChoiceSelect {...props} onChange={pick} />
    </Suspense>
  );
}

export function LazyClausePicker(props: ComponentProps<typeof ClausePickerType>) {
  return (
    <Suspense fallback={<SelectPlaceholder label={props.label} width="100%" tall />}>
      <ClausePicker {...props} />
    </Suspense>
  );
}
