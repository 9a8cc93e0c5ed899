/**
 * The clause-suggestion model, kept as plain data so anyone can read why a clause was suggested.
 *
 * - CLAUSE_TERMS: per assessable clause of ISO/IEC 20000-1:2018, words and phrases with a weight. Longer
 *   phrases carry more weight; a negative weight is a disambiguating hint ("security incident" points away
 *   from plain incident handling). Phrases are matched on token sequences after tokenise(): lower case,
 *   stemmed, stop words dropped, synonyms replaced by their canonical key.
 * - SYNONYMS: canonical key -> variants found in issue text. A variant anywhere (issue text or a term above)
 *   is replaced by its key before matching, so a term may be written with any variant.
 * - ISSUE_TYPE_PRIORS: a starting score per Jira issue type; the first entry whose phrase occurs in the
 *   issue type name applies.
 *
 * Weights (rule of thumb): 1 weak hint, 2 typical word, 3-4 strong word, 5+ phrase that names the clause.
 * Matching is longest-phrase-first, so "capacity plan" is one match, not "capacity" plus "plan".
 * All wording is ours; only clause numbers come from the standard.
 */

export interface LexiconEntry {
  clauseId: string;
  terms: Readonly<Record<string, number>>;
}

export interface IssueTypePrior {
  /** Phrase looked for in the issue type name (normalised like any text). */
  type: string;
  weights: Readonly<Record<string, number>>;
}

