import type { IssueRecord, IssueTypeRecord, LinkRecord, ProjectRecord } from '../emulator/records';
import { MAPPING_PROPERTY_KEY } from '../emulator/catalog';
import { FINDING_LABELS } from '../../src/domain/gap/finding-labels';
import type { FindingGrade } from '../../src/domain/vocabulary';
import { bullets, doc, p, panel, type AdfDoc } from './adf';
import { Prng } from './prng';
import { SANDBOX_USERS } from './users';

/** Fixed "today" of the seed: every date is computed back from it, so the seed is the same on every machine. */
export const SEED_BASE_DATE = new Date('2026-11-01T09:00:00.000Z');
export const SEED_PRNG_SEED = 20000;

const ADMIN = SANDBOX_USERS[1]?.accountId as string;
const MEMBER = SANDBOX_USERS[2]?.accountId as string;
const SITE_ADMIN = SANDBOX_USERS[0]?.accountId as string;

export const SMS_PROJECT: ProjectRecord = {
  id: '10000',
  key: 'SMS',
  name: 'Service Management',
  description: 'IT service management for the group: incidents, requests, changes, problems and the SMS itself.',
  style: 'classic',
  projectTypeKey: 'service_desk',
  leadAccountId: ADMIN,
  components: [
    { id: '10100', name: 'Service Desk', description: 'First-line support and request fulfilment.' },
    { id: '10101', name: 'Infrastructure', description: 'Servers, storage, backup and hosting.' },
    { id: '10102', name: 'Network', description: 'LAN, Wi-Fi, VPN and internet links.' },
    { id: '10103', name: 'Applications', description: 'Business applications and their integrations.' },
    { id: '10104', name: 'Security', description: 'Identity, access and security monitoring.' },
    { id: '10105', name: 'Governance', description: 'Policies, audits, reviews and improvement.' },
  ],
};

export const OPS_PROJECT: ProjectRecord = {
  id: '10001',
  key: 'OPS',
  name: 'Operations Team',
  description: 'Team-managed board of the operations engineers.',
  style: 'next-gen',
  projectTypeKey: 'software',
  leadAccountId: MEMBER,
  components: [],
};

/** Company-managed (global) issue types. Epic is level 1, Sub-task -1, the rest 0. */
export const GLOBAL_ISSUE_TYPES: IssueTypeRecord[] = [
  { id: '10000', name: 'Epic', description: 'A large body of work made of several issues.', hierarchyLevel: 1, scopeProjectId: null, initialStatusId: '10000', avatarId: 10307 },
  { id: '10001', name: 'Task', description: 'A piece of work to be done.', hierarchyLevel: 0, scopeProjectId: null, initialStatusId: '10000', avatarId: 10318 },
  { id: '10002', name: 'Sub-task', description: 'A smaller piece of work inside another issue.', hierarchyLevel: -1, scopeProjectId: null, initialStatusId: '10000', avatarId: 10316 },
  { id: '10003', name: 'Incident', description: 'An unplanned interruption or degradation of a service.', hierarchyLevel: 0, scopeProjectId: null, initialStatusId: '10001', avatarId: 10570 },
  { id: '10004', name: 'Problem', description: 'The unknown cause of one or more incidents.', hierarchyLevel: 0, scopeProjectId: null, initialStatusId: '10001', avatarId: 10553 },
  { id: '10005', name: 'Change', description: 'Adding, modifying or removing something that affects services.', hierarchyLevel: 0, scopeProjectId: null, initialStatusId: '10002', avatarId: 10532 },
  { id: '10006', name: 'Service Request', description: 'A user asks for something the service offers.', hierarchyLevel: 0, scopeProjectId: null, initialStatusId: '10001', avatarId: 10571 },
  { id: '10007', name: 'Policy', description: 'A policy, plan or procedure document to write or review.', hierarchyLevel: 0, scopeProjectId: null, initialStatusId: '10000', avatarId: 10320 },
  { id: '10008', name: 'Audit', description: 'An audit, review or assessment activity.', hierarchyLevel: 0, scopeProjectId: null, initialStatusId: '10000', avatarId: 10321 },
  { id: '10009', name: 'Improvement', description: 'An action that makes a service or the SMS better.', hierarchyLevel: 0, scopeProjectId: null, initialStatusId: '10000', avatarId: 10310 },
];

