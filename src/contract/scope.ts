/** Payload and response types of the scope resolvers. Types only: `static/` imports them via `@contract/*`. */
import type { PeopleNames } from './people';
import type {
  InterestedPartyKind,
  OtherPartyType,
  Scope,
  ScopePreview,
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
  ScopePreview,
  ScopeProblem,
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
/** Statement, warnings and the problems that would block a save (src/domain/scope/scope-preview.ts). */
export type PreviewScopeResponse = ScopePreview;

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
