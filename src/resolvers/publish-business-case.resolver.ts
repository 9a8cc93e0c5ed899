import { z } from 'zod';
import type { PublishBusinessCaseResponse } from '../contract/initiation';
import { ConfigMissingError } from '../domain/errors';
import { businessCaseAdf, businessCasePageTitle } from '../domain/initiation';
import { upsertPage } from '../services/confluence-page.service';
import { initiationPeople } from '../services/initiation.service';
import { assertVersion } from '../storage/stored-record';
import { defineResolver } from './define-resolver';

/**
 * Publishes the "Business case" page to the Confluence space (and under the parent page) of the project
 * settings, as the user: created the first time, updated in place afterwards. The page id is remembered so a
 * renamed project still updates the same page.
 *
 * Check, then write: every refusal (settings, a stale `expectedVersion` = CONFLICT naming who saved when, the
 * page body) comes before the Confluence write. Once the page is written, recording where it is never refuses:
 * an edit saved meanwhile by someone else is kept, and the page says which initiation version it shows.
 */
export const publishBusinessCase = defineResolver({
  key: 'publishBusinessCase',
  payload: z.object({ expectedVersion: z.number().int().nonnegative().optional() }),
  async handler(input, ctx): Promise<PublishBusinessCaseResponse> {
    const { deps, project } = ctx;
    await deps.confluence.requireConnected(); // CONFLUENCE_NOT_CONNECTED before any work
    const settings = await deps.settings.get(project.id);
    if (settings === undefined) {
      throw new ConfigMissingError('Choose the Confluence space for reports in the project settings before publishing.', { setting: 'confluenceSpaceKey' });
    }
    const names = deps.names;
    const service = deps.initiation;
    const [snap, context, jiraProject] = await Promise.all([
      service.repository.get(project.id),
      service.context(project.id),
      deps.jira.getProject(project.id, { as: 'user' }),
    ]);
    if (input.expectedVersion !== undefined) {
      const stamp = snap.updatedBy === null || snap.updatedAt === null ? undefined : { version: snap.version, updatedAt: snap.updatedAt, updatedBy: snap.updatedBy };
      assertVersion('The initiation', stamp, input.expectedVersion);
    }
    // One lookup serves the page and the view returned (the caller becomes the publisher).
    const people = await names([...initiationPeople(snap), ctx.accountId]);
    const title = businessCasePageTitle(jiraProject.name, project.key);
    const adf = businessCaseAdf({
      projectKey: project.key,
      projectName: jiraProject.name,
      generatedAt: deps.now().toISOString(),
      initiation: snap.initiation,
      baselineMaturity: context.baselineMaturity,
      plan: { phases: context.planPhases },
      people,
    });
    const page = await upsertPage(
      deps.confluence,
      {
        spaceKey: settings.confluenceSpaceKey,
        parentId: settings.confluenceParentPageId,
        title,
        adf,
        message: `Published by SMS Navigator (initiation version ${snap.version}).`,
        knownPageId: snap.initiation.published?.pageId ?? null,
      },
      'user',
    );
    const publishedAt = deps.now().toISOString();
    // The page is written: record it on the latest version, whoever saved since (no refusal after a write).
    const latest = await service.repository.get(project.id);
    const saved = await service.repository.update(project.id, latest.version, ctx.accountId, (cur) => ({
      ...cur,
      published: {
        pageId: page.pageId,
        spaceKey: settings.confluenceSpaceKey,
        title,
        url: page.url,
        version: page.version,
        publishedAt,
        publishedBy: ctx.accountId,
      },
    }));
    deps.log('info', 'business case published', { projectId: project.id, pageId: page.pageId, version: page.version });
    return {
      view: await service.view(project.id, saved, people),
      page: { pageId: page.pageId, title, url: page.url, version: page.version, created: page.created },
    };
  },
});