/** Team-managed types are owned by their project: same names, other ids. */
export function teamManagedIssueTypes(projectId: string, firstId: number): IssueTypeRecord[] {
  const t = (offset: number, name: string, description: string, hierarchyLevel: number, avatarId: number): IssueTypeRecord => ({
    id: String(firstId + offset),
    name,
    description,
    hierarchyLevel,
    scopeProjectId: projectId,
    initialStatusId: '10000',
    avatarId,
  });
  return [
    t(0, 'Epic', 'Epics track collections of related work.', 1, 10307),
    t(1, 'Task', 'Tasks track small, distinct pieces of work.', 0, 10318),
    t(2, 'Bug', 'Bugs track problems or errors.', 0, 10303),
    t(3, 'Subtask', 'Subtasks track small pieces of work that are part of a larger task.', -1, 10316),
  ];
}

const SERVICES = [
  'Email', 'VPN gateway', 'Payroll portal', 'Service desk telephony', 'Customer CRM', 'Backup platform',
  'Single sign-on', 'Building B Wi-Fi', 'File shares', 'Print service', 'Public website', 'Data warehouse',
  'HR self-service', 'Video conferencing', 'Order management', 'Warehouse scanners',
];
const TEAMS = ['Finance', 'Sales', 'Warehouse', 'HR', 'Customer Support', 'Engineering', 'Marketing', 'Legal'];
const SOFTWARE = ['a diagram editor', 'a statistics package', 'a PDF editor', 'a database client', 'a screen reader'];

type Kind = 'incident' | 'problem' | 'change' | 'request' | 'policy' | 'audit' | 'improvement' | 'task';
const TYPE_ID: Record<Kind, string> = {
  incident: '10003', problem: '10004', change: '10005', request: '10006', policy: '10007', audit: '10008', improvement: '10009', task: '10001',
};
/** Status ids per kind: open ones first, finished ones last. */
const FLOW: Record<Kind, { open: string[]; done: string[] }> = {
  incident: { open: ['10001', '10003', '10005'], done: ['5', '6'] },
  problem: { open: ['10001', '10003'], done: ['5', '6'] },
  change: { open: ['10002', '10004'], done: ['10007', '10008'] },
  request: { open: ['10001', '3', '10005'], done: ['5', '6'] },
  policy: { open: ['10000', '10006'], done: ['10007'] },
  audit: { open: ['10000', '3'], done: ['10007'] },
  improvement: { open: ['10000', '3'], done: ['10007'] },
  task: { open: ['10000', '3'], done: ['10007'] },
};
const COMPONENT_BY_SERVICE = (service: string): string => {
  if (/VPN|Wi-Fi|telephony|conferencing/.test(service)) return '10102';
  if (/Backup|File shares|Print|Data warehouse/.test(service)) return '10101';
  if (/sign-on/.test(service)) return '10104';
  return '10103';
};

interface Draft {
  kind: Kind;
  /**
   * What the issue is about: the clauses a correct mapping names (a heading such as 8.5.1 stands for any of its
   * subclauses). Written from the issue's meaning, for checking clause suggestions on the demo; not stored in Jira.
   */
  intended: readonly string[];
  summary: string;
  description: AdfDoc;
  labels: string[];
  componentIds: string[];
  priorityId: string;
}

