import { BY_LIST_LIMIT, MULTI_LIMIT, planBulkWrites, writeCallLowerBound } from '../../../src/domain/mapping/bulk-write-plan';
import { aMappingValue } from '../../builders/mapping.builder';

const describeRequests = (entries: Parameters<typeof planBulkWrites>[0], limits?: Parameters<typeof planBulkWrites>[1]): string[] =>
  planBulkWrites(entries, limits).requests.map((r) => (r.endpoint === 'byList' ? `list ${r.issueIds.length}` : `multi ${r.entries.length}`));

describe('planBulkWrites', () => {
  it('sends large same-value groups by list and packs the rest 100 per multi request', () => {
    const entries = [
      ...Array.from({ length: 250 }, (_, i) => ({ issueId: `a${i}`, value: aMappingValue(['8.6.1']) })),
      ...Array.from({ length: 120 }, (_, i) => ({ issueId: `b${i}`, value: aMappingValue([`8.${i % 7}`, '9.1', String(i)]) })),
    ];
    expect(describeRequests(entries)).toEqual(['list 250', 'multi 100', 'multi 20']);
  });

  it('uses multi alone when no value is shared widely enough to save a request', () => {
    const entries = Array.from({ length: 80 }, (_, i) => ({ issueId: String(i), value: aMappingValue([String(i % 2)]) }));
    expect(planBulkWrites(entries).requests.map((r) => r.endpoint)).toEqual(['multi']);
  });

  it('writes each issue once, with its latest value, whatever the key order of the value', () => {
    const entries = [
      { issueId: '1', value: aMappingValue(['4.1']) },
      { issueId: '1', value: aMappingValue(['8.6.1']) },
      { issueId: '2', value: { rejected: [], byClause: { '8.6.1': 'record' }, phases: [], kinds: ['record'], clauses: ['8.6.1'] } },
    ];
    const requests = planBulkWrites(entries, { multi: 1, byList: 10 }).requests;
    expect(requests).toEqual([{ endpoint: 'byList', value: aMappingValue(['8.6.1']), issueIds: ['1', '2'] }]);
  });

  it('splits a group larger than one by-list request into full chunks', () => {
    const entries = Array.from({ length: 25 }, (_, i) => ({ issueId: String(i), value: aMappingValue(['8.6.1']) }));
    expect(describeRequests(entries, { multi: 3, byList: 10 })).toEqual(['list 10', 'list 10', 'list 5']);
  });

  it('counts two calls per request (the request and the read of its task) as the lower bound', () => {
    const entries = Array.from({ length: 150 }, (_, i) => ({ issueId: String(i), value: aMappingValue([String(i)]) }));
    expect(writeCallLowerBound(entries)).toBe(2 * Math.ceil(150 / MULTI_LIMIT));
    expect(BY_LIST_LIMIT).toBeGreaterThan(MULTI_LIMIT);
  });
});
