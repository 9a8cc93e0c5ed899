/**
 * The internal audit programme (ISO/IEC 20000-1 9.2): audits planned with a scope (clauses, processes or both),
 * criteria, dates and an auditor. The auditor must be objective: nobody audits a process they own. An audit's
 * checklist has a part per audited clause: what to look for, and each sampled issue to examine.
 */
import { z } from 'zod';
import { processesForClause, processIdSchema, type ProcessId, unitTitle } from '../assessment/assessment-units';
import { type Clause, type ClauseId, CLAUSES, getClause, isClauseId } from '../catalogue/catalogue';
import { ValidationError } from '../errors';
import { type AuditSample } from './sampling';

const isoDate = z.iso.date();
const accountId = z.string().trim().min(1).max(128);

export const auditScopeSchema = z
  .object({
    clauses: z.array(z.string().refine(isClauseId, 'Not a clause of ISO/IEC 20000-1:2018.')).max(100),
    // Input as plain strings (what a form sends), output as process ids.
    processes: z.array(z.string().pipe(processIdSchema)).max(50),
  })
  .refine((s) => s.clauses.length + s.processes.length > 0, 'An audit needs at least one clause or process in its scope.');
export type AuditScope = z.infer<typeof auditScopeSchema>;

export const auditPlanSchema = z
  .object({
    title: z.string().trim().min(1, 'An audit needs a title.').max(200),
    scope: auditScopeSchema,
    /** What the audit judges against (the standard, the SMS's own policies and procedures…). */
    criteria: z.string().trim().min(1, 'Name the audit criteria.').max(2000),
    start: isoDate,
    end: isoDate,
    auditor: accountId,
  })
  .refine((a) => a.start <= a.end, { message: 'The audit ends before it starts.', path: ['end'] });
export type AuditPlan = z.infer<typeof auditPlanSchema>;

/** Who owns a clause-8 process, or (`sms`) the SMS as a whole, which covers clauses 4–7, 9 and 10. */
export const processOwnerSchema = z.object({ unitId: z.union([processIdSchema, z.literal('sms')]), owner: accountId });
export type ProcessOwner = z.infer<typeof processOwnerSchema>;

/** Assessable clauses (leaves) a clause id stands for: itself when it is a leaf, else every leaf below it. */
export function assessableClausesOf(clauseId: ClauseId): Clause[] {
  const c = getClause(clauseId);
  if (c === undefined) return [];
  if (c.assessable) return [c];
  return CLAUSES.filter((x) => x.assessable && x.id.startsWith(`${clauseId}.`));
}

/** The assessable clauses an audit scope covers (clauses listed, and every clause of the listed processes), in order. */
export function auditedClauses(scope: AuditScope): ClauseId[] {
  const ids = new Set<ClauseId>();
  for (const id of scope.clauses) for (const c of assessableClausesOf(id)) ids.add(c.id);
  for (const p of scope.processes) for (const c of assessableClausesOf(p)) ids.add(c.id);
  return CLAUSES.filter((c) => ids.has(c.id)).map((c) => c.id);
}

/** The units an audit examines: the processes in scope, the processes of clause-8 clauses, and `sms` for any other clause. */
export function auditedUnits(scope: AuditScope): (ProcessId | 'sms')[] {
  const units = new Set<ProcessId | 'sms'>(scope.processes);
  for (const id of scope.clauses) {
    const processes = processesForClause(id);
    if (processes.length > 0) processes.forEach((p) => units.add(p));
    else units.add('sms');
  }
  return [...units];
}

/** The auditor owns a process (or the SMS) the audit examines: refused, the audit would not be objective. */
export class AuditorNotIndependentError extends ValidationError {
  constructor(
    readonly auditor: string,
    readonly ownedUnits: readonly (ProcessId | 'sms')[],
  ) {
    const names = ownedUnits.map((u) => (u === 'sms' ? 'the SMS as a whole' : `${u} ${unitTitle(u)}`));
    super(`The auditor owns what the audit examines (${names.join('; ')}): choose an auditor who does not, so that nobody audits their own work.`, {
      reason: 'auditor_not_independent',
      auditor,
      ownedUnits: [...ownedUnits],
      issues: [{ path: 'auditor', message: 'The auditor owns an audited process.' }],
    });
  }
}

/** The audited units `auditor` owns (empty when the auditor is independent). */
export function ownedAuditedUnits(plan: Pick<AuditPlan, 'scope' | 'auditor'>, owners: readonly ProcessOwner[]): (ProcessId | 'sms')[] {
  const audited = new Set(auditedUnits(plan.scope));
  return [...new Set(owners.filter((o) => o.owner === plan.auditor && audited.has(o.unitId)).map((o) => o.unitId))];
}

/** Throws AuditorNotIndependentError when the auditor owns a unit the audit examines. */
export function assertAuditorIndependent(plan: Pick<AuditPlan, 'scope' | 'auditor'>, owners: readonly ProcessOwner[]): void {
  const owned = ownedAuditedUnits(plan, owners);
  if (owned.length > 0) throw new AuditorNotIndependentError(plan.auditor, owned);
}

// ---------- checklist ----------

export interface ChecklistItem {
  /** Stable within the audit: `<clause>/requirement` or `<clause>/<issue key>`. */
  id: string;
  text: string;
  issueKey?: string;
}

export interface ClauseChecklist {
  clauseId: ClauseId;
  title: string;
  items: ChecklistItem[];
}

/**
 * One checklist per audited clause: the clause's requirement as our own summary, a prompt to judge it against
 * the criteria, and one line per sampled issue to examine (none when the clause has no sample).
 */
export function auditChecklist(plan: Pick<AuditPlan, 'scope'>, sample?: AuditSample): ClauseChecklist[] {
  const byClause = new Map((sample?.clauses ?? []).map((c) => [c.clauseId, c.issueKeys] as const));
  return auditedClauses(plan.scope).map((clauseId) => {
    const clause = getClause(clauseId);
    const keys = byClause.get(clauseId) ?? [];
    const items: ChecklistItem[] = [
      { id: `${clauseId}/requirement`, text: `Is the requirement met in practice? ${clause?.summary ?? ''}`.trim() },
      ...keys.map((key) => ({ id: `${clauseId}/${key}`, text: `Examine ${key}: does it show the requirement being carried out?`, issueKey: key })),
    ];
    if (keys.length === 0) items.push({ id: `${clauseId}/no-sample`, text: 'No evidence was sampled for this clause: record how it was checked, or raise a finding.' });
    return { clauseId, title: clause?.title ?? clauseId, items };
  });
}

/**
 * Sample sizes fit the audit: VALIDATION_FAILED naming the clauses outside its scope (one issue per size), or
 * when no size is set at all.
 */
export function assertSampleSizesFit(scope: AuditScope, sizes: Readonly<Record<string, number>>): void {
  const inScope = new Set<string>(auditedClauses(scope));
  const outside = Object.keys(sizes).filter((id) => !inScope.has(id));
  if (outside.length > 0) {
    throw new ValidationError(`Sample sizes were set for clauses outside the audit's scope: ${outside.join(', ')}.`, {
      issues: outside.map((id) => ({ path: `sizes.${id}`, message: 'Not an assessable clause in the audit scope.' })),
    });
  }
  if (Object.keys(sizes).length === 0) throw new ValidationError('Set a sample size for at least one clause.');
}
