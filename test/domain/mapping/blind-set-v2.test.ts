/**
 * The frozen blind set v2 (test/fixtures/blind-issues-v2.json, see test/fixtures/README.md).
 *
 * Its SHA-256 is pinned here so that nobody edits the set to suit the model: the set is never used for tuning,
 * only measured (bench/suggest.bench.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getClause, isClauseId } from '../../../src/domain/catalogue/catalogue';
import { labelledIssuesSchema } from '../../../src/domain/mapping/suggest-bench';

const FILE = join(__dirname, '../../fixtures/blind-issues-v2.json');
const FROZEN_SHA256 = 'a70c791ddf6d69a4450ecedd93c8e67c3be3be047ee2385cd14273cfea1051bd';

const bytes = readFileSync(FILE);
const items = labelledIssuesSchema.parse(JSON.parse(bytes.toString('utf8')));

describe('blind issues fixture v2 (frozen)', () => {
  it('is byte-for-byte the frozen file', () => {
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(FROZEN_SHA256);
  });

  it('holds at least 150 distinct issues', () => {
    expect(items.length).toBeGreaterThanOrEqual(150);
    expect(new Set(items.map((i) => i.summary)).size).toBe(items.length);
  });

  it('labels every issue with real, assessable clauses, primary first, without duplicates', () => {
    for (const item of items) {
      expect(item.clauses.length).toBeGreaterThanOrEqual(1);
      expect(new Set(item.clauses).size).toBe(item.clauses.length);
      for (const id of item.clauses) {
        expect(isClauseId(id)).toBe(true);
        expect(getClause(id)?.assessable).toBe(true);
      }
    }
  });

  it('has every clause family 4-10 and every 8.x group as a primary clause, and multi-clause issues', () => {
    const primaries = items.map((i) => i.clauses[0] ?? '');
    for (const family of ['4.', '5.', '6.', '7.', '8.', '9.', '10.']) {
      expect(primaries.some((c) => c.startsWith(family))).toBe(true);
    }
    for (const group of ['8.1', '8.2.', '8.3.', '8.4.', '8.5.', '8.6.', '8.7.']) {
      expect(primaries.some((c) => c === group || c.startsWith(group))).toBe(true);
    }
    expect(items.filter((i) => i.clauses.length > 1).length).toBeGreaterThanOrEqual(30);
    expect(items.filter((i) => /service request/i.test(i.issueType ?? '')).length).toBeGreaterThanOrEqual(10);
  });
});
