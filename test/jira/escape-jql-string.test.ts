import { escapeJqlString } from '../../src/jira/jql';

/** Reads a JQL double-quoted literal back, the way Jira's parser would; throws if it is not exactly one literal. */
function readJqlLiteral(jql: string): string {
  if (!jql.startsWith('"')) throw new Error('not quoted');
  let out = '';
  for (let i = 1; i < jql.length; i += 1) {
    const c = jql[i];
    if (c === '\\') {
      out += jql[i + 1] ?? '';
      i += 1;
    } else if (c === '"') {
      if (i !== jql.length - 1) throw new Error(`literal ends early at ${i}: ${jql}`);
      return out;
    } else {
      out += c;
    }
  }
  throw new Error('unterminated literal');
}

describe('escapeJqlString', () => {
  it('always double-quotes, even plain values', () => {
    expect(escapeJqlString('SMS-1')).toBe('"SMS-1"');
    expect(escapeJqlString('')).toBe('""');
  });

  it('escapes double quotes and backslashes', () => {
    expect(escapeJqlString('say "hi"')).toBe('"say \\"hi\\""');
    expect(escapeJqlString('C:\\temp\\')).toBe('"C:\\\\temp\\\\"');
  });

  it('removes newlines and other control characters', () => {
    expect(escapeJqlString('a\nb\r\tc\u0000d\u007f')).toBe('"abcd"');
  });

  it('keeps an injection attempt inside one literal', () => {
    const attack = 'x" OR project = OTHER';
    const escaped = escapeJqlString(attack);
    expect(escaped).toBe('"x\\" OR project = OTHER"');
    expect(readJqlLiteral(escaped)).toBe(attack);
  });

  it('survives a trailing backslash that would otherwise escape the closing quote', () => {
    const attack = 'x\\" OR project = OTHER OR summary ~ \\';
    expect(readJqlLiteral(escapeJqlString(attack))).toBe(attack);
  });

  it('keeps single quotes and unicode text as they are', () => {
    expect(readJqlLiteral(escapeJqlString("l'équipe ✓"))).toBe("l'équipe ✓");
  });
});
