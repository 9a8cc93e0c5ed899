/**
 * Reusable browser steps of the phase evaluation (TS 20000-5 5.6), for this lane's spec and the full audit-cycle
 * spec: a saved plan whose phase 1 has two objectives and its epics in Jira (through the bridge, as the project
 * admin), then in the Evaluation view: objective 1 met, objective 2 not met with its cause and agreed action
 * (previewed, then created in Jira and linked), the evaluation saved as the end of phase 1, and a lesson learned.
 */
import { expect, type APIRequestContext, type FrameLocator, type Page } from '@playwright/test';
import { invokeAsAdmin, openView, projectApp } from '../support';

export const PHASE_ONE_OBJECTIVES = ['Incidents are logged and resolved through one agreed process.', 'Every major incident is reviewed within five working days.'];
export const EVIDENCE_KEY = 'SMS-1';

/** A saved Approach 1 plan whose phase 1 has exactly the two objectives above, with its epics created in Jira. */
export async function planWithPhaseOne(request: APIRequestContext, opts: { withEpics?: boolean; withKpi?: boolean } = {}): Promise<{ phaseId: string; phaseName: string }> {
  if (opts.withKpi !== false) await kpiFromJql(request);
  const current = await invokeAsAdmin(request, 'getPlan', {});
  expect(current.ok).toBe(true);
  type PlanLike = { phases: { id: string; name: string; objectives: string[] }[] };
  let plan = current.data.plan as PlanLike | null;
  let version = current.data.version as number;
  if (plan === null) {
    const proposed = await invokeAsAdmin(request, 'proposePlan', { approach: 'subsets' });
    expect(proposed.ok).toBe(true);
    plan = proposed.data.plan as PlanLike;
  }
  const first = plan.phases[0];
  if (first === undefined) throw new Error('The proposed plan has no phase.');
  if (JSON.stringify(first.objectives) !== JSON.stringify(PHASE_ONE_OBJECTIVES)) {
    const saved = await invokeAsAdmin(request, 'savePlan', { plan: { ...plan, phases: [{ ...first, objectives: PHASE_ONE_OBJECTIVES }, ...plan.phases.slice(1)] }, version, reason: 'Phase 1 objectives set for the evaluation.' });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    version = saved.data.version as number;
  }
  if (opts.withEpics !== false) {
    const started = await invokeAsAdmin(request, 'startEpicSync', { includeItems: true, expectedPlanVersion: version });
    expect(started.ok, JSON.stringify(started)).toBe(true);
    const jobId = started.data.jobId as string;
    await expect
      .poll(async () => (await invokeAsAdmin(request, 'getJobStatus', { jobId })).data.status, { timeout: 60_000 })
      .toBe('done');
  }
  return { phaseId: first.id, phaseName: first.name };
}

export const KPI_NAME = 'Open issues in the project';

/** A KPI counted from Jira by JQL (baseline and target by hand), unless the project has it already. */
export async function kpiFromJql(request: APIRequestContext): Promise<void> {
  const initiation = await invokeAsAdmin(request, 'getInitiation', {});
  expect(initiation.ok).toBe(true);
  const { kpis } = initiation.data.initiation as { kpis: { id: string; measurements: unknown[] }[] };
  if (kpis.some((k) => k.id === 'open-issues')) return;
  const kept = kpis.map(({ measurements: _m, ...k }) => k);
  const kpi = { id: 'open-issues', name: KPI_NAME, unit: 'issues', direction: 'lower', baseline: 220, target: 150, source: { kind: 'jqlCount', jql: 'statusCategory != Done' } };
  const saved = await invokeAsAdmin(request, 'saveKpis', { version: initiation.data.version, kpis: [...kept, kpi] });
  expect(saved.ok, JSON.stringify(saved)).toBe(true);
}

/** The card of objective `n` (1-based) in the Evaluation view. */
export const objectiveCard = (app: FrameLocator, n: number) => app.getByRole('group', { name: `Objective ${n}`, exact: true });

/**
 * In the Evaluation view on phase 1: objective 1 met with evidence, objective 2 not met with its cause and agreed
 * action (preview, then create), the evaluation saved as the end of the phase. Returns the action's issue key.
 */
