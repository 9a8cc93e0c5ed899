/**
 * Implementation challenges of ISO/IEC TS 20000-5:2022 (clause 6, Table 2) with what to watch for.
 * Titles are short labels of our own; definitions and considerations are our own paraphrase.
 * Related clauses are catalogue ids (a consideration pointing at a whole clause uses its top-level id).
 */
import type { ClauseId } from './catalogue/catalogue';
import { compareClauseIds } from './catalogue/catalogue';

export type ChallengeId = 'weak-initial-support' | 'fading-drivers' | 'top-management-buy-in' | 'cultural-resistance';

export interface ChallengeConsideration {
  /** Stable id, `<challenge id>/<slug>`; safe to store as a checklist key. */
  id: string;
  text: string;
  /** Extra to the contract: the clauses this particular point touches. */
  relatedClauses: readonly ClauseId[];
}

export interface Challenge {
  id: ChallengeId;
  title: string;
  definition: string;
  considerations: readonly ChallengeConsideration[];
  /** Union of the considerations' clauses, in numeric order. */
  relatedClauses: readonly ClauseId[];
}

type Draft = Omit<Challenge, 'relatedClauses' | 'considerations'> & {
  considerations: readonly { slug: string; text: string; relatedClauses: readonly ClauseId[] }[];
};

const DRAFTS: readonly Draft[] = [
  {
    id: 'weak-initial-support',
    title: 'Weak support to get started',
    definition: 'Decision-makers are not yet convinced that the reasons for and benefits of an SMS justify starting.',
    considerations: [
      { slug: 'scan-context', text: 'Assess how service management helps or hinders the business purpose, legal duties included.', relatedClauses: ['4', '6'] },
      { slug: 'involve-non-approvers', text: 'Invite people without sign-off power to help plan and build it.', relatedClauses: ['6', '7.3'] },
      { slug: 'agree-purpose-and-risks', text: 'Agree purpose, policy and key risks with business leaders, then assess impacts together.', relatedClauses: ['4', '5', '6'] },
      { slug: 'communicate-purpose', text: 'Run an organization-wide campaign explaining the agreed purpose.', relatedClauses: ['7.3', '7.4'] },
      { slug: 'business-case', text: 'Write a convincing business case, above all where leaders are unsure of the benefits.', relatedClauses: ['5.1'] },
      { slug: 'connect-hidden-leaders', text: 'Link respected informal leaders with the people who decide.', relatedClauses: ['4', '5', '6'] },
      { slug: 'visible-top-support', text: 'Have top management show support openly: messages, resources, objectives, policy.', relatedClauses: ['5'] },
    ],
  },
  {
    id: 'fading-drivers',
    title: 'Drivers fade during implementation',
    definition: 'Priorities shift mid-way, leaders stop voicing their commitment and staff drift away from the work.',
    considerations: [
      { slug: 'business-case-valid', text: 'Recheck that the original business case still holds.', relatedClauses: ['4', '5', '6'] },
      { slug: 'plan-maintained', text: 'Keep the implementation plan current and still valid.', relatedClauses: ['6', '7', '9', '10'] },
      { slug: 'decision-authority', text: 'Give the right people authority to decide on implementation matters.', relatedClauses: ['8.1', '8.2'] },
      { slug: 'managers-lead', text: 'Make sure the relevant managers actively lead.', relatedClauses: ['5.3', '7.1', '7.2'] },
      { slug: 'visible-management', text: 'Ask managers to be seen and heard more, to draw people in.', relatedClauses: ['5', '7.2'] },
      { slug: 'perception-gap', text: 'Show leaders where real service management practice differs from what they assume.', relatedClauses: ['4', '5', '6'] },
      { slug: 'change-load', text: 'Ask whether the SMS is still a priority, whether there is change fatigue and which changes are needed.', relatedClauses: ['4', '5', '6'] },
      { slug: 'publish-priorities', text: 'State organizational priorities plainly and make them easy to find for everyone.', relatedClauses: ['5', '6', '7.4', '7.5'] },
    ],
  },
  {
    id: 'top-management-buy-in',
    title: 'Top management not on board',
    definition: 'Without visible commitment and resources from the top, staff lose interest and project issues stay unsolved.',
    considerations: [
      { slug: 'culture-link', text: 'Notice how weak commitment at the top ties into wider cultural problems.', relatedClauses: ['5', '6'] },
      { slug: 'commit-before-start', text: 'Secure top-level commitment before starting, and do not go on without it.', relatedClauses: ['4', '5', '6'] },
      { slug: 'sell-benefits', text: 'Win the top over with business gains such as lower cost, more revenue, happier customers.', relatedClauses: ['4', '5', '6'] },
      { slug: 'approve-resources', text: 'Get the needed resources approved and actually assigned to the work.', relatedClauses: ['5.1', '6.2.2', '6.3', '7.1'] },
      { slug: 'stakeholder-channels', text: 'Set up and keep open good ways of talking with customers and other stakeholders.', relatedClauses: ['7.4'] },
      { slug: 'report-performance', text: 'Keep top management informed with KPI-based reports on how the SMS performs and improves.', relatedClauses: ['9'] },
    ],
  },
  {
    id: 'cultural-resistance',
    title: 'Resistance to change',
    definition: 'Some staff feel threatened and some leaders stay silent, and the rollout fails if resistance is not handled.',
    considerations: [
      { slug: 'shared-purpose', text: 'Explain openly why the SMS matters so people share one purpose.', relatedClauses: ['5.1', '7.3', '7.4'] },
      { slug: 'personal-benefit', text: 'Involve people in varied ways and show each person how they personally gain.', relatedClauses: ['5.1', '7.3', '7.4'] },
      { slug: 'train-everyone', text: 'Give everyone the education, training and skills their part needs.', relatedClauses: ['5.1', '6.2.2', '6.3', '7.1', '7.2', '7.3', '7.4'] },
      { slug: 'lead-by-example', text: 'Lead by example, coach, and give people room to act with accountability.', relatedClauses: ['7'] },
      { slug: 'train-leaders', text: 'Teach leaders change management: promote the gains, soften the pain.', relatedClauses: ['7'] },
      { slug: 'measure-change', text: 'Agree how success of the change is measured and share results with all staff.', relatedClauses: ['7'] },
      { slug: 'communication-plan', text: 'Keep a communication plan and revise it as the rollout moves on.', relatedClauses: ['7'] },
      { slug: 'reskill', text: 'Retrain staff whose roles may disappear.', relatedClauses: ['7'] },
      { slug: 'change-management-practice', text: 'Use organizational change management methods to gauge and reduce resistance.', relatedClauses: ['6'] },
      { slug: 'shadow-it', text: 'Use management backing across the organization to bring shadow IT on board.', relatedClauses: ['4', '5', '6', '8.4.1'] },
    ],
  },
];

export const CHALLENGES: readonly Challenge[] = DRAFTS.map((d) => {
  const considerations = d.considerations.map((c) => ({ id: `${d.id}/${c.slug}`, text: c.text, relatedClauses: c.relatedClauses }));
  const clauses = new Set(considerations.flatMap((c) => c.relatedClauses));
  return { ...d, considerations, relatedClauses: [...clauses].sort(compareClauseIds) };
});

export function getChallenge(id: ChallengeId): Challenge | undefined {
  return CHALLENGES.find((c) => c.id === id);
}
