/** Payload and response types of the scope resolvers. Types only: `static/` imports them via `@contract/*`. */
import type { PeopleNames } from './people';
import type {
  InterestedPartyKind,
  OtherPartyType,
  Scope,
  ScopeSection,
  ScopeVersionDiff,
  ScopeVersionInfo,
  ScopeWarning,
} from '../domain/scope';

export type {
  Exclusion,
  InterestedParty,
  InterestedPartyKind,
  OrganizationalUnit,
  OtherParty,
  OtherPartyType,
  Scope,
  ScopeListSection,
  ScopeLocation,
  ScopeSection,
  ScopeService,
  ScopeVersionDiff,
  ScopeVersionInfo,
  ScopeWarning,
  SectionDiff,
  FieldChange,
  ItemChange,
} from '../domain/scope';

/** Choices the scope editor offers (labels are the app's wording). */
export interface ScopeOptions {
  sections: { key: ScopeSection; label: string }[];
  interestedPartyKinds: { value: InterestedPartyKind; label: string }[];
  otherPartyTypes: { value: OtherPartyType; label: string }[];
  /** Clause-8 processes another party may operate. */
  processes: { id: string; title: string }[];
}

/** A field-level problem that would stop the scope from saving (same paths as VALIDATION_FAILED). */
export interface ScopeProblem {
  path: string;
  message: string;
}

/** The current scope. Before the first save `version` is 0 and `scope` is empty. */
export interface ScopeView {
  version: number;
  scope: Scope;
  updatedAt: string | null;
  updatedBy: string | null;
  comment: string;
  /** Display names of `updatedBy` (see PeopleNames). */
  people: PeopleNames;
  statement: string;
  warnings: ScopeWarning[];
  options: ScopeOptions;
}

export type GetScopePayload = Record<string, never>;
export type GetScopeResponse = ScopeView;

/** `version` is the version the user loaded (0 = none yet). */
export interface SaveScopePayload {
  scope: Scope;
  comment: string;
  version: number;
}
export type SaveScopeResponse = ScopeView;

/** Statement, warnings and blocking problems for a draft that has not been saved. */
export interface PreviewScopePayload {
  scope: Scope;
}
export interface PreviewScopeResponse {
  statement: string;
  warnings: ScopeWarning[];
  problems: ScopeProblem[];
}

export type GetScopeHistoryPayload = Record<string, never>;
/** Newest first. */
export interface GetScopeHistoryResponse {
  versions: ScopeVersionInfo[];
  /** Display names of the versions' authors. */
  people: PeopleNames;
}

export interface GetScopeDiffPayload {
  from: number;
  to: number;
}
export interface GetScopeDiffResponse extends ScopeVersionDiff {
  /** The same diff as readable lines. */
  lines: string[];
}