function incident(r: Prng): Draft {
  const s = r.pick(SERVICES);
  const team = r.pick(TEAMS);
  const summary = r.pick([
    `${s} unavailable for ${team}`,
    `Slow response times on ${s}`,
    `Users in ${team} cannot sign in to ${s}`,
    `Intermittent errors when saving in ${s}`,
    `Expired certificate breaks ${s}`,
    `Disk nearly full on the ${s} database server`,
    `${s} returns timeouts after the morning peak`,
    `Scheduled job on ${s} did not run overnight`,
  ]);
  const major = r.chance(0.12);
  const users = r.int(3, 400);
  return {
    kind: 'incident',
    intended: /Disk nearly full/.test(summary) ? ['8.6.1', '8.4.3'] : ['8.6.1'],
    summary,
    description: doc(
      p(`Reported by the ${team} team through the service desk. About ${users} users are affected.`),
      bullets([
        `First noticed around ${r.int(7, 18)}:${r.pick(['00', '15', '30', '45'])} local time.`,
        r.pick(['A workaround is to retry after a few minutes.', 'No workaround is known yet.', 'Users can fall back to the web client.']),
        `Monitoring ${r.chance(0.5) ? 'raised' : 'did not raise'} an alert before the first call.`,
      ]),
      ...(major ? [panel('warning', p('Handled as a major incident: the duty manager was informed and updates go out every 30 minutes.'))] : []),
    ),
    labels: [...(major ? ['major-incident'] : []), ...(r.chance(0.4) ? ['customer-impact'] : []), ...(r.chance(0.15) ? ['sla-breach'] : [])],
    componentIds: [COMPONENT_BY_SERVICE(s)],
    priorityId: major ? '1' : r.pick(['2', '3', '3', '4']),
  };
}

function problem(r: Prng): Draft {
  const s = r.pick(SERVICES);
  return {
    kind: 'problem',
    intended: ['8.6.3'],
    summary: r.pick([
      `Recurring outages of ${s} after the nightly batch`,
      `Find the cause of repeated sign-in failures on ${s}`,
      `Suspected memory leak in ${s}`,
      `${s} slows down every month end`,
      `Connection pool exhaustion on ${s}`,
    ]),
    description: doc(
      p(`Several incidents over the last weeks point to one underlying cause in ${s}.`),
      bullets(['Collect logs from the last three occurrences.', 'Check recent changes on the affected servers.', 'Record a known error with the workaround once confirmed.']),
    ),
    labels: r.chance(0.3) ? ['known-error'] : [],
    componentIds: [COMPONENT_BY_SERVICE(s)],
    priorityId: r.pick(['2', '3']),
  };
}

function change(r: Prng): Draft {
  const s = r.pick(SERVICES);
  const emergency = r.chance(0.1);
  const standard = !emergency && r.chance(0.35);
  const [summary, also] = r.pick<readonly [string, readonly string[]]>([
    [`Upgrade ${s} to the next minor release`, ['8.5.3']],
    [`Apply this month's security patches to ${s} servers`, ['8.7.3.2']],
    [`Move ${s} to the new hosting platform`, []],
    [`Renew TLS certificates for ${s}`, []],
    [`Add capacity to the ${s} cluster`, ['8.4.3']],
    [`Change firewall rules for ${s}`, []],
  ]);
  return {
    kind: 'change',
    intended: ['8.5.1', ...also],
    summary,
    description: doc(
      p(`Planned change to ${s}. Window: ${r.pick(['Saturday 06:00-08:00', 'Tuesday 20:00-22:00', 'Sunday 02:00-05:00'])}.`),
      bullets(['Risk: ' + r.pick(['low', 'medium', 'high']), 'Back-out: restore the previous version from the release repository.', 'Test: smoke tests by the application owner after the window.']),
    ),
    labels: [...(emergency ? ['emergency-change'] : []), ...(standard ? ['standard-change'] : ['normal-change'])],
    componentIds: [COMPONENT_BY_SERVICE(s)],
    priorityId: emergency ? '1' : r.pick(['3', '3', '4']),
  };
}

