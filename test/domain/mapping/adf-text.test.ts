import { adfToPlainText } from '../../../src/domain/mapping/adf-text';

const doc = (...content: unknown[]): unknown => ({ type: 'doc', version: 1, content });
const p = (...content: unknown[]): unknown => ({ type: 'paragraph', content });
const text = (t: string): unknown => ({ type: 'text', text: t });

describe('adfToPlainText', () => {
  it('joins text, puts blocks on their own lines and keeps mentions, emoji, status and card URLs', () => {
    const adf = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('Outage')] },
      p(text('Hi '), { type: 'mention', attrs: { id: '557058:x', text: '@Zoë' } }, text(', see '),
        { type: 'inlineCard', attrs: { url: 'https://status.example.com/42' } }),
      { type: 'bulletList', content: [
        { type: 'listItem', content: [p(text('one'), { type: 'emoji', attrs: { shortName: ':fire:', text: '🔥' } })] },
        { type: 'listItem', content: [p({ type: 'status', attrs: { text: 'BLOCKED' } })] },
      ] },
      { type: 'codeBlock', attrs: { language: 'sh' }, content: [text('systemctl restart nginx')] },
      { type: 'blockCard', attrs: { url: 'https://wiki.example.com/runbook' } },
    );
    expect(adfToPlainText(adf)).toBe(
      'Outage\nHi @Zoë, see https://status.example.com/42\none🔥\nBLOCKED\nsystemctl restart nginx\nhttps://wiki.example.com/runbook',
    );
  });

  it('renders hard breaks as new lines and a mention without text by its id', () => {
    const adf = doc(p(text('a'), { type: 'hardBreak' }, text('b'), { type: 'mention', attrs: { id: 'u1' } }));
    expect(adfToPlainText(adf)).toBe('a\nb@u1');
  });

  it('skips junk instead of throwing', () => {
    expect(adfToPlainText(null)).toBe('');
    expect(adfToPlainText(42)).toBe('');
    expect(adfToPlainText([text('x')])).toBe('');
    expect(adfToPlainText('already plain')).toBe('already plain');
    const messy = doc(null, 7, 'str', [text('nested array')], p(text('kept'), { type: 'text', text: 5 }, { content: 'nope' }),
      { type: 'mention', attrs: 'bad' }, { type: 'inlineCard' }, { type: 'date', attrs: { timestamp: 'x' } });
    expect(adfToPlainText(messy)).toBe('kept');
  });

  it('walks very deep nesting without a stack overflow', () => {
    let node: unknown = text('bottom');
    for (let i = 0; i < 20_000; i += 1) node = { type: 'blockquote', content: [node] };
    expect(adfToPlainText(doc(node))).toBe('bottom');
  });

  it('caps the output length', () => {
    const adf = doc(...Array.from({ length: 100 }, () => p(text('0123456789'))));
    expect(adfToPlainText(adf, 25)).toHaveLength(25);
    expect(adfToPlainText(adf).length).toBeLessThanOrEqual(20_000);
    expect(adfToPlainText(adf, 0)).toBe('');
  });

  it('formats dates as ISO days', () => {
    expect(adfToPlainText(doc(p(text('due '), { type: 'date', attrs: { timestamp: '1735689600000' } })))).toBe('due 2025-01-01');
  });
});
