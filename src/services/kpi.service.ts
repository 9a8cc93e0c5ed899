/**
 * Computes a KPI from Jira. Every query is narrowed to the project of the call: the user's JQL is wrapped as
 * `project = "<KEY>" AND (<jql>)` by src/jira/jql.ts (JQL that is not one balanced expression, or that has an
 * ORDER BY, is refused), so a KPI can never count issues of another project.
 * - jqlCount: the number of issues the query finds, paging through keys only (COUNT_FIELDS: an id/key-only search
 *   is the cheapest one and allows pages of 5000; 'key' rather than 'id' because JiraClient's issue schema needs
 *   a key, and Jira answers a fields=['id'] search with bare ids).
 * - jqlMedianDuration: the median time between two date fields of the issues found (issues missing either date
 *   are left out), in hours or days.
 * Searches run as the user, so Jira's own permissions decide which issues count.
 */
import { confineUserJql } from '../jira/jql';
import { LimitExceededError, ValidationError } from '../domain/errors';
import { type KpiSource, median } from '../domain/initiation';
import { type CallOptions, type SearchJqlOptions, type SearchJqlPage } from '../jira/jira-client';

/** The one method of JiraClient this service needs (a fake in tests). */
export interface KpiSearchPort {
  searchJql(jql: string, opts?: SearchJqlOptions): Promise<SearchJqlPage>;
}

export type ComputableKpiSource = Exclude<KpiSource, { kind: 'manual' }>;

export const COUNT_PAGE_SIZE = 5000;
export const COUNT_FIELDS: readonly string[] = ['key'];
export const DURATION_PAGE_SIZE = 100;
/** Most issues a median is computed over (a resolver has 25 s); past it the call is refused. */
export const MAX_DURATION_ISSUES = 10_000;
/** Most search pages a count reads. */
export const MAX_COUNT_PAGES = 200;

export interface KpiComputation {
  /** The count, or the median duration in the source's unit (2 decimals); null when no issue had both dates. */
  value: number | null;
  /** Issues the query found. */
  issueCount: number;
  /** Issues the value is computed from (for a duration: those with both dates). */
  sampleSize: number;
  /** The JQL that was run. */
  jql: string;
  pages: number;
}

const MS_PER: Record<'hours' | 'days', number> = { hours: 3_600_000, days: 86_400_000 };

function dateValue(raw: unknown): number | undefined {
  if (typeof raw !== 'string' || raw === '') return undefined;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? undefined : ms;
}

export class KpiService {
  constructor(
    private readonly jira: KpiSearchPort,
    private readonly call: CallOptions = { as: 'user' },
  ) {}

  async compute(projectKey: string, source: ComputableKpiSource): Promise<KpiComputation> {
    return source.kind === 'jqlCount' ? this.count(projectKey, source.jql) : this.medianDuration(projectKey, source);
  }

  /**
   * Reads every page of `jql` (following nextPageToken until the last page or a token seen before), handing
   * each to `onPage`. Before asking for another page it calls `beforeNextPage` with the pages read so far,
   * which throws to stop. Returns the number of pages read.
   */
  private async forEachPage(
    jql: string,
    fields: string[],
    maxResults: number,
    onPage: (page: SearchJqlPage) => void,
    beforeNextPage: (pagesRead: number) => void,
  ): Promise<number> {
    let pages = 0;
    let token: string | undefined;
    const seen = new Set<string>();
    for (;;) {
      const page = await this.jira.searchJql(jql, {
        ...this.call,
        fields,
        maxResults,
        ...(token !== undefined ? { nextPageToken: token } : {}),
      });
      pages += 1;
      onPage(page);
      if (page.isLast || page.nextPageToken === undefined || seen.has(page.nextPageToken)) return pages;
      beforeNextPage(pages);
      seen.add(page.nextPageToken);
      token = page.nextPageToken;
    }
  }

  async count(projectKey: string, userJql: string): Promise<KpiComputation> {
    const jql = confineUserJql(projectKey, userJql);
    let count = 0;
    const pages = await this.forEachPage(
      jql,
      [...COUNT_FIELDS],
      COUNT_PAGE_SIZE,
      (page) => {
        count += page.issues.length;
      },
      (pagesRead) => {
        if (pagesRead >= MAX_COUNT_PAGES) {
          throw new LimitExceededError(`The query finds more than ${count} issues; narrow it down.`, { jql, pages: pagesRead });
        }
      },
    );
    return { value: count, issueCount: count, sampleSize: count, jql, pages };
  }

  async medianDuration(projectKey: string, source: Extract<KpiSource, { kind: 'jqlMedianDuration' }>): Promise<KpiComputation> {
    if (source.from === source.to) throw new ValidationError('A duration needs two different date fields.', { from: source.from, to: source.to });
    const jql = confineUserJql(projectKey, source.jql);
    const durations: number[] = [];
    let issueCount = 0;
    const pages = await this.forEachPage(
      jql,
      [source.from, source.to],
      DURATION_PAGE_SIZE,
      (page) => {
        for (const issue of page.issues) {
          issueCount += 1;
          const from = dateValue(issue.fields[source.from]);
          const to = dateValue(issue.fields[source.to]);
          if (from !== undefined && to !== undefined) durations.push(to - from);
        }
      },
      () => {
        if (issueCount >= MAX_DURATION_ISSUES) {
          throw new LimitExceededError(`The query finds more than ${MAX_DURATION_ISSUES} issues; narrow it down (for example to the last year).`, { jql });
        }
      },
    );
    const mid = median(durations);
    const value = mid === null ? null : Math.round((mid / MS_PER[source.durationUnit]) * 100) / 100;
    return { value, issueCount, sampleSize: durations.length, jql, pages };
  }
}
