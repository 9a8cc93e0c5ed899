/**
 * Publishes the gap report of a project as a native Confluence page (ADF) in the space and under the parent
 * page of the project settings.
 *
 * - First publish creates the page; later ones update it in place (version + 1 with a message), so the page
 *   history in Confluence is the audit trail.
 * - Idempotent: the page id is stored as soon as the page exists, and when no id is stored (or the stored page
 *   is gone) the page is looked up by its title first, so a re-run never creates a second page.
 * - A stale version (409) is answered by reading the page again and retrying, up to MAX_UPSERT_CONFLICT_RETRIES times (confluence-page.service.ts).
 * - Size: Confluence refuses requests over 5 MiB (413 "Requests for this resource can be at most 5242880
 *   bytes"). The body is sent as a JSON string inside the JSON request, so the escaped size is what counts; over
 *   PAGE_BODY_LIMIT_BYTES (4 MiB, leaving room for the rest of the request) the report is split into an
 *   overview page plus one child page per top-level clause (4 to 10).
 * - Optionally a dated snapshot child page (same content, updated in place when published twice on one day).
 *
 * Product calls of one publish: the Jira reads (GapReportService.collectForReport: 1 count, then the search pages
 * of a full read, or per clause one search page plus up to 4 counts and existence searches), then 2 Confluence calls (find or read the page, then create
 * or update it), + 2 per conflict retry, + 2 per child page of a split report, + 2 for a snapshot page.
 */
import { z } from 'zod';
import { assertValidAdf } from './adf-validation';
import type { JobKind } from '../platform/job-runner';
import { toGapSnapshot } from '../domain/gap';
import { plural } from '../domain/plural';
import { buildEvidenceMatrixAdf, buildGapReportAdf, splitReportByGroup, utf8Length, type GapReportInput } from '../domain/report';
import type { DocNode } from '../domain/report/adf';
import type { PreviewReportResponse, PublishReportResultView } from '../contract/gap-report';
import type { JiraClient } from '../jira/jira-client';
import type { ConfluenceClient } from '../confluence/confluence-client';
import {
  type ReportPublication,
  PUBLICATION_HISTORY_LIMIT,
  PUBLICATION_SCHEMA_VERSION,
  type ReportPublicationRepository,
} from '../storage/report-publication-repository';
import { confluencePagePath, upsertPageInSpace } from './confluence-page.service';
import type { GapReportService } from './gap-report.service';
import { GAP_VIEW_SEARCH_BUDGET_MS } from './gap-report-views.service';
import { toReportInput } from '../domain/report/report-sources';

// ---------------------------------------------------------------- the publish job's input

export const PUBLISH_REPORT_JOB_TYPE = 'publish-report';

const numericId = z.string().regex(/^\d{1,20}$/);

/** What the resolver stores as the job's `input` (everything checked as the user before queueing). */
export const publishReportJobInputSchema = z.object({
  projectId: numericId,
  projectKey: z.string().min(1).max(64),
  projectName: z.string().max(255),
  siteBaseUrl: z.string().min(1).max(500),
  spaceKey: z.string().min(1).max(255),
  spaceId: numericId,
  parentPageId: numericId.nullable(),
  snapshotChild: z.boolean(),
});
export type PublishReportJobInput = z.infer<typeof publishReportJobInputSchema>;

/** The publish job as the resolver starts it (its steps: src/consumers/publish-report.consumer.ts). */
export const PUBLISH_REPORT_JOB: JobKind<PublishReportJobInput> = { type: PUBLISH_REPORT_JOB_TYPE, input: publishReportJobInputSchema };

/** What Confluence needs to find this app's macro: the ids Forge gives the running app. */
export interface AppIdentity {
  appId: string;
  environmentId: string;
  environmentType: string;
}