export async function evaluatePhaseOne(page: Page, cause = 'Nobody owned the reviews of major incidents.', action = 'Name a review owner for each service and book the reviews.'): Promise<string> {
  const region = await openView(page, 'Evaluation');
  const app = projectApp(page);
  await expect(region.getByRole('heading', { name: 'Objectives (2)' })).toBeVisible();
  // The JQL KPI is counted in Jira now, its query shown and linked.
  const kpiRow = region.getByRole('row', { name: new RegExp(`^${KPI_NAME}`) });
  await expect(kpiRow).toContainText('computed from Jira now');
  await expect(kpiRow.getByRole('link', { name: `Open the query of ${KPI_NAME} in Jira` })).toBeVisible();

  const one = objectiveCard(app, 1);
  await one.getByLabel('Evidence issues of objective 1').fill(EVIDENCE_KEY);
  await one.getByRole('group', { name: 'Verdict of objective 1' }).getByRole('button', { name: 'Met', exact: true }).click();
  await expect(one.getByRole('button', { name: 'Met', exact: true })).toHaveAttribute('aria-pressed', 'true');

  const two = objectiveCard(app, 2);
  await two.getByLabel('Evidence issues of objective 2').fill(EVIDENCE_KEY);
  await two.getByRole('group', { name: 'Verdict of objective 2' }).getByRole('button', { name: 'Not met', exact: true }).click();
  // Not saved yet: an objective not met is saved with its cause and action.
  await expect(region.getByTestId('save-blocked')).toContainText('objective 2');
  await two.getByLabel('Cause (why objective 2 was not fully met)').fill(cause);
  await two.getByLabel('Agreed action for objective 2').fill(action);
  await two.getByRole('button', { name: 'Preview the Jira issue' }).click();
  const preview = two.getByRole('region', { name: 'The Jira issue for objective 2' });
  await expect(preview).toContainText(`: ${PHASE_ONE_OBJECTIVES[1]}`);
  await expect(preview).toContainText(`Linked (relates to): ${EVIDENCE_KEY}`);
  await preview.getByRole('button', { name: 'Create the issue and link it' }).click();
  const created = two.getByRole('status').filter({ hasText: /^Created SMS-\d+ and linked it to/ });
  await expect(created).toBeVisible();
  const key = /^Created (SMS-\d+)/.exec((await created.textContent()) ?? '')?.[1];
  if (key === undefined) throw new Error('No issue key in the confirmation.');
  await expect(two.getByRole('link', { name: key, exact: true })).toBeVisible();

  await region.getByLabel('Kind of evaluation').click();
  await app.getByRole('option', { name: 'End of the phase' }).click();
  await region.getByRole('button', { name: 'Save the evaluation' }).click();
  await expect(region.getByRole('status').filter({ hasText: 'Evaluation saved (end of phase).' })).toBeVisible();
  await expect(region.getByTestId('verdict-counts')).toContainText('Met 1');
  await expect(region.getByTestId('verdict-counts')).toContainText('Not met 1');
  return key;
}

/** Adds a lesson learned from the phase on screen in the Evaluation view. */
export async function addLesson(page: Page, observation: string, recommendation: string): Promise<void> {
  const region = projectApp(page).getByRole('region', { name: 'Evaluation', exact: true });
  await region.getByLabel('What happened').fill(observation);
  await region.getByLabel('What to do next time').fill(recommendation);
  await region.getByRole('button', { name: 'Add lesson' }).click();
  await expect(region.getByRole('list', { name: 'Lessons learned' })).toContainText(observation);
}

/** In the Phases view, the lesson is offered to phase 2 (it was learned in phase 1). */
export async function expectLessonOfferedInPhases(page: Page, observation: string): Promise<void> {
  const region = await openView(page, 'Phases');
  const offered = region.getByRole('group', { name: /^Lessons offered to Phase 2 · / });
  await expect(offered).toContainText(observation);
}

/**
 * In the Phases view, revises phase 1 after its evaluation: saving without a reason is refused, with one it is
 * saved and the plan history shows the reason.
 */
export async function revisePhaseOne(page: Page, reason: string): Promise<void> {
  const region = await openView(page, 'Phases');
  const app = projectApp(page);
  const phase = app.getByRole('group', { name: /^Phase 1: / });
  await phase.getByRole('button', { name: /^Phase 1: / }).click();
  const name = phase.getByLabel('Phase name');
  await name.fill(`${await name.inputValue()} (revised)`);
  await region.getByRole('button', { name: 'Save plan' }).click();
  await expect(region.getByText(/was evaluated: say why the plan is revised/)).toBeVisible();
  await region.getByLabel(/^Why is the plan revised\?/).fill(reason);
  await region.getByRole('button', { name: 'Save plan' }).click();
  await expect(region.getByRole('status').filter({ hasText: /^Plan saved \(version \d+\)\.$/ })).toBeVisible();
  const history = region.getByRole('list', { name: 'Plan revisions' });
  await expect(history).toContainText(reason);
  await expect(history).toContainText('after evaluating');
}
