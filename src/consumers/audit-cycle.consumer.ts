/**
 * The audit cycle's jobs on the one job runner (src/platform/job-runner.ts), started by startAuditSample and
 * startPublishReview after they checked the user (write access; the audit issue read as the user; Confluence
 * connected and the space visible to the user). Both work as the app.
 *
 * - 'audit-sample': one step. Reads the audit plan and the process owners again (the independence rule is checked
 *   again, before any search), draws the sample and writes it with the checklists into the audit issue in one PUT.
 *   Safe to repeat: the same seed and date on the same issues draw the same sample, and the write replaces the
 *   description and the sample property whole (nothing is appended).
 * - 'publish-review': one step. Reads the cycle's issues (one paged search) and the stored inputs, publishes the
 *   pack through the one page upsert (by remembered page id, else by title: a re-run updates, never duplicates)
 *   and remembers the page for the review date.
 */
import type { AppServices } from '../app-services';
import type { AuditSampleResultView, PublishReviewResultView } from '../contract/audit';
import type { TypedJob } from '../platform/job-runner';
import { AUDIT_SAMPLE_JOB, PUBLISH_REVIEW_JOB, type AuditSampleJobInput, type PublishReviewJobInput, reviewStoredInput } from '../services/audit-jobs';
import { reviewPageTitle } from '../services/review-pack.service';
import { defineResultJob } from './result-job';

export function createAuditSampleJob(): TypedJob<AuditSampleJobInput, AppServices> {
  return defineResultJob<AuditSampleJobInput, AuditSampleResultView, AppServices>({
    kind: AUDIT_SAMPLE_JOB,
    step: 'draw-and-record',
    resultKey: 'auditKey',
    async run(ctx) {
      const { deps, input } = ctx;
      await ctx.progress({ done: 0, total: 1, message: `Drawing the sample of ${input.auditKey}` });
      const audit = await deps.auditCycleAsApp.readAudit(input.auditKey);
      const { owners } = await deps.audits.get(input.projectId);
      const drawn = await deps.auditSampling.drawAndRecord({
        projectKey: input.projectKey,
        siteBaseUrl: input.siteBaseUrl,
        auditIssueKey: input.auditKey,
        plan: audit.plan,
        owners,
        request: { seed: input.seed, asOf: input.asOf, sizes: input.sizes },
      });
      return { auditKey: input.auditKey, seed: drawn.sample.seed, asOf: drawn.sample.asOf, clauses: drawn.sample.clauses, searches: drawn.searches };
    },
    noResult: 'The sample was not drawn.',
    ending(result) {
      const drawn = result.clauses.reduce((n, c) => n + c.issueKeys.length, 0);
      return {
        done: 1,
        total: 1,
        links: [{ label: result.auditKey, href: `/browse/${result.auditKey}` }],
        messages: [`Drew ${drawn} issue${drawn === 1 ? '' : 's'} over ${result.clauses.length} clause${result.clauses.length === 1 ? '' : 's'} with seed “${result.seed}” and wrote them with a checklist per clause into ${result.auditKey}.`],
      };
    },
  });
}

export function createPublishReviewJob(): TypedJob<PublishReviewJobInput, AppServices> {
  return defineResultJob<PublishReviewJobInput, PublishReviewResultView, AppServices>({
    kind: PUBLISH_REVIEW_JOB,
    step: 'publish',
    resultKey: 'pageId',
    async run(ctx) {
      const { deps, input, job } = ctx;
      await ctx.progress({ done: 0, total: 1, message: `Assembling the management review pack of ${input.reviewDate}` });
      const now = deps.now().toISOString();
      const stored = await reviewStoredInput(deps, input, now);
      const known = (await deps.audits.get(input.projectId)).reviews.find((r) => r.reviewDate === input.reviewDate);
      const page = await deps.reviewPack.publish({ ...stored, spaceKey: input.spaceKey, parentId: input.parentPageId, knownPageId: known?.pageId ?? null });
      await deps.audits.saveReview(input.projectId, {
        reviewDate: input.reviewDate,
        pageId: page.pageId,
        title: page.title,
        pagePath: page.url,
        publishedAt: now,
        publishedBy: job.accountId ?? 'app',
      });
      return { reviewDate: input.reviewDate, pageId: page.pageId, title: page.title, pagePath: page.url, created: page.created, issuesRead: page.issuesRead };
    },
    noResult: 'The review pack was not published.',
    ending: (result, input) => ({
      done: 1,
      total: 1,
      links: [{ label: result.title, href: result.pagePath }],
      messages: [`${result.created ? 'Created' : 'Updated'} “${reviewPageTitle(input.projectKey, result.reviewDate)}” from ${result.issuesRead} Jira issues.`],
    }),
  });
}

export const auditSampleJob = createAuditSampleJob();
export const publishReviewJob = createPublishReviewJob();
