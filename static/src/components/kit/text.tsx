/**
 * Text styles, one per meaning, and the small text helpers every view shares: secondary ("subtle") text, a
 * field's label, a field's hint, text for screen readers only; dates, people and maturity levels in words.
 */
import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';
import type { PeopleNames } from '@contract/people';
import { formatDateTime } from '../../format/dates';

/** Secondary text: descriptions, counts, "who and when" lines. */
export const subtleText: CSSProperties = { color: token('color.text.subtle', '#44546F') };

/** A link inside a sentence: underlined, so it is told apart without colour (WCAG 1.4.1, axe link-in-text-block). */
export const inTextLink: CSSProperties = { textDecoration: 'underline' };

/** The label above a form field (native or Atlaskit). */
export const fieldLabel: CSSProperties = {
  display: 'block',
  fontSize: '12px',
  fontWeight: 600,
  marginBlockEnd: token('space.050', '4px'),
  color: token('color.text.subtle', '#44546F'),
};

/** The help line under a form field. */
export const fieldHint: CSSProperties = { ...subtleText, fontSize: '12px', marginBlockStart: token('space.050', '4px') };

/** Read by screen readers, not shown. */
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

/** Maturity levels 0 to 3 as written in TS 20000-5 (level 0 has no numeral). */
export const ROMAN = ['–', 'I', 'II', 'III'] as const;

const ISSUE_KEY = /([A-Z][A-Z0-9_]+-\d+)/;

/** Prose that names issues ("… for more than 180 days: SMS-9, SMS-15."), each key kept on one line (a narrow cell broke "SMS-" from "9"). */
export function KeepKeysWhole({ text }: { text: string }) {
  return (
    <>
      {text.split(ISSUE_KEY).map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} style={{ whiteSpace: 'nowrap' }}>
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}
