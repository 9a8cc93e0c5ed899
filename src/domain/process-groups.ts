/**
 * The six process groups of ISO/IEC 20000-1:2018 clause 8 (8.2 .. 8.7) plus 8.1, which ISO/IEC TS 20000-5
 * treats as the "process subsets" of a phased implementation (Approach 1, TS 20000-5 5.2.2).
 * Titles are the clause titles (facts); roles and guidance are our own wording.
 */
import { z } from 'zod';
import { NotFoundError } from './errors';

export const PROCESS_GROUP_IDS = ['8.1', '8.2', '8.3', '8.4', '8.5', '8.6', '8.7'] as const;
export type ProcessGroupId = (typeof PROCESS_GROUP_IDS)[number];
export const processGroupIdSchema = z.enum(PROCESS_GROUP_IDS);

/** How a group is placed in an Approach 1 rollout. */
export type ProcessGroupRole =
  | 'first'
  | 'second'
  | 'third'
  | 'alongside-third'
  | 'every-phase'
  | 'minimal-then-mature'
  | 'initial-then-improve';

export interface ProcessGroup {
  id: ProcessGroupId;
  title: string;
  /** 1 = implement first. Equals the group's position in APPROACH1_ORDER + 1. */
  priority: number;
  role: ProcessGroupRole;
  /** Extra to the contract: work on this group begins in phase I (fully or in a minimal form). */
  startsInFirstPhase: boolean;
  /** Extra to the contract: the group is revisited and improved in every later phase. */
  improvedEveryPhase: boolean;
  guidance: string;
}

/** Suggested sequence for Approach 1: the three priority levels first, then the groups that run across all phases. */
export const APPROACH1_ORDER: readonly ProcessGroupId[] = ['8.6', '8.3', '8.5', '8.4', '8.1', '8.7', '8.2'];

const GROUPS_BY_ORDER: readonly Omit<ProcessGroup, 'priority'>[] = [
  {
    id: '8.6',
    title: 'Resolution and fulfilment',
    role: 'first',
    startsInFirstPhase: true,
    improvedEveryPhase: false,
    guidance: 'Start here: incidents, requests and problems are what users feel daily, so fixing them shows value fast.',
  },
  {
    id: '8.3',
    title: 'Relationship and agreement',
    role: 'second',
    startsInFirstPhase: false,
    improvedEveryPhase: false,
    guidance: 'Next, formalise customer relationships, service levels and suppliers, since they shape how outsiders see you.',
  },
  {
    id: '8.5',
    title: 'Service design, build and transition',
    role: 'third',
    startsInFirstPhase: false,
    improvedEveryPhase: false,
    guidance: 'Third, bring changes, new-service design and releases under control so services can evolve safely.',
  },
  {
    id: '8.4',
    title: 'Supply and demand',
    role: 'alongside-third',
    startsInFirstPhase: false,
    improvedEveryPhase: false,
    guidance: 'Begin together with the third group: track costs, forecast demand and plan capacity to match it.',
  },
  {
    id: '8.1',
    title: 'Operational planning and control',
    role: 'every-phase',
    startsInFirstPhase: true,
    improvedEveryPhase: true,
    guidance: 'Set up planning and control of operations in phase I and tighten it in each phase that follows.',
  },
  {
    id: '8.7',
    title: 'Service assurance',
    role: 'minimal-then-mature',
    startsInFirstPhase: true,
    improvedEveryPhase: true,
    guidance: 'Put a small set of availability, continuity and security controls in place early; grow them with each process.',
  },
  {
    id: '8.2',
    title: 'Service portfolio',
    role: 'initial-then-improve',
    startsInFirstPhase: true,
    improvedEveryPhase: true,
    guidance: 'Publish a first, knowingly incomplete service catalogue early and fill it out as later phases land.',
  },
];

export const PROCESS_GROUPS: readonly ProcessGroup[] = GROUPS_BY_ORDER.map((g, i) => ({ ...g, priority: i + 1 }));

export function isProcessGroupId(s: string): s is ProcessGroupId {
  return (PROCESS_GROUP_IDS as readonly string[]).includes(s);
}

/** Looks a group up; throws NotFoundError for an unknown id (the id may come from untrusted input). */
export function getProcessGroup(id: string): ProcessGroup {
  const group = PROCESS_GROUPS.find((g) => g.id === id);
  if (!group) throw new NotFoundError(`Unknown process group ${id}.`, { processGroupId: id });
  return group;
}
