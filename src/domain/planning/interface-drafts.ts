/**
 * Rule 2 drafts: for every process interaction that crosses a phase boundary and has no interface yet, a first
 * interface text in the phase that must define it, written from the interaction map. A proposal therefore
 * passes its own Rule 2 check; the drafts are meant to be edited (they say what to agree, not how it is done).
 */
import { requireClause } from '../catalogue/catalogue';
import type { Phase, PhaseInterface, Plan } from './plan';
import { type CrossPhaseInteraction, crossPhaseInteractions } from './plan-validation';

const name = (id: string): string => `${requireClause(id).title} (${id})`;

/** The drafted text of one crossing (our wording; the interaction's own sentence first). */
export function draftInterfaceText(c: Pick<CrossPhaseInteraction, 'from' | 'to' | 'what' | 'kind'>): string {
  const what = c.what.trim().replace(/\.?$/, '.');
  const how =
    c.kind === 'outside-plan'
      ? 'One side is not in the plan: agree with whoever does this work today how it is handed over (who passes what, by which channel, where it is recorded).'
      : 'Until both processes run under the SMS, agree a manual hand-over (who passes what, by which channel, where it is recorded) and check it at the phase review.';
  return `${name(c.from)} → ${name(c.to)}: ${what} ${how}`;
}

/** The plan with a drafted interface for every crossing that has none; existing interfaces are kept as they are. */
export function draftMissingInterfaces(plan: Plan): Plan {
  const missing = crossPhaseInteractions(plan).filter((c) => c.flagged);
  if (missing.length === 0) return plan;
  const byPhase = new Map<string, PhaseInterface[]>();
  for (const c of missing) {
    const list = byPhase.get(c.requiredInPhaseId) ?? [];
    list.push({ interactionId: c.interactionId, description: draftInterfaceText(c) });
    byPhase.set(c.requiredInPhaseId, list);
  }
  const phases = plan.phases.map((p): Phase => {
    const add = byPhase.get(p.id);
    return add === undefined ? p : { ...p, interfaces: [...p.interfaces, ...add] };
  });
  return { ...plan, phases };
}