function request(r: Prng): Draft {
  const team = r.pick(TEAMS);
  const s = r.pick(SERVICES);
  return {
    kind: 'request',
    intended: ['8.6.2'],
    summary: r.pick([
      `New starter laptop for ${team}`,
      `Access to ${s} for a contractor in ${team}`,
      `Reset multi-factor token for a ${team} user`,
      `Shared mailbox for the ${team} team`,
      `Install ${r.pick(SOFTWARE)} for ${team}`,
      `Leaver: remove access for a ${team} employee`,
    ]),
    description: doc(p(`Request raised on the self-service portal by the ${team} team lead.`), p('Approval from the line manager is attached.')),
    labels: r.chance(0.3) ? ['onboarding'] : [],
    componentIds: ['10100'],
    priorityId: r.pick(['3', '4', '4']),
  };
}

/** Listed issues with the clauses they are about (see Draft.intended); 7.5 stands for its documented-information subclauses. */
type Listed = readonly [summary: string, intended: readonly string[]];
const POLICIES: readonly Listed[] = [
  ['Review the service management policy', ['5.2']],
  ['Write the change management procedure', ['8.5.1', '7.5']],
  ['Update the incident management procedure', ['8.6.1', '7.5']],
  ['Approve the information security policy', ['8.7.3.1']],
  ['Draft the supplier management policy', ['8.3.4', '7.5']],
  ['Refresh the capacity management plan', ['8.4.3']],
  ['Test and update the service continuity plan', ['8.7.2']],
  ['Document the backup and restore procedure', ['8.7.2', '7.5']],
  ['Review the access control policy', ['8.7.3']],
  ['Write the asset and configuration management procedure', ['8.2.5', '8.2.6', '7.5']],
  ['Agree the service level management process', ['8.3.3']],
  ['Publish the service catalogue management procedure', ['8.2.4', '7.5']],
];
const AUDITS: readonly Listed[] = [
  ['Internal audit: incident management', ['9.2']],
  ['Audit finding: emergency changes approved after implementation', ['8.5.1.3', '10.1']],
  ['Prepare for the certification surveillance audit', ['9.2']],
  ['Supplier review: hosting provider', ['8.3.4']],
  ['Management review meeting (first half)', ['9.3']],
  ['Audit finding: management review minutes miss the required inputs', ['9.3', '10.1']],
  ['Customer satisfaction survey results', ['8.3.2']],
  ['Audit observation: service level reports reach two customers late', ['8.3.3', '9.4']],
  ['Audit finding: availability is not measured against the agreed targets', ['8.7.1', '10.1']],
];
/**
 * Audit findings of the demo (see src/domain/gap/finding-labels.ts): these audit issues get a finding label, a
 * clause mapping and a fixed status, so the gap report shows open nonconformities, a closed one and an observation.
 */
const SEEDED_FINDINGS: readonly { summary: string; grade: FindingGrade; clauses: string[]; open: boolean }[] = [
  { summary: 'Audit finding: availability is not measured against the agreed targets', grade: 'major_nc', clauses: ['8.7.1'], open: true },
  { summary: 'Audit finding: management review minutes miss the required inputs', grade: 'minor_nc', clauses: ['9.3'], open: true },
  { summary: 'Audit finding: emergency changes approved after implementation', grade: 'minor_nc', clauses: ['8.5.1.3'], open: false },
  { summary: 'Audit observation: service level reports reach two customers late', grade: 'observation', clauses: ['8.3.3'], open: true },
];
/** Improvements are 10.2 and about the clause of what they improve. */
const IMPROVEMENTS: readonly Listed[] = [
  ['Cut restore time for priority 1 incidents', ['10.2', '8.6.1']],
  ['Automate new starter requests', ['10.2', '8.6.2']],
  ['Set up a known error database', ['10.2', '8.6.3']],
  ['Publish the service catalogue on the portal', ['10.2', '8.2.4']],
  ['Build an SLA reporting dashboard', ['10.2', '8.3.3', '9.4', '9.1']],
  ['Add change success rate to the monthly report', ['10.2', '9.4', '9.1']],
  ['Introduce post-incident reviews for major incidents', ['10.2', '8.6.1']],
  ['Train the service desk on the new triage guide', ['10.2', '7.2']],
  ['Reduce reopened requests', ['10.2', '8.6.2']],
  ['Monitor certificate expiry automatically', ['10.2', '8.7.1']],
  ['Close audit finding on missing change approvals', ['10.1', '10.2', '8.5.1']],
  ['Agree service targets with the Warehouse team', ['10.2', '8.3.3']],
];
const EPICS: readonly Listed[] = [
  ['Certification readiness', ['4.4', '9.2']],
  ['Service continuity programme', ['8.7.2']],
  ['Self-service portal', ['8.6.2', '8.2.4']],
  ['Monitoring overhaul', ['9.1', '8.7.1']],
  ['ITSM tooling consolidation', ['7.1']],
];
/** Sub-tasks under a change: what each is about besides its change. */
const CHANGE_SUBTASKS: readonly Listed[] = [
  ['Prepare the back-out plan', ['8.5.1']],
  ['Run smoke tests after the window', ['8.5.1', '8.5.3']],
];

