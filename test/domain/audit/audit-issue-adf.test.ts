import { auditChecklist, auditIssueAdf, drawAuditSample } from '../../../src/domain/audit';
import { adfProblems } from '../../../src/services/adf-validation';
import { allNodes } from '../report/validate-adf';
import { AUDIT_AS_OF, anAuditPlan, manyCandidates } from '../../builders/audit.builder';

describe('the audit issue description', () => {
  const plan = anAuditPlan({ scope: { clauses: ['8.6.1', '9.2'], processes: [] } });
  const sample = drawAuditSample('SMS', manyCandidates(24), { seed: 'q4', asOf: AUDIT_AS_OF, sizes: { '8.6.1': 4 } });

  it('is valid ADF with the plan, the seed, and a task list per audited clause with one task per sampled issue', () => {
    const doc = auditIssueAdf('https://example.atlassian.net', plan, sample, auditChecklist(plan, sample));
    expect(adfProblems(doc)).toEqual([]);
    const nodes = allNodes(doc);
    expect(nodes.filter((n) => n.type === 'taskList')).toHaveLength(2);
    const cards = nodes.filter((n) => n.type === 'inlineCard').map((n) => n.attrs?.url);
    expect(cards).toEqual(sample.clauses[0]?.issueKeys.map((k) => `https://example.atlassian.net/browse/${k}`));
    expect(nodes.find((n) => n.type === 'mention')?.attrs?.id).toBe(plan.auditor);
    const text = nodes.map((n) => n.text ?? '').join(' ');
    expect(text).toContain('Drawn with seed “q4”');
    expect(text).toContain('Sampled 4 of 24 evidence issues');
  });

  it('keeps a hostile criteria text as plain text', () => {
    const hostile = anAuditPlan({ criteria: '<img src=x onerror=alert(1)> \u202Etxt.exe' });
    const doc = auditIssueAdf('https://example.atlassian.net', hostile, sample, auditChecklist(hostile, sample));
    expect(adfProblems(doc)).toEqual([]);
    const text = allNodes(doc).map((n) => n.text ?? '').join(' ');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).not.toContain('\u202E');
  });
});
