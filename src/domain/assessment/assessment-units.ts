/**
 * Assessment units of the maturity panel (TS 20000-5 5.2.3, Table 1).
 *
 * A "process" here is the level of clause 8 at which ISO/IEC 20000-1:2018 names one management process:
 * - 8.1 has no subclauses and is a process of its own;
 * - under 8.2, 8.4, 8.6 and 8.7 every third-level subclause is a process (8.2.1 … 8.7.3);
 * - under 8.3, 8.3.1 "General" states requirements common to the group, so it is folded into the group
 *   rather than assessed; 8.3.2, 8.3.3 and 8.3.4 are the processes;
 * - fourth-level subclauses (8.3.4.1, 8.5.1.2, 8.7.3.3 …) are parts of their parent process, not units.
 * The SMS as a whole is one more unit, `sms`. Titles are the clause titles (facts).
 */
import { z } from 'zod';
import { type ClauseId } from '../catalogue/catalogue';
import { type ProcessGroupId } from '../process-groups';

export const PROCESS_IDS = [
  '8.1',
  '8.2.1',
  '8.2.2',
  '8.2.3',
  '8.2.4',
  '8.2.5',
  '8.2.6',
  '8.3.2',
  '8.3.3',
  '8.3.4',
  '8.4.1',
  '8.4.2',
  '8.4.3',
  '8.5.1',
  '8.5.2',
  '8.5.3',
  '8.6.1',
  '8.6.2',
  '8.6.3',
  '8.7.1',
  '8.7.2',
  '8.7.3',
] as const;
/** A clause-8 process that is assessed and planned as one unit. */
export type ProcessId = (typeof PROCESS_IDS)[number];

export const SMS_UNIT_ID = 'sms' as const;
export const ASSESSMENT_UNIT_IDS = [...PROCESS_IDS, SMS_UNIT_ID] as const;
export type AssessmentUnitId = (typeof ASSESSMENT_UNIT_IDS)[number];

export const processIdSchema = z.enum(PROCESS_IDS);
export const assessmentUnitIdSchema = z.enum(ASSESSMENT_UNIT_IDS);

export interface AssessmentUnit {
  id: AssessmentUnitId;
  title: string;
  kind: 'process' | 'sms';
  /** Process group (8.1 … 8.7) of a process; null for the SMS unit. */
  processGroup: ProcessGroupId | null;
}

const TITLES: Readonly<Record<AssessmentUnitId, string>> = {
  '8.1': 'Operational planning and control',
  '8.2.1': 'Service delivery',
  '8.2.2': 'Plan the services',
  '8.2.3': 'Control of parties involved in the service lifecycle',
  '8.2.4': 'Service catalogue management',
  '8.2.5': 'Asset management',
  '8.2.6': 'Configuration management',
  '8.3.2': 'Business relationship management',
  '8.3.3': 'Service level management',
  '8.3.4': 'Supplier management',
  '8.4.1': 'Budgeting and accounting for services',
  '8.4.2': 'Demand management',
  '8.4.3': 'Capacity management',
  '8.5.1': 'Change management',
  '8.5.2': 'Service design and transition',
  '8.5.3': 'Release and deployment management',
  '8.6.1': 'Incident management',
  '8.6.2': 'Service request management',
  '8.6.3': 'Problem management',
  '8.7.1': 'Service availability management',
  '8.7.2': 'Service continuity management',
  '8.7.3': 'Information security management',
  sms: 'The SMS as a whole',
};

export function processGroupOf(id: ProcessId): ProcessGroupId {
  return id.split('.').slice(0, 2).join('.') as ProcessGroupId;
}

/** All units in catalogue order, the SMS unit last. */
export const ASSESSMENT_UNITS: readonly AssessmentUnit[] = ASSESSMENT_UNIT_IDS.map((id) =>
  id === SMS_UNIT_ID
    ? { id, title: TITLES[id], kind: 'sms' as const, processGroup: null }
    : { id, title: TITLES[id], kind: 'process' as const, processGroup: processGroupOf(id) },
);

export function isProcessId(s: string): s is ProcessId {
  return (PROCESS_IDS as readonly string[]).includes(s);
}

export function isAssessmentUnitId(s: string): s is AssessmentUnitId {
  return (ASSESSMENT_UNIT_IDS as readonly string[]).includes(s);
}

export function unitTitle(id: AssessmentUnitId): string {
  return TITLES[id];
}

/** Processes of one group (e.g. '8.6' -> 8.6.1, 8.6.2, 8.6.3), in order. */
export function processesInGroup(group: ProcessGroupId): ProcessId[] {
  return PROCESS_IDS.filter((p) => processGroupOf(p) === group);
}

/**
 * The processes a clause id stands for: the process itself, the process a sub-subclause belongs to
 * (8.5.1.3 -> 8.5.1), or every process of a group / of clause 8 (8.6 -> 8.6.1..8.6.3; 8.3.1 -> 8.3.x).
 * Clauses outside clause 8 map to no process.
 */
export function processesForClause(id: ClauseId): ProcessId[] {
  if (isProcessId(id)) return [id];
  const owner = PROCESS_IDS.find((p) => id.startsWith(`${p}.`));
  if (owner) return [owner];
  const below = PROCESS_IDS.filter((p) => p.startsWith(`${id}.`));
  if (below.length > 0) return below;
  // 8.3.1 "General" applies to its whole group.
  const parts = id.split('.');
  if (parts[0] === '8' && parts.length >= 3) {
    const group = parts.slice(0, 2).join('.');
    return PROCESS_IDS.filter((p) => p.startsWith(`${group}.`));
  }
  return [];
}