/** Largest page body request we send (the escaped ADF string); Confluence's request limit is 5 MiB. */
export const PAGE_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/** Stable page title: with the project key, so it is unique per project and findable again. */
export const reportPageTitle = (projectKey: string): string => `ISO/IEC 20000-1 gap report – ${projectKey}`;
export const groupPageTitle = (mainTitle: string, groupTitle: string): string => `${mainTitle} – ${groupTitle}`;
export const evidenceMatrixPageTitle = (mainTitle: string): string => `${mainTitle} – Evidence matrix`;
export const snapshotPageTitle = (mainTitle: string, at: Date): string => `${mainTitle} – snapshot ${at.toISOString().slice(0, 10)}`;

/** Bytes of the page body as it travels in the request: the ADF JSON, itself escaped as a JSON string. */
export function requestBodyBytes(adf: DocNode): number {
  return utf8Length(JSON.stringify(JSON.stringify(adf)));
}

/**
 * The pages of one report: the whole report on one page, or (over `limitBytes`) an overview page plus one page
 * per clause group. The one build the publish and the preview share.
 */
export function reportPages(input: GapReportInput, limitBytes: number) {
  const full = buildGapReportAdf(input);
  const bytes = requestBodyBytes(full);
  const split = bytes > limitBytes;
  const parts = split ? splitReportByGroup(input) : undefined;
  return { title: reportPageTitle(input.projectKey), bytes, split, parts, mainDoc: parts?.overview ?? full };
}

export interface PreviewRequest {
  projectId: string;
  projectKey: string;
  siteBaseUrl: string;
}

export interface PublishRequest {
  projectId: string;
  projectKey: string;
  /** Empty: taken from the search pages (the resolver no longer reads the project only for its name). */
  projectName: string;
  siteBaseUrl: string;
  spaceKey: string;
  spaceId: string;
  parentPageId: string | null;
  accountId: string;
  snapshotChild: boolean;
  jobId: string | null;
}

export interface PublishProgress {
  done: number;
  total: number;
  message?: string;
}

export interface PublishReportServiceOptions {
  /** 'app' in the publish job (the resolver checked the user before queueing it). */
  as: 'user' | 'app';
  limitBytes?: number;
  /** The running app's ids, read at publish time (Forge: getAppContext()); with them the page embeds the "SMS readiness" macro at its top. */
  appIdentity?: () => AppIdentity | undefined;
}

export interface PublishReportDeps {
  gaps: GapReportService;
  /** The project's name for the page (the preview reads it as the user; the job has it in its input). */
  jira: Pick<JiraClient, 'getProject'>;
  confluence: ConfluenceClient;
  publications: ReportPublicationRepository;
  now: () => Date;
}

interface Upserted {
  id: string;
  version: number;
  created: boolean;
  conflicts: number;
}

export class PublishReportService {
  private readonly confluence: ConfluenceClient;
  private readonly gaps: GapReportService;
  private readonly jira: Pick<JiraClient, 'getProject'>;
  private readonly publications: ReportPublicationRepository;
  private readonly now: () => Date;

  constructor(
    deps: PublishReportDeps,
    private readonly opts: PublishReportServiceOptions,
  ) {
    this.confluence = deps.confluence;
    this.jira = deps.jira;
    this.gaps = deps.gaps;
    this.publications = deps.publications;
    this.now = deps.now;
  }

  get limitBytes(): number {
    return this.opts.limitBytes ?? PAGE_BODY_LIMIT_BYTES;
  }

  /**
   * The report page as it would be published now, read AS THE USER within the in-app view's reading budget
   * (GAP_VIEW_SEARCH_BUDGET_MS from now): the same pages the publish builds (reportPages), without writing anything.
   */
  async preview(req: PreviewRequest): Promise<PreviewReportResponse> {
    const deadline = Date.now() + GAP_VIEW_SEARCH_BUDGET_MS;
    const [data, publication, jiraProject] = await Promise.all([
      this.gaps.collectForReport(req.projectId, { as: 'user', deadline }),
      this.publications.get(req.projectId),
      this.jira.getProject(req.projectId, { as: 'user' }),
    ]);
    const input = toReportInput(data, this.gaps.analyse(data), {
      siteBaseUrl: req.siteBaseUrl,
      projectKey: req.projectKey,
      projectName: jiraProject.name,
      previous: publication?.snapshot ?? undefined,
    });
    const pages = reportPages(input, this.limitBytes);
    return {
      title: pages.title,
      bytes: pages.bytes,
      limitBytes: this.limitBytes,
      willSplit: pages.split,
      adf: pages.mainDoc,
      childTitles: (pages.parts?.groups ?? []).map((g) => groupPageTitle(pages.title, g.title)),
      evidenceTruncated: data.truncated,
    };
  }