function fromList(kind: 'policy' | 'audit' | 'improvement', [summary, intended]: Listed, r: Prng): Draft {
  const body: Record<typeof kind, AdfDoc> = {
    policy: doc(p('Owner: service manager. Reviewed at least once a year and after major changes.'), bullets(['Check scope and roles.', 'Align with the current service catalogue.', 'Get approval from top management.'])),
    audit: doc(p('Scope, criteria and sample agreed with the process owners.'), bullets(['Collect records for the sample period.', 'Interview the process owner.', 'Report findings and agree actions.'])),
    improvement: doc(p('Opportunity raised from reviews and measurements.'), bullets(['Baseline the current figure.', 'Agree a target and an owner.', 'Check the effect after three months.'])),
  };
  return {
    kind,
    intended,
    summary,
    description: body[kind],
    labels: kind === 'audit' ? ['audit'] : kind === 'improvement' ? [r.pick(['continual-improvement', 'quick-win', 'audit-finding'])] : ['sms-document'],
    componentIds: ['10105'],
    priorityId: '3',
  };
}

/** Formats an instant the way Jira prints it (2026-03-04T10:15:30.123+0000). */
export function jiraDate(d: Date): string {
  return d.toISOString().replace('Z', '+0000');
}

export interface JiraSeed {
  projects: ProjectRecord[];
  issueTypes: IssueTypeRecord[];
  issues: IssueRecord[];
  links: LinkRecord[];
  /** Issue key -> the clauses the issue is about (Draft.intended), for SMS issues; not part of the Jira data. */
  intended: Record<string, readonly string[]>;
}

