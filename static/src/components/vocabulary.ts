/**
 * The domain vocabulary (src/domain/vocabulary.ts, through @domain) in the forms the views use: Atlaskit Lozenge
 * appearances for its status colours, and select options. Labels and colours are the domain's, never restated.
 */
import {
  CONFORMITY_RESULTS,
  CONFORMITY_RESULT_LABELS,
  EVIDENCE_KINDS,
  EVIDENCE_KIND_LABELS,
  type ConformityResult,
  type EvidenceKind,
  type StatusColor,
} from '@domain/vocabulary';

export type LozengeAppearance = 'default' | 'success' | 'removed' | 'inprogress' | 'new' | 'moved';

const APPEARANCES: Readonly<Record<StatusColor, LozengeAppearance>> = {
  green: 'success',
  yellow: 'moved',
  red: 'removed',
  blue: 'inprogress',
  purple: 'new',
  neutral: 'default',
};

/** The Lozenge appearance of a status colour (the colours the published pages use). */
export const appearanceOf = (color: StatusColor): LozengeAppearance => APPEARANCES[color];

/** A status colour read from an ADF document ('neutral' when the document names none or another). */
export const appearanceOfAdf = (color: unknown): LozengeAppearance => (typeof color === 'string' && color in APPEARANCES ? APPEARANCES[color as StatusColor] : 'default');

/** The conformity results as select options, in the vocabulary's order. */
export const RESULT_OPTIONS: readonly { value: ConformityResult; label: string }[] = CONFORMITY_RESULTS.map((value) => ({ value, label: CONFORMITY_RESULT_LABELS[value] }));

/** The evidence kinds as select options, in the vocabulary's order. */
export const EVIDENCE_KIND_OPTIONS: readonly { value: EvidenceKind; label: string }[] = EVIDENCE_KINDS.map((value) => ({ value, label: EVIDENCE_KIND_LABELS[value] }));