  async publish(req: PublishRequest, onProgress: (p: PublishProgress) => Promise<void> = async () => undefined): Promise<PublishReportResultView> {
    const previous = await this.publications.get(req.projectId);
    const data = await this.gaps.collectForReport(req.projectId, {
      as: this.opts.as,
      onPage: async ({ pages, issues }) => {
        if (pages === 1 || pages % 10 === 0) await onProgress({ done: issues, total: 0, message: `Read ${plural(issues, 'mapped issue')} from Jira (${plural(pages, 'Jira read')}).` });
      },
    });
    const analysis = this.gaps.analyse(data);
    const identity = this.opts.appIdentity?.();
    const input = toReportInput(data, analysis, {
      siteBaseUrl: req.siteBaseUrl,
      projectKey: req.projectKey,
      projectName: req.projectName || (await this.projectName(req.projectId, data.issues)),
      previous: previous?.snapshot ?? undefined,
      ...(identity !== undefined ? { macro: { ...identity, projectId: req.projectId, projectKey: req.projectKey } } : {}),
    });
    const { title, bytes, split, parts, mainDoc } = reportPages(input, this.limitBytes);
    const matrixDoc = buildEvidenceMatrixAdf(input);
    const matrixTitle = evidenceMatrixPageTitle(title);
    const childCount = (parts?.groups.length ?? 0) + (req.snapshotChild ? 1 : 0) + 1;
    const total = 1 + childCount;
    await onProgress({
      done: 0,
      total,
      message: split
        ? `The report takes ${bytes} bytes, over the ${this.limitBytes}-byte page limit: publishing an overview page and one page per clause group.`
        : `Read ${plural(data.issues.length, 'issue')}; publishing the report page (${bytes} bytes).`,
    });

    // Every page body is checked before the first write: an invalid one fails the job with the reason, and no page changes.
    assertValidAdf(mainDoc, `The page “${title}”`);
    for (const g of parts?.groups ?? []) assertValidAdf(g.doc, `The page “${groupPageTitle(title, g.title)}”`);
    assertValidAdf(matrixDoc, `The page “${matrixTitle}”`);

    const message = `Published by SMS Navigator: readiness ${analysis.readiness.overall.percent} %, ${plural(analysis.warningCount, 'warning')}.`;
    const knownMainId = previous !== undefined && previous.spaceId === req.spaceId ? previous.pageId : undefined;
    const main = await this.upsert({ spaceId: req.spaceId, parentId: req.parentPageId, title, adf: mainDoc, knownId: knownMainId, message });
    const base: ReportPublication = {
      schemaVersion: PUBLICATION_SCHEMA_VERSION,
      projectId: req.projectId,
      spaceKey: req.spaceKey,
      spaceId: req.spaceId,
      pageId: main.id,
      title,
      pageVersion: main.version,
      groupPages: previous?.spaceId === req.spaceId ? { ...previous.groupPages } : {},
      split: previous?.split ?? false,
      lastPublishedAt: previous?.lastPublishedAt ?? null,
      lastPublishedBy: previous?.lastPublishedBy ?? null,
      snapshot: previous?.snapshot ?? null,
      lastJobId: req.jobId,
      ...(previous?.spaceId === req.spaceId && previous.evidenceMatrixPageId !== undefined ? { evidenceMatrixPageId: previous.evidenceMatrixPageId } : {}),
      ...(previous?.history !== undefined ? { history: previous.history } : {}),
    };
    // Stored at once: a run killed from here on finds this page again instead of creating another.
    await this.publications.save(base);
    let done = 1;
    let conflicts = main.conflicts;
    await onProgress({ done, total, message: `${main.created ? 'Created' : 'Updated'} page "${title}" (version ${main.version}).` });

    const childPageIds: string[] = [];
    for (const g of parts?.groups ?? []) {
      const child = await this.upsert({
        spaceId: req.spaceId,
        parentId: main.id,
        title: groupPageTitle(title, g.title),
        adf: g.doc,
        knownId: base.groupPages[g.groupId],
        message,
      });
      base.groupPages[g.groupId] = child.id;
      await this.publications.save(base);
      childPageIds.push(child.id);
      conflicts += child.conflicts;
      done += 1;
      await onProgress({ done, total, message: `${child.created ? 'Created' : 'Updated'} the page of clause ${g.groupId}.` });
    }

    // The clause register as a child page. A main page created by this run has no children yet (every run
    // writes the main page first), so the matrix is created without a lookup; otherwise found by id or title.
    const matrix = await this.upsert({
      spaceId: req.spaceId,
      parentId: main.id,
      title: matrixTitle,
      adf: matrixDoc,
      knownId: base.evidenceMatrixPageId,
      message,
      fresh: main.created,
    });
    base.evidenceMatrixPageId = matrix.id;
    await this.publications.save(base);
    conflicts += matrix.conflicts;
    done += 1;
    await onProgress({ done, total, message: `${matrix.created ? 'Created' : 'Updated'} the Evidence matrix page.` });

    let snapshotPageId: string | null = null;
    if (req.snapshotChild) {
      const snap = await this.upsert({
        spaceId: req.spaceId,
        parentId: main.id,
        title: snapshotPageTitle(title, this.now()),
        adf: mainDoc,
        knownId: undefined,
        message,
      });
      snapshotPageId = snap.id;
      conflicts += snap.conflicts;
      done += 1;
      await onProgress({ done, total, message: `Kept a dated snapshot page (${snap.created ? 'created' : 'updated'}).` });
    }

    await this.publications.save({
      ...base,
      split,
      lastPublishedAt: this.now().toISOString(),
      lastPublishedBy: req.accountId,
      snapshot: toGapSnapshot(analysis),
      history: [
        ...(base.history ?? []),
        {
          at: this.now().toISOString(),
          percent: analysis.readiness.overall.percent,
          groups: Object.fromEntries(analysis.readiness.byGroup.map((g) => [g.groupId, g.figures.percent])),
        },
      ].slice(-PUBLICATION_HISTORY_LIMIT),
    });
    return {
      pageId: main.id,
      title,
      pageVersion: main.version,
      pagePath: confluencePagePath(req.spaceKey, main.id),
      created: main.created,
      split,
      childPageIds,
      snapshotPageId,
      evidenceMatrixPageId: matrix.id,
      bytes,
      evidenceCount: analysis.evidenceCount,
      searchPages: data.searchPages,
      conflictsRetried: conflicts,
    };
  }

  /** The name from the search pages already read; one project call only when the project has no mapped issue. */
  private async projectName(projectId: string, issues: readonly { projectName?: string }[]): Promise<string> {
    const named = issues.find((i) => i.projectName !== undefined)?.projectName;
    if (named !== undefined) return named;
    return (await this.jira.getProject(projectId, { as: this.opts.as })).name;
  }

  private upsert(p: { spaceId: string; parentId: string | null; title: string; adf: DocNode; knownId: string | undefined; message: string; fresh?: boolean }): Promise<Upserted> {
    return upsertPageInSpace(
      this.confluence,
      { spaceId: p.spaceId, parentId: p.parentId, title: p.title, adf: p.adf, message: p.message, knownPageId: p.knownId ?? null, ...(p.fresh === true ? { knownAbsent: true } : {}) },
      this.opts.as,
    ).then((r) => ({ id: r.pageId, version: r.version, created: r.created, conflicts: r.conflictsRetried }));
  }
}