export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  outage: ['outage', 'downtime', 'unavailable', 'unavailability', 'unreachable', 'not reachable', 'not available', 'offline', 'service down', 'not responding', 'no response'],
  cannot: ['cannot', 'cant', 'can not', 'unable', 'could not', 'couldnt', 'not able', 'does not work', 'doesnt work', 'not working', 'stopped working'],
  priority: ['priority', 'p1', 'p2', 'p3', 'p4', 'sev1', 'sev2', 'sev3', 'sev 1', 'sev 2', 'sev 3', 'severity', 'prio'],
  escalate: ['escalate', 'escalation', 'escalated'],
  pir: ['post incident review', 'post incident report', 'pir', 'post mortem', 'postmortem', 'incident review'],
  sla: ['sla', 'service level agreement', 'service level agreements'],
  ola: ['ola', 'operational level agreement', 'underpinning agreement'],
  cab: ['cab', 'change advisory board', 'change board', 'ecab'],
  rfc: ['rfc', 'request for change', 'change request', 'change requests', 'change ticket'],
  fsc: ['forward schedule of change', 'change calendar', 'change schedule', 'fsc'],
  rollback: ['rollback', 'roll back', 'rolled back', 'back out', 'backout', 'backed out', 'revert', 'fallback'],
  cmdb: ['cmdb', 'configuration management database', 'configuration database'],
  ci: ['ci', 'cis', 'configuration item', 'configuration items'],
  cicd: ['ci cd', 'cicd', 'pipeline', 'build pipeline'],
  dr: ['dr', 'disaster recovery', 'failover', 'fail over', 'drp'],
  rto: ['rto', 'rpo', 'recovery time objective', 'recovery point objective'],
  bcp: ['bcp', 'business continuity plan', 'continuity plan', 'bcm', 'business continuity'],
  rca: ['rca', 'root cause', 'root cause analysis', 'root causes', 'underlying cause', 'five whys', '5 whys'],
  'known error': ['known error', 'kedb', 'known error database', 'known errors'],
  workaround: ['workaround', 'work around', 'temporary fix'],
  capacity: ['capacity', 'throughput', 'headroom'],
  utilisation: ['utilisation', 'utilization', 'usage'],
  supplier: ['supplier', 'vendor', 'third party', 'external provider', 'subcontractor'],
  'service provider': ['service provider'],
  budget: ['budget', 'budgeting', 'budgetary'],
  cost: ['cost', 'costing', 'spend', 'spending', 'expense', 'expenditure', 'opex', 'capex', 'tco'],
  chargeback: ['chargeback', 'charge back', 'cross charge', 'recharge', 'showback'],
  vulnerability: ['vulnerability', 'vulnerabilities', 'pentest', 'pen test', 'penetration test', 'cve', 'vulnerability scan', 'security scan'],
  phishing: ['phishing', 'phish', 'spear phishing', 'spoofed', 'spoofing'],
  malware: ['malware', 'ransomware', 'virus', 'trojan', 'spyware', 'worm'],
  ddos: ['ddos', 'denial of service', 'dos attack'],
  mfa: ['mfa', '2fa', 'two factor', 'multi factor', 'multifactor'],
  nonconformity: ['nonconformity', 'nonconformities', 'non conformity', 'nonconformance', 'non conformance', 'nc', 'non compliance', 'noncompliance'],
  'corrective action': ['corrective action', 'corrective actions', 'capa'],
  kpi: ['kpi', 'key performance indicator', 'metric', 'metrics', 'dashboard', 'scorecard'],
  measure: ['measure', 'measurement', 'measuring'],
  csat: ['csat', 'customer satisfaction', 'satisfaction survey', 'nps', 'net promoter score'],
  deploy: ['deploy', 'deployment', 'rollout', 'roll out', 'deployed'],
  backup: ['backup', 'back up', 'backups', 'snapshot'],
  training: ['training', 'train', 'e learning', 'elearning', 'upskill', 'upskilling'],
  competence: ['competence', 'competency', 'competencies', 'skill', 'skills', 'qualification'],
  'continual improvement': ['continual improvement', 'continuous improvement', 'csi'],
  'lessons learned': ['lessons learned', 'lessons learnt', 'lesson learned', 'retrospective', 'retro'],
  'interested party': ['interested party', 'interested parties', 'stakeholder', 'stakeholders'],
  'top management': ['top management', 'senior management', 'executive', 'executives', 'leadership team', 'cio', 'ceo', 'cto', 'board of directors', 'managing director'],
  raci: ['raci', 'responsibility matrix', 'roles and responsibilities'],
  'knowledge base': ['knowledge base', 'kb', 'knowledge article', 'knowledge articles', 'faq', 'wiki'],
  licence: ['licence', 'license', 'licensing', 'licences', 'licenses'],
  hypercare: ['hypercare', 'early life support', 'els'],
  'go live': ['go live', 'golive', 'cutover', 'cut over', 'went live'],
  decommission: ['decommission', 'retire', 'retirement', 'sunset', 'phase out', 'retiring'],
  'service desk': ['service desk', 'helpdesk', 'help desk', 'support desk', 'desk'],
  fulfilment: ['fulfilment', 'fulfillment', 'fulfil', 'fulfill'],
  communicate: ['communicate', 'communication', 'communicated', 'communicating', 'announce', 'announcement'],
  howto: ['how to', 'howto', 'guide', 'instructions', 'step by step'],
  statistic: ['statistic', 'statistics', 'stats', 'figures'],
  organisation: ['organisation', 'organization', 'organisational', 'organizational'],
  prioritise: ['prioritise', 'prioritize', 'prioritisation', 'prioritization'],
  analyse: ['analyse', 'analyze', 'analysis'],
  programme: ['programme', 'program'],
  catalogue: ['catalogue', 'catalog'],
  unauthorised: ['unauthorised', 'unauthorized'],
  optimise: ['optimise', 'optimize', 'optimisation', 'optimization'],
  production: ['production', 'prod', 'live environment'],
  'data centre': ['data centre', 'data center', 'datacentre', 'datacenter', 'dc'],
};

export const ISSUE_TYPE_PRIORS: readonly IssueTypePrior[] = [
  { type: 'security incident', weights: { '8.7.3.3': 4, '8.6.1': 1 } },
  { type: 'post incident review', weights: { '8.6.1': 2, '8.6.3': 2 } },
  { type: 'major incident', weights: { '8.6.1': 4 } },
  { type: 'incident', weights: { '8.6.1': 3.5 } },
  { type: 'problem', weights: { '8.6.3': 3.5 } },
  { type: 'emergency change', weights: { '8.5.1.3': 3.5 } },
  { type: 'change', weights: { '8.5.1.3': 3, '8.5.1.2': 1 } },
  { type: 'service request', weights: { '8.6.2': 3.5 } },
  { type: 'access', weights: { '8.6.2': 3, '8.7.3.2': 1 } },
  { type: 'request', weights: { '8.6.2': 3 } },
  { type: 'IT help', weights: { '8.6.1': 2, '8.6.2': 1 } },
  { type: 'support', weights: { '8.6.1': 1.5, '8.6.2': 1.5 } },
  { type: 'bug', weights: { '8.6.1': 1.5, '8.6.3': 0.5 } },
  { type: 'release', weights: { '8.5.3': 3 } },
  { type: 'deploy', weights: { '8.5.3': 3 } },
  { type: 'risk', weights: { '6.1': 3 } },
  { type: 'nonconformity', weights: { '10.1': 3.5 } },
  { type: 'audit finding', weights: { '10.1': 2.5, '9.2': 1.5 } },
  { type: 'corrective action', weights: { '10.1': 3.5 } },
  { type: 'improvement', weights: { '10.2': 1 } },
];

