/**
 * Stable ids for the entries of PROCESS_INTERACTIONS ("<from>><to>", e.g. "8.6.1>8.6.3"), used by phase
 * interfaces to say which interaction they cover.
 */
import { type ProcessInteraction, PROCESS_INTERACTIONS } from '../process-interactions';

export interface IdentifiedInteraction extends ProcessInteraction {
  id: string;
}

export function interactionId(i: Pick<ProcessInteraction, 'from' | 'to'>): string {
  return `${i.from}>${i.to}`;
}

/** PROCESS_INTERACTIONS with their ids (a repeated from/to pair gets "#2", "#3" …). */
export const IDENTIFIED_INTERACTIONS: readonly IdentifiedInteraction[] = (() => {
  const seen = new Map<string, number>();
  return PROCESS_INTERACTIONS.map((i) => {
    const base = interactionId(i);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...i, id: n === 1 ? base : `${base}#${n}` };
  });
})();

export function getInteraction(id: string): IdentifiedInteraction | undefined {
  return IDENTIFIED_INTERACTIONS.find((i) => i.id === id);
}
