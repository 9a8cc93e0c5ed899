/**
 * The audit issue's description: the audit plan (scope, criteria, dates, auditor), the sample with the seed that
 * reproduces it, and a checklist per audited clause as Jira task items. The app writes it whole each time it
 * draws the sample (notes from the audit go in comments or in the findings). Pure; carried strings go through
 * safe-text.ts; links only from the validated site URL and issue keys that match Jira's pattern.
 */
import { getClause } from '../catalogue/catalogue';
import { type BlockContent, type DocNode, type Inline, doc, heading, inlineCard, link, mention, p, strong, t, taskItem, taskList } from '../report/adf';
import { isIssueKey, issueUrl, jqlSearchUrl, normaliseSiteBaseUrl } from '../report/gap-report';
import { safeLine } from '../report/safe-text';
import { type AuditPlan, type ClauseChecklist } from './audit-programme';
import { type AuditSample, stratumLabel } from './sampling';
import { pageDay } from '../page-dates';

const MAX_TEXT = 300;

function checklistBlocks(site: string, list: ClauseChecklist, sample: AuditSample['clauses'][number] | undefined): BlockContent[] {
  const blocks: BlockContent[] = [heading({ level: 3 })(t(`${list.clauseId} ${safeLine(list.title, MAX_TEXT, list.clauseId)}`))];
  if (sample !== undefined) {
    const strata = sample.strata.map((s) => `${stratumLabel(s)}: ${s.drawn.length} of ${s.population}`).join('; ');
    blocks.push(
      p(
        t(`Sampled ${sample.issueKeys.length} of ${sample.population} evidence issues${strata === '' ? '.' : ` (${strata}).`} `),
        link({ href: jqlSearchUrl(site, sample.figure.jql) })('Open the sample in Jira') as Inline,
      ),
    );
  }
  const items = list.items.map((item) => {
    const content: Inline[] =
      item.issueKey !== undefined && isIssueKey(item.issueKey)
        ? [t('Examine '), inlineCard({ url: issueUrl(site, item.issueKey) }), t(': does it show the requirement being carried out?')]
        : [t(safeLine(item.text, MAX_TEXT * 2, '—'))];
    return taskItem({ localId: item.id, state: 'TODO' })(...content);
  });
  const [first, ...rest] = items;
  if (first !== undefined) blocks.push(taskList({ localId: `${list.clauseId}/checklist` })(first, ...rest));
  return blocks;
}

/** The audit issue's description. Throws VALIDATION_FAILED when the site URL is not a plain https site. */
export function auditIssueAdf(siteBaseUrl: string, plan: AuditPlan, sample: AuditSample, checklist: readonly ClauseChecklist[]): DocNode {
  const site = normaliseSiteBaseUrl(siteBaseUrl);
  const scope = [
    ...plan.scope.clauses.map((id) => `${id} ${getClause(id)?.title ?? ''}`.trim()),
    ...plan.scope.processes.map((id) => `${id} ${getClause(id)?.title ?? ''}`.trim()),
  ];
  const byClause = new Map(sample.clauses.map((c) => [c.clauseId, c] as const));
  return doc(
    heading({ level: 2 })(t('Audit plan')),
    p(strong('Scope: ') as Inline, t(safeLine(scope.join('; '), MAX_TEXT * 3, '—'))),
    p(strong('Criteria: ') as Inline, t(safeLine(plan.criteria, MAX_TEXT * 3, '—'))),
    p(strong('Dates: ') as Inline, t(`${plan.start} to ${plan.end}`)),
    p(strong('Auditor: ') as Inline, mention({ id: plan.auditor })),
    heading({ level: 2 })(t('Sample and checklist')),
    p(t(`Drawn with seed “${safeLine(sample.seed, 64, '?')}” as of ${pageDay(sample.asOf) ?? sample.asOf.slice(0, 10)}: the same seed on the same issues draws the same sample.`)),
    ...checklist.flatMap((list) => checklistBlocks(site, list, byClause.get(list.clauseId))),
  );
}
