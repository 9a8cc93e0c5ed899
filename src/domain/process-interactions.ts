/**
 * Typical interactions between the clause 8 processes of ISO/IEC 20000-1:2018. The phase planner uses them
 * for TS 20000-5 Rule 2: when a phase takes in only some processes, every interaction that crosses the phase
 * boundary needs a defined interface. `from` hands something to `to`; `what` says what, in our own words.
 * Both directions of a pair may appear when each side feeds the other. Endpoints name a whole process:
 * 8.1 or a clause at depth 3 under 8.2 .. 8.7 (e.g. change management is "8.5.1", not "8.5.1.3").
 */
import type { ClauseId } from './catalogue/catalogue';

export interface ProcessInteraction {
  from: ClauseId;
  to: ClauseId;
  what: string;
}

export const PROCESS_INTERACTIONS: readonly ProcessInteraction[] = [
  { from: '8.6.1', to: '8.6.3', what: 'Recurring or major incidents are raised as problems for root-cause analysis.' },
  { from: '8.6.3', to: '8.6.1', what: 'Known errors and workarounds help the service desk resolve incidents faster.' },
  { from: '8.6.3', to: '8.5.1', what: 'Permanent fixes for problems are submitted as requests for change.' },
  { from: '8.5.1', to: '8.5.3', what: 'Approved changes are packaged into releases and scheduled for deployment.' },
  { from: '8.5.3', to: '8.5.1', what: 'Deployment results are reported back so each change can be reviewed and closed.' },
  { from: '8.5.3', to: '8.6.1', what: 'Incidents caused by a deployment are linked to the release for follow-up.' },
  { from: '8.3.3', to: '8.6.1', what: 'Agreed service targets set incident priorities and resolution times.' },
  { from: '8.6.1', to: '8.3.3', what: 'Incident records show whether service level targets were met.' },
  { from: '8.4.2', to: '8.4.3', what: 'Demand forecasts drive how much capacity is planned.' },
  { from: '8.4.3', to: '8.4.2', what: 'Known capacity limits tell demand management where use must be steered.' },
  { from: '8.2.6', to: '8.5.1', what: 'Configuration records show what a change affects, so its impact can be assessed.' },
  { from: '8.5.1', to: '8.2.6', what: 'Completed changes update the configuration records.' },
  { from: '8.2.5', to: '8.2.6', what: 'Managed assets supply many of the items tracked as configuration items.' },
  { from: '8.3.4', to: '8.3.3', what: 'Supplier contracts underpin the service levels promised to customers.' },
  { from: '8.3.3', to: '8.3.4', what: 'Service level targets set what external suppliers must deliver.' },
  { from: '8.6.1', to: '8.3.4', what: 'Incidents in supplier-run components are passed to the supplier to fix.' },
  { from: '8.3.4', to: '8.4.1', what: 'Supplier charges are fed into service budgets and cost accounting.' },
  { from: '8.7.1', to: '8.7.2', what: 'Availability risks and targets feed the continuity plans.' },
  { from: '8.6.1', to: '8.7.2', what: 'A major incident can trigger the service continuity plan.' },
  { from: '8.3.3', to: '8.7.1', what: 'Availability targets come from the service level agreements.' },
  { from: '8.4.3', to: '8.7.1', what: 'Capacity shortfalls are flagged as threats to availability.' },
  { from: '8.7.3', to: '8.6.1', what: 'Security incidents are logged and handled within incident management.' },
  { from: '8.6.1', to: '8.7.3', what: 'Incidents with a security impact are routed to security incident handling.' },
  { from: '8.7.3', to: '8.5.1', what: 'Changes are assessed for their effect on information security controls.' },
  { from: '8.2.4', to: '8.6.2', what: 'The service catalogue lists which requests users can raise.' },
  { from: '8.6.2', to: '8.5.1', what: 'Requests that alter a service are raised as changes.' },
  { from: '8.2.4', to: '8.3.3', what: 'Service level agreements refer to services as described in the catalogue.' },
  { from: '8.4.1', to: '8.4.3', what: 'Budgets limit what capacity can be bought.' },
  { from: '8.4.3', to: '8.4.1', what: 'Capacity plans give cost forecasts for budgeting.' },
  { from: '8.3.2', to: '8.3.3', what: 'Customer needs learned through the relationship become service level targets.' },
  { from: '8.3.3', to: '8.3.2', what: 'Service level results feed customer service reviews.' },
  { from: '8.5.1', to: '8.5.2', what: 'The change policy decides which changes go through full service design and transition.' },
  { from: '8.5.2', to: '8.5.3', what: 'Newly built services reach live use through release and deployment.' },
  { from: '8.5.2', to: '8.2.4', what: 'A new or changed service design updates the service catalogue.' },
  { from: '8.2.2', to: '8.5.2', what: 'Service planning decides which new or changed services get designed.' },
  { from: '8.4.2', to: '8.2.2', what: 'Demand trends inform which services to add, change or retire.' },
  { from: '8.1', to: '8.2.1', what: 'Operational plans set how service delivery activities are run and controlled.' },
];

/** True when `id` equals one of the scope ids or sits under one (a scope may name a whole group, e.g. "8.6"). */
export function isWithinScope(id: ClauseId, scope: readonly ClauseId[]): boolean {
  return scope.some((s) => id === s || id.startsWith(`${s}.`));
}

/** Interactions in which `id` (or any subclause of it) takes part, in either direction. */
export function interactionsOf(id: ClauseId): ProcessInteraction[] {
  return PROCESS_INTERACTIONS.filter((i) => isWithinScope(i.from, [id]) || isWithinScope(i.to, [id]));
}

/**
 * Interactions crossing the boundary of a phase whose scope is `scope` (clause or group ids):
 * exactly one endpoint is inside. These are the interfaces Rule 2 asks the organization to define.
 */
export function interactionsCrossing(scope: readonly ClauseId[]): ProcessInteraction[] {
  return PROCESS_INTERACTIONS.filter((i) => isWithinScope(i.from, scope) !== isWithinScope(i.to, scope));
}
