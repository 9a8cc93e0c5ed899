import { defaultSchema } from '@atlaskit/adf-schema/schema-default';
import { analyseGaps } from '../../../src/domain/gap';
import { ELLIPSIS, REPORT_DEFAULTS, buildGapReportAdf, splitReportByGroup } from '../../../src/domain/report';
import { aClauseRecord, aGapInput, anEvidence, gapOptions } from '../../builders/gap.builder';
import { SITE, aReportInput } from '../../builders/report.builder';
import { adfErrors, allNodes, plainText, textNodes } from './validate-adf';

const HTML = '<script>alert(1)</script><b onmouseover="x()">bold</b>';
const ADF_JSON = '{"type":"mention","attrs":{"id":"all","text":"@all"}}';
const MARKDOWN = '[click](javascript:alert(1)) **bold** ![x](http://evil/x.png)';
const EMOJI = 'Family 👩‍👩‍👧‍👦 flag 🏳️‍🌈 done ✅';
const RTL = 'مرحبا بالعالم — שלום עולם';
const LONG = 'A'.repeat(100_000);
const LONG_EMOJI = '👩‍👩‍👧‍👦'.repeat(500);
const CONTROL = 'line\u0000one\u0007\nline two\r\n\tend';
const LONE_SURROGATE = 'broken \uD800 pair';

const HOSTILE = [HTML, ADF_JSON, MARKDOWN, EMOJI, RTL, LONG, LONG_EMOJI, CONTROL, LONE_SURROGATE];
const SHORT_HOSTILE = [HTML, ADF_JSON, MARKDOWN, EMOJI, RTL];

const ALLOWED_TYPES = new Set([
  'doc', 'heading', 'paragraph', 'text', 'panel', 'bulletList', 'listItem', 'table', 'tableRow', 'tableHeader', 'tableCell',
  'status', 'inlineCard', 'expand',
]);

function hostileInput() {
  const gaps = analyseGaps(
    aGapInput({
      records: [aClauseRecord({ note: HTML, setBy: ADF_JSON }), aClauseRecord({ clauseId: '4.1', result: 'nonconformant', note: LONG })],
      evidence: [
        ...HOSTILE.map((summary, i) => anEvidence({ issueKey: `SMS-${i + 1}`, summary })),
        anEvidence({ issueKey: 'SMS-1"><img src=x onerror=alert(1)>', summary: 'bad key' }),
        anEvidence({ issueKey: 'javascript:alert(1)', summary: 'bad key 2', clauses: ['4.1'] }),
      ],
    }),
    gapOptions(),
  );
  return aReportInput({
    projectName: `${HTML} ${RTL}`,
    title: ADF_JSON,
    scopeStatement: `${MARKDOWN}\n\n${EMOJI}\n\n${RTL}\n\n${LONG}`,
    scopeVersion: HTML,
    gaps,
    maturity: [{ unitId: 'u1', unitName: EMOJI, current: 1, target: 3 }],
    phases: [{ name: RTL, epicKey: 'javascript:alert(1)', done: 1, inProgress: 1, toDo: 1 }],
    challenges: [{ challengeId: 'x', title: HTML, status: 'open', note: LONG_EMOJI }],
  });
}

describe('gap report with hostile content', () => {
  const input = hostileInput();
  const report = buildGapReportAdf(input);
  const texts = textNodes(report);

  it('is valid ADF', () => {
    expect(adfErrors(report)).toEqual([]);
    const split = splitReportByGroup(input);
    for (const d of [split.overview, ...split.groups.map((g) => g.doc)]) expect(adfErrors(d)).toEqual([]);
  });

  it('loads into the ADF ProseMirror schema with the hostile strings as plain text', () => {
    const node = defaultSchema.nodeFromJSON(report);
    expect(() => node.check()).not.toThrow();
    expect(node.textContent).toContain(HTML);
    expect(node.textContent).toContain(ADF_JSON);
  });

  it('uses only the node types the report builds itself', () => {
    const types = new Set(allNodes(report).map((n) => n.type));
    for (const type of types) expect(ALLOWED_TYPES.has(type)).toBe(true);
    expect(types.has('mention')).toBe(false);
  });

  it('carries HTML, ADF-like JSON, markdown, emoji and right-to-left text verbatim inside text nodes', () => {
    for (const s of SHORT_HOSTILE) expect(texts.some((n) => n.text?.includes(s))).toBe(true);
    expect(texts.some((n) => n.text === RTL)).toBe(true);
  });

  it('never puts marks on user strings: only its own labels are bold or linked', () => {
    const marked = texts.filter((n) => n.marks && n.marks.length > 0);
    for (const n of marked) for (const s of SHORT_HOSTILE) expect(n.text).not.toContain(s);
    for (const n of marked) expect(n.text).toMatch(/^(Readiness \d|\d+ .*: \d|and \d+ more|\d+(\.\d+)? %$|(Improved|Regressed|Other changes|Evidence added|Evidence gone stale) \(\d+\)$|Not assessed yet, with no evidence)/);
  });

  it('links only to the Jira site and only for well-formed issue keys', () => {
    const urls = allNodes(report).filter((n) => n.type === 'inlineCard').map((n) => String(n.attrs?.url));
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u).toMatch(new RegExp(`^${SITE}/browse/[A-Z][A-Z0-9_]*-\\d+$`));
    expect(plainText(report)).toContain('SMS-1"><img src=x onerror=alert(1)>');
    expect(urls.some((u) => u.includes('javascript'))).toBe(false);
  });

  it('truncates very long text with an ellipsis at the cap, keeping emoji whole', () => {
    const longTexts = texts.filter((n) => (n.text ?? '').includes('AAAA'));
    expect(longTexts.length).toBeGreaterThan(0);
    for (const n of longTexts) {
      expect(n.text?.endsWith(ELLIPSIS)).toBe(true);
      expect((n.text ?? '').length).toBeLessThanOrEqual(REPORT_DEFAULTS.maxScopeLength);
    }
    const emojiRuns = texts.map((n) => n.text ?? '').filter((s) => s.includes('👩‍👩‍👧‍👦👩‍👩‍👧‍👦'));
    expect(emojiRuns.length).toBeGreaterThan(0);
    for (const s of emojiRuns) {
      expect(s.length).toBeLessThanOrEqual(REPORT_DEFAULTS.maxTextLength + 40);
      expect(s.replace(/👩‍👩‍👧‍👦/g, '').replace(/^.*?(\d+ d · )/, '').replace(ELLIPSIS, '')).toBe('');
    }
  });

  it('removes control characters and mends lone surrogates', () => {
    const all = texts.map((n) => n.text ?? '').join('');
    expect(all).not.toMatch(/[\u0000-\u001F\u007F]/);
    expect(all).toContain('lineone line two end');
    expect(all).toContain('broken \uFFFD pair');
    expect(all).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('keeps text nodes non-empty', () => {
    for (const n of texts) expect((n.text ?? '').length).toBeGreaterThan(0);
  });
});
