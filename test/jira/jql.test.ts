import { JqlRefusedError } from '../../src/domain/errors';
import { USER_JQL_MAX, confineUserJql, confinedJqlOrNull, parseUserJql } from '../../src/jira/jql';

const reasonOf = (jql: string): string | undefined => {
  try {
    parseUserJql(jql);
    return undefined;
  } catch (e) {
    if (e instanceof JqlRefusedError) return e.reason;
    throw e;
  }
};

describe('confineUserJql', () => {
  it('wraps one balanced expression as project = KEY AND (…), the key escaped', () => {
    expect(confineUserJql('SMS', 'issuetype = Incident')).toBe('project = "SMS" AND (issuetype = Incident)');
    expect(confineUserJql('SMS', 'project = OPS OR labels = x')).toBe('project = "SMS" AND (project = OPS OR labels = x)');
    expect(confineUserJql('SMS', ' (a = 1 OR b = 2) AND c in ("x)", \'y(\')\n')).toBe('project = "SMS" AND ((a = 1 OR b = 2) AND c in ("x)", \'y(\'))');
    expect(confineUserJql('SMS', 'summary ~ "order by \\"price\\""')).toBe('project = "SMS" AND (summary ~ "order by \\"price\\"")');
    expect(confineUserJql('SMS', '   ')).toBe('project = "SMS"');
    expect(confineUserJql('A" OR project = "B', '')).toBe('project = "A\\" OR project = \\"B"');
    expect(confineUserJql('SMS', 'labels = reorder AND "order" = by')).toBe('project = "SMS" AND (labels = reorder AND "order" = by)');
  });

  it('refuses the KPI escape of the issue: a parenthesis closed before it is opened', () => {
    expect(() => confineUserJql('SMS', 'issuetype = Incident) OR (project = OPS')).toThrow(JqlRefusedError);
    expect(reasonOf('issuetype = Incident) OR (project = OPS')).toBe('unbalanced_parentheses');
  });

  it('names the reason of every refusal', () => {
    expect(reasonOf('(a = 1')).toBe('unbalanced_parentheses');
    expect(reasonOf('a = 1)')).toBe('unbalanced_parentheses');
    expect(reasonOf('summary ~ "open')).toBe('unbalanced_quotes');
    expect(reasonOf("summary ~ 'x\\")).toBe('unbalanced_quotes');
    expect(reasonOf('a = 1 ORDER BY created DESC')).toBe('order_by');
    expect(reasonOf('ORDER  BY key')).toBe('order_by');
    expect(reasonOf('(a = 1 order by key)')).toBe('order_by');
    expect(reasonOf('a = 1 OR')).toBe('dangling_operator');
    expect(reasonOf('AND a = 1')).toBe('dangling_operator');
    expect(reasonOf('a = 1\u0000')).toBe('control_character');
    expect(reasonOf('a = 1\u2028OR b = 2')).toBe('control_character');
    expect(reasonOf(`summary ~ "${'x'.repeat(USER_JQL_MAX)}"`)).toBe('too_long');
  });

  it('refuses with a typed VALIDATION_FAILED naming the field', () => {
    try {
      confineUserJql('SMS', 'a = 1) OR (b = 2');
      throw new Error('not refused');
    } catch (e) {
      expect(e).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'jql', reason: 'unbalanced_parentheses' } });
    }
  });
});

describe('confinedJqlOrNull', () => {
  it('confines valid JQL like confineUserJql and gives null for JQL it refuses', () => {
    expect(confinedJqlOrNull('SMS', 'status = Done')).toBe(confineUserJql('SMS', 'status = Done'));
    expect(confinedJqlOrNull('SMS', 'status = Done ORDER BY key')).toBeNull();
    expect(confinedJqlOrNull('SMS', 'a) OR (b')).toBeNull();
  });
});