/** The demo site: SMS with about 200 issues (some mapped to clauses), OPS with a handful. Deterministic. */
export function buildJiraSeed(): JiraSeed {
  const r = new Prng(SEED_PRNG_SEED);
  const drafts: Draft[] = [];
  for (let i = 0; i < 62; i += 1) drafts.push(incident(r));
  for (let i = 0; i < 18; i += 1) drafts.push(problem(r));
  for (let i = 0; i < 36; i += 1) drafts.push(change(r));
  for (let i = 0; i < 40; i += 1) drafts.push(request(r));
  for (const l of POLICIES) drafts.push(fromList('policy', l, r));
  for (const l of AUDITS) drafts.push(fromList('audit', l, r));
  for (const l of IMPROVEMENTS) drafts.push(fromList('improvement', l, r));
  // Interleave kinds by creation date: shuffle deterministically.
  for (let i = drafts.length - 1; i > 0; i -= 1) {
    const j = Math.floor(r.next() * (i + 1));
    [drafts[i], drafts[j]] = [drafts[j] as Draft, drafts[i] as Draft];
  }
  const dayMs = 86_400_000;
  const ages = drafts.map(() => r.int(0, 364 * 24) * 3_600_000).sort((a, b) => b - a);

  const issues: IssueRecord[] = [];
  let nextId = 10000;
  let nextNumber = 1;
  let opsNumber = 1;
  const intended: Record<string, readonly string[]> = {};
  const mk = (project: ProjectRecord, typeId: string, d: Omit<Draft, 'kind' | 'intended'> & { intended?: readonly string[] }, created: Date, statusId: string, done: boolean, parentId: string | null): IssueRecord => {
    const resolved = done ? new Date(Math.min(created.getTime() + r.int(2, 24 * 20) * 3_600_000, SEED_BASE_DATE.getTime())) : null;
    const updated = resolved ?? new Date(Math.min(created.getTime() + r.int(0, 24 * 10) * 3_600_000, SEED_BASE_DATE.getTime()));
    const issue: IssueRecord = {
      id: String(nextId++),
      key: `${project.key}-${project.key === 'SMS' ? nextNumber++ : opsNumber++}`,
      projectId: project.id,
      issueTypeId: typeId,
      summary: d.summary,
      description: d.description,
      statusId,
      labels: d.labels,
      componentIds: d.componentIds,
      parentId,
      priorityId: d.priorityId,
      reporterId: r.pick([ADMIN, MEMBER, SITE_ADMIN]),
      assigneeId: r.chance(0.8) ? r.pick([ADMIN, MEMBER]) : null,
      duedate: null,
      created: created.toISOString(),
      updated: updated.toISOString(),
      resolutiondate: resolved ? resolved.toISOString() : null,
      properties: {},
    };
    issues.push(issue);
    if (d.intended) intended[issue.key] = d.intended;
    return issue;
  };

  // Epics first (old), then the rest in creation order.
  const epicIds: string[] = [];
  for (const [i, [name, epicIntended]] of EPICS.entries()) {
    const created = new Date(SEED_BASE_DATE.getTime() - (370 - i * 20) * dayMs);
    const done = i === 4;
    const e = mk(SMS_PROJECT, '10000', { intended: epicIntended, summary: name, description: doc(p(`Groups the work for: ${name.toLowerCase()}.`)), labels: ['iso20000'], componentIds: ['10105'], priorityId: '3' }, created, done ? '10007' : i < 2 ? '3' : '10000', done, null);
    epicIds.push(e.id);
  }

  let mappedIncidents = 0;
  let mappedOthers = 0;
  const byKind = new Map<Kind, IssueRecord[]>();
  drafts.forEach((d, i) => {
    const created = new Date(SEED_BASE_DATE.getTime() - (ages[i] as number));
    const ageDays = (SEED_BASE_DATE.getTime() - created.getTime()) / dayMs;
    const flow = FLOW[d.kind];
    const done = r.chance(Math.min(0.92, 0.25 + ageDays / 200));
    const statusId = done ? r.pick(flow.done) : r.pick(flow.open);
    const parentId = d.kind === 'improvement' || d.kind === 'policy' || d.kind === 'audit' ? r.pick(epicIds.slice(0, 4)) : null;
    const issue = mk(SMS_PROJECT, TYPE_ID[d.kind], d, created, statusId, done, parentId);
    byKind.set(d.kind, [...(byKind.get(d.kind) ?? []), issue]);
    if (d.kind === 'incident' && mappedIncidents < 25 && r.chance(0.6)) {
      issue.properties[MAPPING_PROPERTY_KEY] = { clauses: ['8.6.1'], kinds: ['record'], phases: [] };
      mappedIncidents += 1;
    } else if (mappedOthers < 15 && d.kind !== 'incident' && r.chance(0.15)) {
      const mapping: Record<Exclude<Kind, 'incident'>, { clauses: string[]; kinds: string[] }> = {
        problem: { clauses: ['8.6.3'], kinds: ['record'] },
        change: { clauses: ['8.5.1'], kinds: ['record'] },
        request: { clauses: ['8.6.2'], kinds: ['record'] },
        policy: { clauses: ['5.2'], kinds: ['policy'] },
        audit: { clauses: ['9.2'], kinds: ['report'] },
        improvement: { clauses: ['10.2'], kinds: ['improvement_action'] },
        task: { clauses: ['8.1'], kinds: ['record'] },
      };
      issue.properties[MAPPING_PROPERTY_KEY] = { ...mapping[d.kind], phases: [] };
      mappedOthers += 1;
    }
  });

  // Audit findings: label, mapping and status set here, without drawing from the PRNG (the rest stays as it was).
  for (const f of SEEDED_FINDINGS) {
    const issue = (byKind.get('audit') ?? []).find((i) => i.summary === f.summary);
    if (!issue) throw new Error(`seed: no audit issue '${f.summary}'`);
    issue.labels = [...issue.labels, FINDING_LABELS[f.grade]];
    issue.properties[MAPPING_PROPERTY_KEY] = { clauses: f.clauses, kinds: ['report'], phases: [] };
    const done = issue.resolutiondate !== null;
    if (f.open && done) {
      issue.statusId = '3';
      issue.resolutiondate = null;
    } else if (!f.open && !done) {
      issue.statusId = '10007';
      issue.resolutiondate = issue.updated;
    }
  }

  // Sub-tasks under a few changes.
  for (const ch of (byKind.get('change') ?? []).slice(0, 4)) {
    for (const [s, subIntended] of CHANGE_SUBTASKS) {
      const created = new Date(new Date(ch.created).getTime() + 3_600_000);
      const done = ch.resolutiondate !== null;
      mk(SMS_PROJECT, '10002', { intended: subIntended, summary: s, description: doc(p(`Part of ${ch.key}.`)), labels: [], componentIds: ch.componentIds, priorityId: '3' }, created, done ? '10007' : '10000', done, ch.id);
    }
  }

  // Incidents caused by problems.
  const links: LinkRecord[] = [];
  const problems = byKind.get('problem') ?? [];
  const incidents = byKind.get('incident') ?? [];
  let linkId = 10000;
  incidents.slice(0, 24).forEach((inc, i) => {
    const prob = problems[i % Math.max(1, problems.length)];
    if (prob) links.push({ id: String(linkId++), typeId: '10004', inwardIssueId: inc.id, outwardIssueId: prob.id });
  });

  // OPS: a handful of team-managed issues.
  const opsTypes = teamManagedIssueTypes(OPS_PROJECT.id, 10100);
  const opsEpic = mk(OPS_PROJECT, '10100', { summary: 'Platform reliability', description: doc(p('Make the hosting platform boring: fewer pages, faster recovery.')), labels: [], componentIds: [], priorityId: '3' }, new Date(SEED_BASE_DATE.getTime() - 90 * dayMs), '3', false, null);
  const opsTasks = ['Patch the monitoring agents', 'Review the on-call rota', 'Automate log rotation on build agents', 'Document the failover runbook', 'Retire the old jump host'];
  opsTasks.forEach((s, i) => {
    const done = i < 2;
    mk(OPS_PROJECT, '10101', { summary: s, description: doc(p(s + '.')), labels: i % 2 === 0 ? ['ops'] : [], componentIds: [], priorityId: '3' }, new Date(SEED_BASE_DATE.getTime() - (80 - i * 10) * dayMs), done ? '10007' : i === 2 ? '3' : '10000', done, opsEpic.id);
  });
  mk(OPS_PROJECT, '10102', { summary: 'Alert storm when a disk fills', description: doc(p('One full disk raises forty alerts.')), labels: ['ops'], componentIds: [], priorityId: '2' }, new Date(SEED_BASE_DATE.getTime() - 20 * dayMs), '10000', false, null);

  return { projects: [SMS_PROJECT, OPS_PROJECT], issueTypes: [...GLOBAL_ISSUE_TYPES, ...opsTypes], issues, links, intended };
}
