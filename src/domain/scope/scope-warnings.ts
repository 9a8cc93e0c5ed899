/**
 * Things in a scope that an auditor would ask about. Warnings do not block a save; they are shown next to
 * the item they concern (`section` + `itemId` + `field`).
 */
import { type ClauseId } from '../catalogue/catalogue';
import { PROCESS_IDS, processesForClause } from '../assessment/assessment-units';
import { type Scope, type ScopeSection } from './scope';

export type ScopeWarningCode =
  | 'no-services'
  | 'service-without-customers'
  | 'no-customers'
  | 'unknown-customer'
  | 'party-control-missing'
  | 'party-operates-nothing'
  | 'all-processes-by-others'
  | 'exclusion-without-justification';

export interface ScopeWarning {
  code: ScopeWarningCode;
  severity: 'warning' | 'info';
  message: string;
  section: ScopeSection;
  itemId?: string;
  field?: string;
  /** The ISO/IEC 20000-1 clause the warning relates to. */
  clause?: ClauseId;
}

export function scopeWarnings(scope: Scope): ScopeWarning[] {
  const out: ScopeWarning[] = [];

  if (scope.services.length === 0) {
    out.push({ code: 'no-services', severity: 'warning', section: 'services', clause: '4.3', message: 'No services are in scope yet: add at least one service.' });
  }
  const customerNames = new Set(scope.interestedParties.filter((p) => p.kind === 'customer').map((p) => p.name.trim().toLowerCase()));
  for (const s of scope.services) {
    if (s.customers.length === 0) {
      out.push({
        code: 'service-without-customers',
        severity: 'warning',
        section: 'services',
        itemId: s.id,
        field: 'customers',
        clause: '4.3',
        message: `Service “${s.name}” names no customer.`,
      });
    }
    for (const c of s.customers) {
      if (!customerNames.has(c.trim().toLowerCase())) {
        out.push({
          code: 'unknown-customer',
          severity: 'info',
          section: 'services',
          itemId: s.id,
          field: 'customers',
          clause: '4.2',
          message: `Customer “${c}” of service “${s.name}” is not listed among the customers and interested parties.`,
        });
      }
    }
  }
  if (scope.services.length > 0 && customerNames.size === 0) {
    out.push({ code: 'no-customers', severity: 'warning', section: 'interestedParties', clause: '4.2', message: 'No customer is listed among the interested parties.' });
  }

  const operatedByOthers = new Set<string>();
  for (const p of scope.otherParties) {
    const processes = p.operates.filter((id) => id.startsWith('8.'));
    processes.flatMap(processesForClause).forEach((id) => operatedByOthers.add(id));
    if (processes.length > 0 && p.control.trim() === '') {
      out.push({
        code: 'party-control-missing',
        severity: 'warning',
        section: 'otherParties',
        itemId: p.id,
        field: 'control',
        clause: '8.2.3',
        message: `${p.name} operates ${processes.join(', ')} but no control over it is recorded (ISO/IEC 20000-1 8.2.3).`,
      });
    }
    if (p.operates.length === 0) {
      out.push({
        code: 'party-operates-nothing',
        severity: 'info',
        section: 'otherParties',
        itemId: p.id,
        field: 'operates',
        clause: '8.2.3',
        message: `${p.name} is listed but no process it operates is recorded.`,
      });
    }
  }
  if (PROCESS_IDS.every((id) => operatedByOthers.has(id))) {
    out.push({
      code: 'all-processes-by-others',
      severity: 'warning',
      section: 'otherParties',
      clause: '8.2.3',
      message: 'Other parties operate every clause 8 process; the organization must run part of the SMS itself (ISO/IEC 20000-1 8.2.3).',
    });
  }

  for (const e of scope.exclusions) {
    if (e.justification.trim() === '') {
      out.push({
        code: 'exclusion-without-justification',
        severity: 'warning',
        section: 'exclusions',
        itemId: e.id,
        field: 'justification',
        clause: '4.3',
        message: `The exclusion “${e.what}” has no justification.`,
      });
    }
  }
  return out;
}
