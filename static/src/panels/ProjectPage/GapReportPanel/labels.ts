/** UI labels and lozenge colours for the gap report (the domain's vocabulary, restated for the UI bundle). */
import type { ClauseGapView } from '@contract/gap-report';
import { CONFORMITY_RESULT_LABELS } from '@domain/vocabulary';

export type ConformityResult = ClauseGapView['result'];
export type StatusCategory = ClauseGapView['evidence'][number]['statusCategory'];
export type FindingGrade = ClauseGapView['findings'][number]['grade'];
export type LozengeAppearance = 'default' | 'success' | 'removed' | 'inprogress' | 'new' | 'moved';

export const RESULT_OPTIONS: readonly { value: ConformityResult; label: string }[] = [
  { value: 'not_assessed', label: 'Not assessed' },
  { value: 'nonconformant', label: 'Nonconformant' },
  { value: 'partially_conformant', label: 'Partially conformant' },
  { value: 'conformant', label: 'Conformant' },
  { value: 'not_applicable', label: 'Not applicable' },
];

export const RESULT_LABELS = CONFORMITY_RESULT_LABELS;

export const RESULT_APPEARANCE: Record<ConformityResult, LozengeAppearance> = {
  conformant: 'success',
  partially_conformant: 'moved',
  nonconformant: 'removed',
  not_assessed: 'default',
  not_applicable: 'new',
};

export const STATUS_LABELS: Record<StatusCategory, string> = { new: 'To do', indeterminate: 'In progress', done: 'Done' };
export const STATUS_APPEARANCE: Record<StatusCategory, LozengeAppearance> = { new: 'default', indeterminate: 'inprogress', done: 'success' };

/** Lozenge colour of an audit finding by grade (the names come from the view). */
export const FINDING_APPEARANCE: Record<FindingGrade, LozengeAppearance> = {
  major_nc: 'removed',
  minor_nc: 'moved',
  observation: 'inprogress',
  opportunity_for_improvement: 'new',
};

export const GROUP_TITLES: Record<string, string> = {
  '4': 'Context of the organization',
  '5': 'Leadership',
  '6': 'Planning',
  '7': 'Support of the SMS',
  '8': 'Operation of the SMS',
  '9': 'Performance evaluation',
  '10': 'Improvement',
};
