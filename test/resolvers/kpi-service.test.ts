import type { JiraIssue, SearchJqlOptions, SearchJqlPage } from '../../src/jira/jira-client';
import { COUNT_PAGE_SIZE, type KpiSearchPort, KpiService } from '../../src/services/kpi.service';

/** A search port over a fixed list of issues, paging like Jira (nextPageToken), recording each call. */
class FakeSearch implements KpiSearchPort {
  readonly calls: { jql: string; opts: SearchJqlOptions | undefined }[] = [];
  constructor(private readonly issues: JiraIssue[]) {}
  async searchJql(jql: string, opts?: SearchJqlOptions): Promise<SearchJqlPage> {
    this.calls.push({ jql, opts });
    const start = opts?.nextPageToken === undefined ? 0 : Number(opts.nextPageToken);
    const size = opts?.maxResults ?? 50;
    const page = this.issues.slice(start, start + size);
    const next = start + page.length;
    return next < this.issues.length ? { issues: page, nextPageToken: String(next), isLast: false } : { issues: page, isLast: true };
  }
}

const issue = (n: number, fields: Record<string, unknown> = {}): JiraIssue => ({ id: String(10000 + n), key: `SMS-${n}`, fields, properties: {} });

describe('KPI JQL confinement', () => {
  it('refuses a KPI query that closes the project parenthesis early, before any search', async () => {
    const search = new FakeSearch([issue(1)]);
    await expect(new KpiService(search).count('SMS', 'issuetype = Incident) OR (project = OPS')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { reason: 'unbalanced_parentheses' },
    });
    expect(search.calls).toEqual([]);
  });
});

describe('KpiService.count', () => {
  it('pages through all results asking for keys only, and counts them', async () => {
    const search = new FakeSearch(Array.from({ length: COUNT_PAGE_SIZE + 7 }, (_, i) => issue(i + 1)));
    const r = await new KpiService(search).count('SMS', 'issuetype = Incident');
    expect(r).toMatchObject({ value: COUNT_PAGE_SIZE + 7, issueCount: COUNT_PAGE_SIZE + 7, pages: 2, jql: 'project = "SMS" AND (issuetype = Incident)' });
    expect(search.calls.map((c) => c.opts?.fields)).toEqual([['key'], ['key']]);
    expect(search.calls.every((c) => c.opts?.as === 'user')).toBe(true);
    expect(search.calls[1]?.opts?.nextPageToken).toBe(String(COUNT_PAGE_SIZE));
  });

  it('counts zero for no result', async () => {
    expect((await new KpiService(new FakeSearch([])).count('SMS', 'labels = none')).value).toBe(0);
  });
});

describe('KpiService.medianDuration', () => {
  const source = { kind: 'jqlMedianDuration', jql: 'issuetype = Incident', from: 'created', to: 'resolutiondate', durationUnit: 'hours' } as const;

  it('takes the median over the issues with both dates, across pages', async () => {
    const base = Date.parse('2026-01-01T00:00:00.000Z');
    const hours = [1, 5, 2, 10, 3, 8, 4, 6, 7, 9, 11, 12];
    const issues = hours.map((h, i) =>
      issue(i, { created: new Date(base).toISOString(), resolutiondate: new Date(base + h * 3_600_000).toISOString() }),
    );
    issues.push(issue(99, { created: new Date(base).toISOString(), resolutiondate: null }));
    const many = [...issues, ...Array.from({ length: 150 }, (_, i) => issue(200 + i, { created: null, resolutiondate: null }))];
    const search = new FakeSearch(many);
    const r = await new KpiService(search).medianDuration('SMS', source);
    expect(r).toMatchObject({ value: 6.5, sampleSize: 12, issueCount: many.length, pages: 2 });
    expect(search.calls[0]?.opts?.fields).toEqual(['created', 'resolutiondate']);
  });

  it('converts to days, rounds to two decimals, and is null without any pair of dates', async () => {
    const mk = (h: number) => issue(h, { created: '2026-01-01T00:00:00.000+0000', resolutiondate: new Date(Date.parse('2026-01-01T00:00:00Z') + h * 3_600_000).toISOString() });
    const days = await new KpiService(new FakeSearch([mk(10), mk(20), mk(30)])).medianDuration('SMS', { ...source, durationUnit: 'days' });
    expect(days.value).toBe(0.83);
    const none = await new KpiService(new FakeSearch([issue(1, { created: '2026-01-01' })])).medianDuration('SMS', source);
    expect(none).toMatchObject({ value: null, sampleSize: 0, issueCount: 1 });
  });
});