export const CLAUSE_TERMS: readonly LexiconEntry[] = [
  // 4 Context of the organization
  { clauseId: '4.1', terms: {
    context: 2, 'context organisation': 6, 'context analysis': 5, 'external issue': 5, 'internal issue': 5,
    'external internal issue': 6, 'internal external issue': 6, pestle: 5, pest: 3, swot: 5, 'business environment': 4,
    strategy: 1, market: 1, merger: 2, acquisition: 1.5, regulation: 1, 'economic': 1.5, 'political': 1.5,
  } },
  { clauseId: '4.2', terms: {
    'interested party': 4, 'stakeholder requirement': 6, 'need expectation': 4, expectation: 1.5,
    regulator: 2.5, regulatory: 2, 'regulatory requirement': 4, 'legal requirement': 4, statutory: 3,
    'compliance obligation': 4, shareholder: 2.5, requirement: 0.5,
  } },
  { clauseId: '4.3', terms: {
    scope: 4, 'scope statement': 7, 'in scope': 4, 'out scope': 4, boundary: 2.5, 'certification scope': 6,
    'sms scope': 7, 'scope sms': 7, applicability: 2, certification: 1, exclude: 1, iso: 0.5,
  } },
  { clauseId: '4.4', terms: {
    'management system': 3.5, 'service management system': 4, 'process interaction': 5, interaction: 2.5, interact: 2.5,
    'establish sms': 5, 'implement sms': 4, 'maintain sms': 4, 'process model': 4, 'process landscape': 4,
    'process map': 4, sms: 0.5,
  } },
  // 5 Leadership
  { clauseId: '5.1', terms: {
    'top management': 3.5, leadership: 3, commitment: 3.5, 'executive sponsor': 4, sponsor: 2.5, steering: 2,
    'steering committee': 3.5, 'management support': 4, 'management commitment': 5, 'demonstrate leadership': 5,
  } },
  { clauseId: '5.2.1', terms: {
    'sms policy': 6, 'service management policy': 7, policy: 2, 'sign off': 1.5, 'policy approval': 3,
    'approve policy': 3, 'policy draft': 3,
  } },
  { clauseId: '5.2.2', terms: {
    'communicate policy': 6, 'communicate sms policy': 7, 'policy communicate': 5, 'publish policy': 4,
    'policy available': 3, 'policy awareness': 3, policy: 1,
  } },
  { clauseId: '5.3', terms: {
    role: 2.5, responsibility: 2.5, authority: 3, raci: 6, 'process owner': 5, 'process manager': 4,
    appoint: 3, assign: 1, accountable: 2.5, accountability: 2.5, 'org chart': 3, 'roles responsibility authority': 6,
  } },
  // 6 Planning
  { clauseId: '6.1', terms: {
    risk: 2.5, 'risk register': 7, opportunity: 2.5, 'risk opportunity': 7, 'risk assessment': 3,
    'risk treatment': 3.5, 'risk acceptance': 5, 'risk appetite': 5, 'risk owner': 4, 'risk workshop': 5,
    mitigation: 2, mitigate: 2, threat: 1, 'risk management': 4,
  } },
  { clauseId: '6.2.1', terms: {
    objective: 3.5, 'sms objective': 6, 'service management objective': 7, 'set objective': 6,
    'measurable objective': 6, goal: 1.5, target: 0.3,
  } },
  { clauseId: '6.2.2', terms: {
    'plan achieve objective': 8, 'achieve objective': 6, objective: 1.5, 'action plan': 2, timescale: 2.5,
    
  } },
  { clauseId: '6.3', terms: {
    'service management plan': 7, 'sms plan': 7, 'plan sms': 6, 'sms implementation': 4, 
    'sms roadmap': 5, roadmap: 1.5, interface: 1, constraint: 1, 'sms programme': 4,
  } },
  // 7 Support
  { clauseId: '7.1', terms: {
    resource: 2.5, headcount: 5, fte: 4, 'staffing level': 4, 'staff shortage': 4, understaffed: 4, 'more staff': 3, hire: 4, recruit: 4, 'resource plan': 5, 'resource need': 5,
    people: 0.5, tool: 0.5,
  } },
  { clauseId: '7.2', terms: {
    training: 3.5, competence: 4.5, 'competence gap': 6, 'skills matrix': 7, 'competence matrix': 7, certificate: 2.5,
    induction: 3, course: 2, 'skill gap': 6, mentoring: 2.5, 'training plan': 6, 'training record': 6, qualified: 2,
    onboarding: 1.5, 'training need': 6,
  } },
  { clauseId: '7.3', terms: {
    awareness: 5, aware: 3.5, 'awareness session': 7, 'awareness campaign': 7, contribution: 2.5, consequence: 2.5,
    induction: 1.5, onboarding: 1,
  } },
  { clauseId: '7.4', terms: {
    communicate: 3.5, 'communication plan': 7, 'communicate plan': 7, 'internal communicate': 6, 'external communicate': 6,
    intranet: 1.5, newsletter: 2.5, 'weekly update': 5, 'status update': 4, 'update stakeholder': 6, 'inform stakeholder': 6, 'stakeholder communicate': 7, 'town hall': 2.5, notify: 1, inform: 1.5, publish: 1,
  } },
  { clauseId: '7.5.1', terms: {
    'documented information': 5, documentation: 3, 'documentation requirement': 5, 'documented information requirement': 7,
  } },
  { clauseId: '7.5.2', terms: {
    template: 3.5, 'document template': 6, format: 1.5, 'create document': 4, 'update document': 4,
    'process document': 2, 'document review approval': 3, version: 0.5,
  } },
  { clauseId: '7.5.3', terms: {
    'document control': 7, retention: 4.5, retain: 3.5, archive: 2.5, 'version control': 3.5, 'version number': 3,
    obsolete: 2.5, 'review date': 3.5, 'document review': 3, 'keep record': 3.5, record: 1.5, evidence: 1.5,
    'meeting minute': 2, distribution: 0.5, outdat: 1.5, 'out date': 1.5, 'not updat': 1.5, delete: 1,
    'retention period': 6, 'not record': 3, 'version history': 5, 'single source': 4, procedure: 1, stor: 1, sharepoint: 0.5, confluence: 0.5,
  } },
  { clauseId: '7.5.4', terms: {
    'mandatory documented information': 7, 'mandatory document': 6, 'mandatory documentation': 6,
    'sms documentation': 5, 'documented information': 2, checklist: 1, procedure: 1, record: 1, 'record kept': 2, evidence: 1,
  } },
  { clauseId: '7.6', terms: {
    knowledge: 4, 'knowledge base': 6, 'knowledge transfer': 6, 'tribal knowledge': 6, article: 2.5,
    handover: 1.5, 'write down': 2, howto: 3, 'self help': 4, 'first line': 1, 'known error': 1, documentation: 1, 
  } },
  // 8.1 Operational planning and control
  { clauseId: '8.1', terms: {
    'operational planning': 6, 'operational control': 6, 'operational plan': 6, 'process criteria': 5,
    'criteria process': 4, 'outsourced process': 5, 'operational activity': 5, operational: 1.5, operation: 1,
    runbook: 1.5, 
  } },
  // 8.2 Service portfolio
  { clauseId: '8.2.1', terms: {
    'service delivery': 4, 'deliver service': 3, 'service portfolio': 2,
  } },
  { clauseId: '8.2.2', terms: {
    'service portfolio': 5, portfolio: 3.5, 'plan servic': 5, 'plan new servic': 5, 'service requirement': 4,
    'new service': 2, invest: 2.5, prioritise: 2, 'service strategy': 4, grow: 1,
    dependency: 0.5,
  } },
  { clauseId: '8.2.3', terms: {
    'other party': 4, 'party involv': 6, 'control party': 6, 'control parties': 6, 'service integrator': 5, siam: 6,
    'multi supplier': 4, outsourc: 2.5, 
  } },
  { clauseId: '8.2.4', terms: {
    'service catalogue': 7, catalogue: 4.5, 'catalogue entry': 6, 'service offering': 3, offer: 2.5, 'service list': 5, 'list servic': 4, 'service description': 3.5,
    'live servic': 2, 'retired servic': 2, 'supporting servic': 2, 'customer facing servic': 2.5, 'request type': 1,
  } },
  { clauseId: '8.2.5', terms: {
    asset: 4, 'asset register': 7, 'asset inventory': 7, inventory: 3.5, licence: 3.5, 'licence compliance': 7,
    'software asset': 6, 'hardware asset': 6, 'asset tag': 7, disposal: 2.5, dispose: 2.5, 'serial number': 3.5,
    serial: 2, lifecycle: 1, device: 2, hardware: 2.5, laptop: 1.5, phone: 1.5, returned: 1.5, procurement: 1, sam: 3, install: 0.5,
  } },
  { clauseId: '8.2.6', terms: {
    cmdb: 6, ci: 4.5, configuration: 3, 'configuration management': 6, baseline: 4, discovery: 3, 'ci type': 6,
    attribute: 2.5, relationship: 1, 'dependency mapping': 5, 'service map': 4, dependency: 1.5, 'data quality': 1.5,
    'affected ci': 5, 
  } },
  // 8.3 Relationship and agreement
  { clauseId: '8.3.1', terms: {
    'relationship agreement': 5, 'agreement register': 5, 'list agreement': 4, 'customer agreement': 3,
    'agreement review': 3,
  } },
  { clauseId: '8.3.2', terms: {
    customer: 1.5, complaint: 5, complain: 4.5, csat: 5, satisfaction: 3.5, survey: 3.5, relationship: 3,
    'business relationship': 6, 'relationship manager': 6, 'relationship meeting': 6, 'customer meeting': 4,
    'key customer': 5, 'customer contact': 4, 'business need': 3.5, 'customer feedback': 4, feedback: 2.5,
    'business unit': 1, 'formal complaint': 6, 'customer experience': 3, client: 1.5, angry: 3, unhappy: 3, dissatisfied: 4, frustrated: 2.5, 'business review': 5, qbr: 5, 'account review': 4, 'key account': 4, 'key client': 5,
  } },
  { clauseId: '8.3.3', terms: {
    sla: 5.5, 'service level': 4.5, 'service level target': 6, 'sla breach': 7, breach: 2, 'service target': 3.5,
    target: 1.5, 'service hour': 4, 'support hour': 4, 'response time': 2, 'resolution time': 2.5,
    'time resolution': 3, agreement: 2.5, 'service review': 3.5, ola: 2, 'sla performance': 6, 'agreed servic': 3,
    'weekend support': 3, 'support window': 4, promise: 1.5, 'sla timer': 6, 'sla report': 3,
  } },
  { clauseId: '8.3.4.1', terms: {
    supplier: 4.5, 'external supplier': 6, contract: 3.5, 'supplier contract': 6, 'contract renewal': 6, renew: 2,
    tender: 4, procurement: 1.5, 'supplier performance': 6, 'supplier review': 6, 'due diligence': 4.5,
    'exit plan': 3.5, 'account manager': 2, outsourc: 2, provider: 3, dispute: 3, contractual: 3.5, contractor: 3, partner: 2.5, penalty: 3, 'service credit': 3, company: 1, 'late delivery': 3,
    'supplier register': 7, 'supplier list': 6, 'service provider': -0.5, 
  } },
  { clauseId: '8.3.4.2', terms: {
    'internal supplier': 7, ola: 6, 'internal agreement': 5, 'internal target': 4, 'group IT': 4, 'parent company': 4, 'other department': 4, 'another department': 4, 'internal department': 5,
    'shared servic': 2, 'internal IT': 4, 'IT department': 4, 'central IT': 4, 'customer acting supplier': 7, 'internal team': 2, 
  } },
  // 8.4 Supply and demand
  { clauseId: '8.4.1', terms: {
    budget: 4.5, cost: 3.5, chargeback: 6, 'cost model': 7, 'cost per servic': 7, 'cost accounting': 6, 'financial accounting': 6, 'accounting period': 5, 'service accounting': 6, finance: 2,
    invoice: 2.5, bill: 2.5, billing: 2.5, overrun: 3.5, 'cost driver': 5, price: 1.5, 'licence cost': 4,
    'budget request': 6, allocat: 1.5, 
  } },
  { clauseId: '8.4.2', terms: {
    demand: 5, 'demand forecast': 7, 'forecast demand': 7, 'future demand': 6, 'demand management': 7,
    forecast: 1.5, consumption: 4, 'call volume': 5, 'more user': 4, 'extra user': 4, 'additional user': 4, 'user growth': 5, growth: 2, expect: 1, volume: 2, anticipate: 2.5, seasonal: 2.5, peak: 0.5,
  } },
  { clauseId: '8.4.3', terms: {
    capacity: 5, 'capacity plan': 7, 'capacity management': 7, performance: 1.5, 'disk usage': 5, 'disk space': 5,
    'out disk': 5, cpu: 3.5, memory: 2, storage: 1.5, scal: 3, 'scale out': 4, autoscal: 5, 'load test': 6,
    load: 2, latency: 2.5, slow: 1.5, utilisation: 3.5, threshold: 2.5, full: 1.5, limit: 1.5, bottleneck: 4,
    growth: 2, forecast: 1, peak: 2, lag: 1.5, 'performance tuning': 5, 'slow response': 3, resource: 1, heap: 2, gc: 2, shard: 2, 'add node': 3, 'ran out': 4, 'run out': 4, exhaust: 4, 'running out': 4,
  } },
  // 8.5 Service design, build and transition
  { clauseId: '8.5.1.1', terms: {
    'change policy': 7, 'change management policy': 8, 'change control': 4, 'under change control': 7,
    'change category': 6, 'change type': 5, 'standard change': 3, 'approval level': 5, 'change criteria': 5,
    'major impact': 4, 'who approv': 3, 'approv chang': 2.5, 'change procedure': 4, 'change management procedure': 5,
    'change management': 2,
  } },
  { clauseId: '8.5.1.2', terms: {
    'raise chang': 6, 'raise rfc': 6, 'raise change request': 6, rfc: 2, 'log chang': 4, 'submit chang': 4,
    'change initiation': 7, 'new chang': 1.5, 'classify chang': 4, 'change classification': 5, 'need chang': 2,
  } },
  { clauseId: '8.5.1.3', terms: {
    chang: 2.5, rfc: 4, cab: 6, 'change approval': 6, 'emergency chang': 6, 'normal chang': 5, 'maintenance window': 4.5,
    rollback: 3, 'rollback plan': 4.5, 'implementation plan': 2.5, fsc: 6, 'change success': 6, 'failed chang': 6,
    'post implementation review': 5, 'change risk': 3.5, 'impact assessment': 3.5, upgrad: 2.5, migration: 1.5,
    migrat: 1.5, replac: 1.5, patch: 2, hotfix: 2, 'change management': 3.5, approv: 1, approval: 1,
    implement: 1, modification: 2.5, 'risk assessment': 1,
  } },
  { clauseId: '8.5.2.1', terms: {
    'new servic': 3, 'changed servic': 4, 'new changed servic': 6, 'service removal': 6, 'removal servic': 6,
    decommission: 3.5, 'remove servic': 5, 'major chang': 3, 'plan retir': 4, 'service design': 2,
  } },
  { clauseId: '8.5.2.2', terms: {
    'service design': 6, design: 3.5, 'design document': 5, architecture: 2.5, 'solution design': 5,
    'service requirement': 2, 'support model': 4, requirement: 1,
  } },
  { clauseId: '8.5.2.3', terms: {
    transition: 4.5, 'service transition': 7, 'transition plan': 6, build: 1, 'go live': 3.5, hypercare: 6,
    'acceptance criteria': 4, 'service acceptance': 6, 'handover operation': 6, handover: 3, 'data migration': 4,
    migration: 1.5, 'operational readiness': 6, readiness: 4, 'take over': 2.5, launch: 1.5, accept: 1.5, 
  } },
  { clauseId: '8.5.3', terms: {
    release: 4.5, deploy: 4.5, 'release train': 6, 'release plan': 6, 'release calendar': 7, 'release note': 7, 'release window': 6,
    cicd: 3.5, 'smoke test': 3.5, staging: 2.5, production: 1, canary: 5, rollback: 2, 'hotfix release': 6,
    hotfix: 1.5, version: 1, pilot: 2, wave: 2, 'go live': 1.5, 'release management': 7, 'release type': 6, launch: 2, 'blue green': 5, 'zero outage': 4, 'without outage': 3, 'feature flag': 4, 'feature toggle': 4, changelog: 4, 'semantic version': 4, 'app store': 2,
  } },
  // 8.6 Resolution and fulfilment
  { clauseId: '8.6.1', terms: {
    incident: 4, outage: 3, down: 2.5, 'major incident': 7, cannot: 3, broken: 3, brok: 2.5, error: 2, fail: 1,
    failur: 1.5, crash: 3.5, slow: 1, priority: 2.5, escalate: 2.5, 'service desk': 1.5, triage: 3.5,
    workaround: 2, 'restore servic': 6, resolution: 1.5, resolv: 1.5, ticket: 1.5, affect: 1.5, impact: 1,
    urgency: 3, 'bridge call': 5, 'status page': 2, pir: 3, intermittent: 3, reboot: 1.5, restart: 1.5,
    bug: 1, deadlock: 1.5, timeout: 2.5, freez: 2.5, hang: 2, help: 1, stuck: 2.5, jam: 3,
    degrad: 3, disruption: 2, interruption: 2, reopen: 2.5, again: 0.5, urgent: 2.5, asap: 2.5,
    'bad gateway': 3, '500': 1.5, '502': 2, '503': 2, '504': 2, 'user report': 2.5, drop: 1.5,
    'security incident': -1.5, 'incident management': 5, 'incident procedure': 5,
  } },
  { clauseId: '8.6.2', terms: {
    'service request': 7, request: 2.5, 'access request': 6, 'request access': 6, 'grant access': 5, please: 1.5,
    install: 3, 'new laptop': 5, laptop: 1.5, 'new starter': 5, 'new joiner': 5, joiner: 3, leaver: 3,
    offboard: 4, onboarding: 1, 'password reset': 5, 'reset password': 5, reset: 2.5, fulfilment: 5,
    'request type': 6, 'standard request': 6, 'pre approv': 4, order: 1.5, provision: 2.5, 'new account': 3.5,
    'create account': 3.5, 'distribution list': 4, mailbox: 2.5, 'shared mailbox': 4, permission: 2,
    'software request': 6, portal: 1.5, 'catalogue item': 3.5, 'procurement request': 4, ask: 1, 
    'request management': 6,
  } },
  { clauseId: '8.6.3', terms: {
    problem: 4.5, rca: 6, 'known error': 6, recurring: 5, recur: 5, repeat: 3, again: 1, workaround: 2.5,
    'permanent fix': 6, 'permanent solution': 6, 'trend analysis': 4, trend: 2, 'problem record': 7,
    'problem review': 7, 'problem management': 7, 'memory leak': 5, leak: 1.5, why: 1.5, investigat: 1.5,
    prevent: 2.5, preventiv: 3.5, 'contributing factor': 5, 'same cause': 5, 'same rca': 6, pattern: 2,
    keep: 1, 'heap dump': 3.5, pir: 2.5, proactive: 3.5, 'related incident': 4, 'link incident': 2.5,
    'multiple incident': 4, 'open problem': 5,
  } },
  // 8.7 Service assurance
  { clauseId: '8.7.1', terms: {
    availability: 5.5, available: 1, uptime: 5.5, outage: 1.5, 'single point failure': 7, spof: 7, redundancy: 4.5,
    redundant: 4.5, 'high availability': 7, 'load balancer': 2.5, 'active passive': 5, 'active active': 5,
    cluster: 1, 'maintenance window': 1.5, 'availability target': 7, 'availability report': 7,
    'synthetic check': 5, 'synthetic monitor': 5, heartbeat: 2, mtbf: 5, mttr: 3, reliability: 3.5,
    resilience: 2, unsupported: 1.5, 'end life': 1, 'redundant link': 5, 'second link': 4, 'backup link': 5, isp: 1.5, resilient: 3, 'single point': 5, down: 0.5,
  } },
  { clauseId: '8.7.2', terms: {
    continuity: 6, bcp: 7, dr: 7, disaster: 5, recovery: 3.5, recover: 3.5, rto: 6, backup: 3.5,
    restor: 2.5, 'restore test': 6, 'secondary site': 6, crisis: 4.5, tabletop: 5, scenario: 2, exercise: 2,
    resilience: 3, 'major disruption': 4, 'data centre': 1, 'call tree': 6, inaccessible: 3, flood: 4, fire: 2, evacuat: 3, pandemic: 4, contingency: 5, 'point time': 3, drill: 3, 'work from home': 2, invok: 1,
  } },
  { clauseId: '8.7.3.1', terms: {
    'information security policy': 8, 'security policy': 7, isms: 3, 'acceptable use policy': 6, 'acceptable use': 6, 'security rule': 4,
    'data classification': 6, classification: 3, 'handling rule': 3.5, 'security framework': 3, ciso: 2,
  } },
  { clauseId: '8.7.3.2', terms: {
    security: 2.5, 'information security': 3.5, control: 1.5, 'security control': 6, 'access review': 6,
    'access right': 4, privileged: 3.5, mfa: 4.5, encryption: 3, encrypt: 3, unencrypted: 3, vulnerability: 5, patch: 1.5, firewall: 3,
    'security risk': 5, 'security review': 5, hardening: 5, antivirus: 3.5, secure: 2.5, securely: 2.5, wip: 2,
    remediation: 2.5, 'least privilege': 6, owasp: 5, 'secure coding': 6, sso: 1, 'password policy': 5, revok: 2.5,
    'disable account': 3.5, disabl: 1, '27001': 3, siem: 3, waf: 2, usb: 3, 'usb storage': 5, 'device control': 5, endpoint: 2.5, 'endpoint security': 5, 'risk treatment': 2, leaver: 1.5,
    'security incident': -1,
  } },
  { clauseId: '8.7.3.3', terms: {
    'security incident': 8, phishing: 6, malware: 6, 'data breach': 7, 'security breach': 7, leak: 2.5,
    compromis: 4.5, stolen: 4.5, theft: 4.5, unauthorised: 4, 'unauthorised access': 7, ddos: 6, attack: 4,
    hack: 4, hacked: 4, fake: 3, click: 1.5, 'fake link': 5, 'malicious link': 6, 'malicious': 3, intrusion: 5, suspicious: 3.5, quarantin: 3.5, edr: 2.5, isolat: 2, credential: 2.5,
    botnet: 4.5, exfiltration: 5, misuse: 3.5, gdpr: 2, 'breach notification': 5, 'remote wip': 3,
  } },
  // 9 Performance evaluation
  { clauseId: '9.1', terms: {
    kpi: 5, measure: 3, monitor: 1.5, analyse: 2, evaluat: 1.5, effectiveness: 3, performance: 2, trend: 2,
    'first contact resolution': 6, 'average handle time': 6, mttr: 3, 'measurement result': 6, 'success rate': 3.5,
    grafana: 2, statistic: 2.5, 'analyse result': 5, benchmark: 2, 'evaluat effectiveness': 4, indicator: 3,
  } },
  { clauseId: '9.2', terms: {
    'internal audit': 8, audit: 4.5, auditor: 3.5, 'audit programme': 7, 'audit plan': 7, 'audit schedule': 7,
    'audit finding': 4, independent: 2.5, impartial: 3, 'audit criteria': 5, 'certification audit': 5,
    'external audit': 3, 'surveillance audit': 5,
  } },
  { clauseId: '9.3', terms: {
    'management review': 9, 'review meeting': 2.5, steering: 1, 'meeting minute': 3, agenda: 1.5, 'review input': 5,
    'review output': 5, 'previous review': 4, 'last review': 3, decision: 1.5, 'management meeting': 3.5, 'annual review': 3, 'sms review': 6, 'review sms': 6,
  } },
  { clauseId: '9.4', terms: {
    'service report': 7, report: 3, 'monthly report': 5.5, 'weekly report': 5, 'performance report': 5,
    workload: 3, excel: 1, statistic: 2.5, monthly: 1, 'sla report': 4, 'availability report': 2,
    'automat report': 3,
  } },
  // 10 Improvement
  { clauseId: '10.1', terms: {
    nonconformity: 8, 'corrective action': 8, 'audit finding': 3, correction: 4, correct: 2,
    rca: 1, 'verify effectiveness': 5, 'similar case': 3.5, recurrence: 2, deviation: 3, 'major nonconformity': 8,
    'minor nonconformity': 8, 'effectiveness corrective action': 9,
  } },
  { clauseId: '10.2', terms: {
    'continual improvement': 9, improvement: 4.5, improv: 2.5, 'improvement register': 8, 'improvement log': 8,
    opportunity: 1.5, 'improvement opportunity': 7, 'lessons learned': 6, idea: 3.5, suggestion: 3, automat: 2,
    optimise: 2, efficiency: 2.5, kaizen: 6, better: 1.5, benefit: 1.5, innovation: 3, 
    
  } },
];
