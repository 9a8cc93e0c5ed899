import { draftScopeSchema, generateScopeStatement, previewScopeDraft, scopeWarnings } from '../../../src/domain/scope';
import { aScope, aService, anExclusion } from '../../builders/scope.builder';

describe('previewScopeDraft', () => {
  it('shows the statement and warnings of a draft that could be saved, with no problems', () => {
    const draft = aScope();
    expect(previewScopeDraft(draft)).toEqual({ statement: generateScopeStatement(draft), warnings: scopeWarnings(draft), problems: [] });
  });

  it('lists what would block a save by field path instead of refusing, and still writes the statement', () => {
    const draft = aScope({ services: [aService({ name: ' ' })], exclusions: [anExclusion({ justification: '' })] });
    const preview = previewScopeDraft(draft);
    expect(preview.problems).toEqual([
      { path: 'services.0.name', message: 'A name is required.' },
      { path: 'exclusions.0.justification', message: 'An exclusion needs a justification.' },
    ]);
    expect(preview.statement).toBe(generateScopeStatement(draft));
  });

  it('names a duplicate item id, which a save refuses because diffs rely on ids', () => {
    const draft = aScope({ services: [aService(), aService({ name: 'Backup' })] });
    expect(previewScopeDraft(draft).problems).toEqual([{ path: 'services.1.id', message: 'Duplicate id svc-1.' }]);
  });
});

describe('draftScopeSchema', () => {
  it('accepts a draft with blank names and missing justifications', () => {
    const draft = aScope({ services: [aService({ name: '' })], exclusions: [anExclusion({ what: '', justification: '' })] });
    expect(draftScopeSchema.safeParse(draft).success).toBe(true);
  });

  it('still refuses what is not a scope: an unknown party kind, an oversized text, another schema version', () => {
    expect(draftScopeSchema.safeParse({ ...aScope(), schemaVersion: 2 }).success).toBe(false);
    expect(draftScopeSchema.safeParse(aScope({ organization: 'x'.repeat(201) })).success).toBe(false);
    const party = { id: 'ip-1', name: 'Acme', kind: 'friend', needs: '' };
    expect(draftScopeSchema.safeParse({ ...aScope(), interestedParties: [party] }).success).toBe(false);
  });
});
