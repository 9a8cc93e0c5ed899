import type { EpicSyncFailureView, EpicSyncResultView } from '../../src/contract/jobs';
import { epicSyncOutcome } from '../../src/consumers/epic-sync.consumer';

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
});
