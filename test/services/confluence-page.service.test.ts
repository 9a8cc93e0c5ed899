import { ConfluenceClient } from '../../src/confluence/confluence-client';
import { adfProblems } from '../../src/services/adf-validation';
import { upsertPage, upsertPageInSpace } from '../../src/services/confluence-page.service';
import { forbiddenProductApi } from '../resolvers/resolver-fakes';

// A paragraph holding a node ADF does not know, and a text node with no text: both fail @atlaskit/adf-utils' validator.
const INVALID = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'blink', text: 'x' }, { type: 'text', text: '' }] }] };
const VALID = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Readiness 40 %' }] }] };

describe('ADF validation before every publish', () => {
  it('lists the validator problems of an invalid body, none for a valid one', () => {
    expect(adfProblems(VALID)).toEqual([]);
    expect(adfProblems(INVALID).length).toBeGreaterThan(0);
    expect(adfProblems('not a document').length).toBeGreaterThan(0);
  });

  it('upsertPage refuses an invalid body with VALIDATION_FAILED before any Confluence call', async () => {
    const calls: string[] = [];
    const req = { spaceKey: 'SMS', parentId: null, title: 'Business case: SMS', adf: INVALID, message: 'm' };
    await expect(upsertPage(new ConfluenceClient(forbiddenProductApi(calls)), req)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('was not published: its body is not valid ADF'),
      details: { adfProblems: expect.arrayContaining([expect.any(String)]) },
    });
    expect(calls).toEqual([]);
  });

  it('upsertPageInSpace (the report pages) refuses it the same way', async () => {
    const calls: string[] = [];
    const req = { spaceId: '1', parentId: null, title: 'Gap report', adf: INVALID, message: 'm', knownPageId: null };
    await expect(upsertPageInSpace(new ConfluenceClient(forbiddenProductApi(calls)), req, 'app')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(calls).toEqual([]);
  });
});
