import type { EpicSyncFailureView, EpicSyncResultView } from '../../src/contract/jobs';
import { RESULT_LIST_MAX, clipEpicSyncResult, epicSyncOutcome } from '../../src/consumers/epic-sync.consumer';
import { KVS_LIMITS } from '../../src/storage/kv-store';

const failure = (summary: string, role: EpicSyncFailureView['role']): EpicSyncFailureView => ({
  summary,
  role,
  clauseId: '8.6.1',
  status: 400,
  messages: ['issuetype: The issue type selected is invalid.'],
  transient: false,
});

const result = (over: Partial<EpicSyncResultView>): EpicSyncResultView => ({
  planId: 'main',
  epics: [{ phaseId: 'p1', subsetId: 's1', key: 'SMS-300', summary: 'Phase 1' }],
  created: { epics: ['SMS-300'], items: [] },
  retitled: [],
  reparented: [],
  orphans: [],
  closed: [],
  unchanged: 0,
  failures: [],
  ...over,
});

describe('epicSyncOutcome', () => {
  it('ends a sync whose work items all failed as failed, naming the first reason', () => {
    const out = epicSyncOutcome(result({ failures: [failure('8.6.1 Incident management', 'item'), failure('8.6.2 Service requests', 'item')] }));
    expect(out.status).toBe('failed');
    expect(out.messages[0]).toBe(
      'Failed: none of the 2 work item(s) could be created in Jira. First reason — 8.6.1 Incident management: issuetype: The issue type selected is invalid.',
    );
  });

  it('ends a sync where nothing could be written as failed', () => {
    const out = epicSyncOutcome(result({ epics: [], created: { epics: [], items: [] }, failures: [failure('Phase 1', 'epic')] }));
    expect(out.status).toBe('failed');
  });

  it('ends a sync with some failed items as done and lists them', () => {
    const out = epicSyncOutcome(result({ created: { epics: ['SMS-300'], items: ['SMS-301'] }, failures: [failure('8.6.2 Service requests', 'item')] }));
    expect(out.status).toBe('done');
    expect(out.messages).toContain('8.6.2 Service requests: issuetype: The issue type selected is invalid.');
    expect(out.links).toEqual([{ label: 'SMS-300', href: '/browse/SMS-300' }]);
  });

  it('ends a sync with nothing to do as done', () => {
    expect(epicSyncOutcome(result({ created: { epics: [], items: [] }, unchanged: 66 })).status).toBe('done');
  });

  it('cuts the lists of a huge result so the job record stays under the storage limit', () => {
    const orphans = Array.from({ length: 1500 }, (_, i) => ({ key: `SMS-${i}`, role: 'item' as const, summary: `Work item ${i} of an older plan, with a long enough summary`, phaseId: `p${i}`, clauseId: '8.6.1', reason: 'phase-removed' as const }));
    const big = result({ orphans });
    expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(KVS_LIMITS.maxValueBytes);
    const { result: clipped, note } = clipEpicSyncResult(big);
    expect(clipped.orphans).toHaveLength(RESULT_LIST_MAX);
    expect(note).toBe(`1500 issue(s) to close and 0 failure(s); the first ${RESULT_LIST_MAX} of each are listed.`);
    expect(Buffer.byteLength(JSON.stringify(epicSyncOutcome(clipped).result))).toBeLessThan(KVS_LIMITS.maxValueBytes / 2);
  });
});
