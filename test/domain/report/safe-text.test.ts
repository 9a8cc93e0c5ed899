import { ELLIPSIS, safeLine, safeParagraphs, truncate, utf8Length } from '../../../src/domain/report';

describe('safe text', () => {
  it('leaves short text untouched', () => {
    expect(truncate('hello', 10)).toBe('hello');
    expect(safeLine('<b>x</b>', 50, '-')).toBe('<b>x</b>');
  });

  it('cuts long text to the cap including the ellipsis', () => {
    const out = truncate('abcdefghij', 5);
    expect(out).toBe(`abcd${ELLIPSIS}`);
    expect(out.length).toBe(5);
  });

  it('never cuts inside an emoji sequence or a combining mark', () => {
    const family = '👩‍👩‍👧‍👦';
    const out = truncate(`${family}${family}${family}`, family.length * 2);
    expect(out).toBe(`${family}${ELLIPSIS}`);
    expect(truncate('e\u0301e\u0301e\u0301', 4)).toBe(`e\u0301${ELLIPSIS}`);
  });

  it('collapses whitespace and strips control characters, with a fallback when nothing is left', () => {
    expect(safeLine('  a\n\n b\t c\u0000 ', 50, '-')).toBe('a b c');
    expect(safeLine('\u0000 \n', 50, '(none)')).toBe('(none)');
    expect(safeLine(undefined, 50, '(none)')).toBe('(none)');
  });

  it('splits paragraphs on blank lines and drops empty ones', () => {
    expect(safeParagraphs('one\nstill one\n\n\n two \n \n', 100)).toEqual(['one still one', 'two']);
    expect(safeParagraphs('   ', 100)).toEqual([]);
  });

  it('measures UTF-8 bytes like Buffer does', () => {
    for (const s of ['abc', 'Überprüfung', 'مرحبا', '👩‍👩‍👧‍👦', 'lone \uD800 x', '\uDC00']) {
      expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'));
    }
  });
});
