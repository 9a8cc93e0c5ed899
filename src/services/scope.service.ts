/** The Scope view's use cases: the current scope, its versions, the diff of two, the preview of a draft, and a save (a new version). */
import type { GetScopeDiffResponse, GetScopeHistoryResponse, GetScopeResponse, PreviewScopeResponse, SaveScopeResponse } from '../contract/scope';
import { type Scope, diffScopeVersions, formatScopeDiff, previewScopeDraft } from '../domain/scope';
import type { Logger } from '../platform/logger';
import type { ScopeRepository } from '../storage/scope-repository';
import { toScopeView } from './scope-view';
import type { NameLookup } from './user-names.service';

export interface ScopeServiceDeps {
  scopes: ScopeRepository;
  names: NameLookup;
  log: Logger;
}

export class ScopeService {
  constructor(private readonly deps: ScopeServiceDeps) {}

  async current(projectId: string): Promise<GetScopeResponse> {
    const current = await this.deps.scopes.getCurrent(projectId);
    return toScopeView(current, await this.deps.names([current?.author]));
  }

  async history(projectId: string): Promise<GetScopeHistoryResponse> {
    const versions = await this.deps.scopes.history(projectId);
    return { versions, people: await this.deps.names(versions.map((v) => v.author)) };
  }

  async diff(projectId: string, from: number, to: number): Promise<GetScopeDiffResponse> {
    const [a, b] = await Promise.all([this.deps.scopes.getVersion(projectId, from), this.deps.scopes.getVersion(projectId, to)]);
    const diff = diffScopeVersions(a, b);
    return { ...diff, lines: formatScopeDiff(diff) };
  }

  /** What the editor shows while typing (statement, warnings, problems that would block a save); reads and writes nothing. */
  async preview(draft: Scope): Promise<PreviewScopeResponse> {
    return previewScopeDraft(draft);
  }

  /** Saves the scope as a new version (author and time from the caller); CONFLICT when `version` is stale. */
  async save(projectId: string, accountId: string, input: { scope: Scope; comment: string; version: number }): Promise<SaveScopeResponse> {
    const saved = await this.deps.scopes.save(projectId, { scope: input.scope, comment: input.comment }, input.version, accountId);
    this.deps.log('info', 'scope saved', { projectId, version: saved.version });
    return toScopeView(saved, await this.deps.names([saved.author]));
  }
}
