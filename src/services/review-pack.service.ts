/**
 * Publishes the management review pack to Confluence through the one page upsert (confluence-page.service.ts).
 *
 * Product calls: ONE paged Jira search for the audit cycle's issues (reviewSearchJql: audits, findings,
 * corrective actions, review actions, by label; summary, status, labels, created, links and the app's properties
 * in the same pages), then the page upsert (space, parent page check, find by title or remembered id, create or
 * update). The other inputs (KPIs, maturity, scope changes, the challenge register) are the app's stored data,
 * read by the caller from storage and passed in: no product call. Confluence not connected: the upsert's
 * CONFLUENCE_NOT_CONNECTED reaches the caller unchanged.
 */
import {
  AUDIT_PLAN_PROPERTY_KEY,
  CORRECTIVE_ACTION_PROPERTY_KEY,
  type ReviewIssueData,
  type ReviewPackInput,
  type ReviewSearchIssue,
  buildReviewPack,
  renderReviewPackAdf,
  reviewDataFromIssues,
  reviewSearchJql,
} from '../domain/audit';
import type { ConfluenceClient } from '../confluence/confluence-client';
import type { JiraClient } from '../jira/jira-client';
import { upsertPage, type UpsertPageResult } from './confluence-page.service';
import { statusCategoryOf } from '../domain/gap';
import { MAPPING_PROPERTY_KEY, readMapping } from '../domain/mapping/mapping-property';

/** Issues per search page (Jira's page when fields other than id/key are asked for). */
export const REVIEW_SEARCH_PAGE_SIZE = 100;
const FIELDS = ['summary', 'status', 'labels', 'created', 'issuelinks'];
const PROPERTIES = [MAPPING_PROPERTY_KEY, CORRECTIVE_ACTION_PROPERTY_KEY, AUDIT_PLAN_PROPERTY_KEY];

/** The pack's inputs that come from the app's storage (and the trusted context), not from Jira. */
export type ReviewStoredInput = Omit<ReviewPackInput, 'audits' | 'nonconformities' | 'actions' | 'previousActions'>;

export interface PublishReviewRequest extends ReviewStoredInput {
  spaceKey: string;
  parentId: string | null;
  /** The page id remembered from an earlier publish of this review. */
  knownPageId?: string | null;
}

export interface PublishReviewResult extends UpsertPageResult {
  title: string;
  issuesRead: number;
  incompleteActionKeys: string[];
}

/** Stable title: one page per review date and project. */
export const reviewPageTitle = (projectKey: string, reviewDate: string): string => `Management review ${reviewDate} (${projectKey})`;

function linkedKeys(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((l: unknown) => {
    if (typeof l !== 'object' || l === null) return [];
    const link = l as { inwardIssue?: { key?: unknown }; outwardIssue?: { key?: unknown } };
    const key = link.inwardIssue?.key ?? link.outwardIssue?.key;
    return typeof key === 'string' ? [key] : [];
  });
}

export class ReviewPackService {
  private readonly jira: JiraClient;
  private readonly confluence: ConfluenceClient;

  constructor(
    deps: { jira: JiraClient; confluence: ConfluenceClient },
    private readonly opts: { as: 'user' | 'app' },
  ) {
    this.jira = deps.jira;
    this.confluence = deps.confluence;
  }

  /** Reads the audit cycle's issues (one paged search) and sorts them into the review's rows. */
  async readIssues(projectKey: string, periodStart: string): Promise<{ data: ReviewIssueData; issuesRead: number }> {
    const issues: ReviewSearchIssue[] = [];
    const pages = this.jira.searchJqlAll(`${reviewSearchJql(projectKey)} ORDER BY key ASC`, { as: this.opts.as, fields: FIELDS, properties: PROPERTIES, pageSize: REVIEW_SEARCH_PAGE_SIZE });
    for await (const i of pages) {
      const f = i.fields as { summary?: unknown; labels?: unknown; created?: unknown; status?: { statusCategory?: { key?: unknown } }; issuelinks?: unknown };
      const statusKey = f.status?.statusCategory?.key;
      issues.push({
        issueKey: i.key,
        summary: typeof f.summary === 'string' ? f.summary : '',
        labels: Array.isArray(f.labels) ? f.labels.filter((l): l is string => typeof l === 'string') : [],
        statusCategory: statusCategoryOf(typeof statusKey === 'string' ? statusKey : undefined),
        created: typeof f.created === 'string' ? f.created : '',
        linkedKeys: linkedKeys(f.issuelinks),
        clauses: readMapping(i.properties[MAPPING_PROPERTY_KEY]).mapped.map((m) => m.clauseId),
        properties: i.properties,
      });
    }
    return { data: reviewDataFromIssues(issues, periodStart), issuesRead: issues.length };
  }

  /** Builds the pack from Jira and the stored inputs and publishes it (created the first time, updated after). */
  async publish(req: PublishReviewRequest): Promise<PublishReviewResult> {
    const { spaceKey, parentId, knownPageId, ...stored } = req;
    const { data, issuesRead } = await this.readIssues(req.projectKey, req.periodStart);
    const pack = buildReviewPack({ ...stored, audits: data.audits, nonconformities: data.nonconformities, actions: data.actions, previousActions: data.previousActions });
    const title = reviewPageTitle(req.projectKey, req.reviewDate);
    const page = await upsertPage(
      this.confluence,
      { spaceKey, parentId, title, adf: renderReviewPackAdf(pack), message: `Management review pack assembled by SMS Navigator from ${issuesRead} Jira issues.`, knownPageId: knownPageId ?? null },
      this.opts.as,
    );
    return { ...page, title, issuesRead, incompleteActionKeys: data.incompleteActionKeys };
  }
}
