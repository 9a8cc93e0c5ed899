/**
 * What an implementation plan should settle at least (TS 20000-5 5.4 a–i), in our own words, each pointing at
 * the places in the app where the team records it. The team ticks an item once the plan covers it.
 */
import { z } from 'zod';

/** Tabs of the project page (ids used by the UI) and sections of the Initiation tab. */
export type AppTabId = 'scope' | 'maturity' | 'phases' | 'gap-report' | 'initiation';
export type InitiationSectionId = 'business-case' | 'baseline' | 'kpis' | 'target-state' | 'plan-checklist' | 'challenges';

export interface AppLink {
  tabId: AppTabId;
  section?: InitiationSectionId;
  label: string;
}

export const PLAN_CHECKLIST_IDS = [
  'objectives-scope-results',
  'approach',
  'processes-interfaces',
  'risks',
  'resources',
  'roles-responsibilities',
  'monitoring-reporting',
  'awareness-training',
  'budget',
] as const;
export type PlanChecklistItemId = (typeof PLAN_CHECKLIST_IDS)[number];

export interface PlanChecklistItem {
  id: PlanChecklistItemId;
  letter: string;
  text: string;
  links: readonly AppLink[];
}

export const PLAN_CHECKLIST: readonly PlanChecklistItem[] = [
  {
    id: 'objectives-scope-results',
    letter: 'a',
    text: 'What the implementation aims at, what it covers and what results are expected.',
    links: [
      { tabId: 'initiation', section: 'target-state', label: 'Target state' },
      { tabId: 'scope', label: 'Scope' },
    ],
  },
  { id: 'approach', letter: 'b', text: 'Which way of getting there fits best (by process subsets, by maturity levels, or both).', links: [{ tabId: 'phases', label: 'Phases' }] },
  {
    id: 'processes-interfaces',
    letter: 'c',
    text: 'Which processes are introduced or improved, and how they connect to each other.',
    links: [
      { tabId: 'phases', label: 'Phases (interfaces)' },
      { tabId: 'maturity', label: 'Maturity' },
    ],
  },
  {
    id: 'risks',
    letter: 'd',
    text: 'The risks, and how they are judged and dealt with.',
    links: [
      { tabId: 'initiation', section: 'challenges', label: 'Challenge register' },
      { tabId: 'initiation', section: 'business-case', label: 'Business case: risk assessment' },
    ],
  },
  { id: 'resources', letter: 'e', text: 'The people, information and infrastructure needed.', links: [{ tabId: 'initiation', section: 'business-case', label: 'Business case: resources' }] },
  {
    id: 'roles-responsibilities',
    letter: 'f',
    text: 'Who does, steers, reviews and later sustains the work: structures, roles, authority and skills.',
    links: [
      { tabId: 'initiation', section: 'business-case', label: 'Business case: governance' },
      { tabId: 'phases', label: 'Phases (owners)' },
    ],
  },
  {
    id: 'monitoring-reporting',
    letter: 'g',
    text: 'How progress is tracked and reviewed, how results are reported, and how what already works keeps working.',
    links: [
      { tabId: 'initiation', section: 'kpis', label: 'KPIs' },
      { tabId: 'gap-report', label: 'Gap report' },
    ],
  },
  { id: 'awareness-training', letter: 'h', text: 'What people need to know, learn and take part in.', links: [{ tabId: 'initiation', section: 'challenges', label: 'Challenge register' }] },
  { id: 'budget', letter: 'i', text: 'The money the plan needs.', links: [{ tabId: 'initiation', section: 'business-case', label: 'Business case: costs' }] },
];

export const planChecklistStateSchema = z.partialRecord(
  z.enum(PLAN_CHECKLIST_IDS),
  z.object({ done: z.boolean(), note: z.string().max(1000) }),
);
export type PlanChecklistState = z.infer<typeof planChecklistStateSchema>;

export function planChecklistProgress(state: PlanChecklistState): { done: number; total: number } {
  return { done: PLAN_CHECKLIST_IDS.filter((id) => state[id]?.done === true).length, total: PLAN_CHECKLIST_IDS.length };
}
