/**
 * A readable scope statement generated from the structured scope. The wording is ours; the organization
 * can copy it into its SMS documentation and adjust it.
 */
import { getClause } from '../catalogue/catalogue';
import { type Scope, INTERESTED_PARTY_KIND_LABELS, OTHER_PARTY_TYPE_LABELS } from './scope';
import { ensureSentence, joinList } from './scope-text';

function clauseLabel(id: string): string {
  const c = getClause(id);
  return c ? `${c.title} (${id})` : id;
}

/** A row still being filled in (no name yet) says nothing: it is left out of the statement. */
const named = <T extends { name: string }>(rows: readonly T[]): T[] => rows.filter((r) => r.name.trim() !== '');

export function generateScopeStatement(input: Scope): string {
  const scope: Scope = {
    ...input,
    services: named(input.services).map((s) => ({ ...s, customers: s.customers.filter((c) => c.trim() !== '') })),
    organizationalUnits: named(input.organizationalUnits),
    locations: named(input.locations),
    interestedParties: named(input.interestedParties),
    otherParties: named(input.otherParties),
    exclusions: input.exclusions.filter((e) => e.what.trim() !== ''),
  };
  const paragraphs: string[] = [];
  const owner = scope.organization.trim() === '' ? 'the organization' : scope.organization.trim();

  if (scope.services.length === 0) {
    paragraphs.push(`No services have been placed in the scope of the service management system (SMS) of ${owner} yet.`);
  } else {
    const services = scope.services.map((s) => {
      const customers = s.customers.length > 0 ? ` for ${joinList(s.customers)}` : '';
      return `${s.name}${customers}`;
    });
    const noun = scope.services.length === 1 ? 'service' : 'services';
    paragraphs.push(
      `The service management system (SMS) of ${owner} covers the planning, design, transition, delivery and improvement of the following ${noun}: ${joinList(services)}.`,
    );
  }

  const where: string[] = [];
  if (scope.organizationalUnits.length > 0) {
    where.push(`It is operated by ${joinList(scope.organizationalUnits.map((u) => u.name))}`);
  }
  if (scope.locations.length > 0) {
    where.push(`${where.length > 0 ? 'from' : 'It applies at'} ${joinList(scope.locations.map((l) => l.name))}`);
  }
  if (where.length > 0) paragraphs.push(`${where.join(' ')}.`);

  const customers = scope.interestedParties.filter((p) => p.kind === 'customer');
  const others = scope.interestedParties.filter((p) => p.kind !== 'customer');
  const partyLines: string[] = [];
  if (customers.length > 0) partyLines.push(`Customers: ${joinList(customers.map((c) => c.name))}.`);
  if (others.length > 0) {
    partyLines.push(
      `Other interested parties: ${joinList(others.map((p) => `${p.name} (${INTERESTED_PARTY_KIND_LABELS[p.kind].toLowerCase()})`))}.`,
    );
  }
  if (partyLines.length > 0) paragraphs.push(partyLines.join(' '));

  if (scope.otherParties.length > 0) {
    const lines = scope.otherParties.map((p) => {
      const role = OTHER_PARTY_TYPE_LABELS[p.type].toLowerCase();
      const ops = p.operates.length > 0 ? ` operates ${joinList(p.operates.map(clauseLabel))}` : ' takes part in the service lifecycle';
      const control = p.control.trim() === '' ? ' (no control recorded yet)' : `; control: ${p.control.trim().replace(/[.!?]$/, '')}`;
      return `${p.name} (${role})${ops}${control}.`;
    });
    paragraphs.push(
      `Other parties involved in the service lifecycle, for which ${owner} stays accountable: ${lines.join(' ')}`,
    );
  }

  if (scope.exclusions.length > 0) {
    const lines = scope.exclusions.map((e) => {
      const why = e.justification.trim() === '' ? 'no justification recorded' : `reason: ${e.justification.trim().replace(/[.!?]$/, '')}`;
      return `${e.what.trim()} (${why})`;
    });
    paragraphs.push(`Not in scope: ${lines.join('; ')}.`);
  }

  const notes = ensureSentence(scope.notes);
  if (notes !== '') paragraphs.push(notes);
  return paragraphs.join('\n\n');
}
