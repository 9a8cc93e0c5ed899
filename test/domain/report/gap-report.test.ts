import { ValidationError } from '../../../src/domain/errors';
import { analyseGaps } from '../../../src/domain/gap';
import { CHALLENGES } from '../../../src/domain/challenges';
import {
  buildGapReportAdf,
  clauseCountsInWords,
  clauseEvidenceJql,
  estimateAdfBytes,
  maturityGapColor,
  normaliseSiteBaseUrl,
  splitReportByGroup,
} from '../../../src/domain/report';
import { aFinding, aGapInput, anEvidence, daysAgo, gapOptions } from '../../builders/gap.builder';
import { SITE, aReportInput } from '../../builders/report.builder';
import { adfErrors, allNodes, plainText } from './validate-adf';

type Node = ReturnType<typeof allNodes>[number];

/** The table rows whose first cell reads `clauseId`. */
function clauseRow(document: unknown, clauseId: string): Node {
  const row = allNodes(document).find((n) => n.type === 'tableRow' && plainText(n.content?.[0]) === clauseId);
  if (!row) throw new Error(`no row for ${clauseId}`);
  return row;
}

function statuses(node: unknown): { text: unknown; color: unknown }[] {
  return allNodes(node)
    .filter((n) => n.type === 'status')
    .map((n) => ({ text: n.attrs?.text, color: n.attrs?.color }));
}

describe('buildGapReportAdf', () => {
  const input = aReportInput();
  const report = buildGapReportAdf(input);
  const textOf = plainText(report);

  it('produces valid ADF', () => {
    expect(adfErrors(report)).toEqual([]);
    expect(report).toMatchObject({ type: 'doc', version: 1 });
  });

  it('opens with the summary and never repeats the page title as a heading', () => {
    const [first] = report.content;
    expect(first).toMatchObject({ type: 'heading', attrs: { level: 2 } });
    expect(plainText(first)).toBe('Summary');
    expect(allNodes(report).filter((n) => n.type === 'heading' && n.attrs?.level === 1)).toEqual([]);
    // When and against what: read just under "Clause by clause", before the tables (not as a line of the maturity section).
    const clauseByClause = report.content.findIndex((n) => n.type === 'heading' && plainText(n) === 'Clause by clause');
    expect(plainText(report.content[clauseByClause + 1])).toMatch(/^Generated 26 November 2026, 12:00 UTC for project SMS/);
  });

  it('places the readiness macro first when one is given, as a Forge extension node', () => {
    const macro = { appId: 'app-1', environmentId: 'env-1', environmentType: 'DEVELOPMENT', projectId: '10000', projectKey: 'SMS' };
    const withMacro = buildGapReportAdf(aReportInput({ macro }));
    expect(adfErrors(withMacro)).toEqual([]);
    expect(withMacro.content[0]).toMatchObject({
      type: 'extension',
      attrs: {
        extensionType: 'com.atlassian.ecosystem',
        extensionKey: 'app-1/env-1/static/sms-readiness',
        parameters: { extensionId: 'ari:cloud:ecosystem::extension/app-1/env-1/static/sms-readiness', guestParams: { projectId: '10000', projectKey: 'SMS' } },
      },
    });
    expect(JSON.stringify(buildGapReportAdf(aReportInput({ macro })))).toBe(JSON.stringify(withMacro));
  });

  it('uses no internal codes or arrows anywhere in the text', () => {
    expect(textOf).not.toMatch(/not_assessed|partially_conformant|not_applicable|major_nc|minor_nc|→/);
  });

  it('puts overall and per-group readiness in a summary panel', () => {
    const summary = report.content.find((n) => n.type === 'panel');
    const overall = input.gaps.readiness.overall;
    expect(plainText(summary)).toContain(`Readiness ${overall.percent} %`);
    expect(plainText(summary)).toMatch(/1 marked not applicable, which blocks a conformity claim/);
    expect(plainText(summary)).not.toContain('×');
    const groupTable = report.content.find((n) => n.type === 'table');
    for (const g of input.gaps.readiness.byGroup) expect(plainText(groupTable)).toContain(`${g.groupId} ${g.title}${g.figures.percent} %`);
  });

  it('shows the scope statement with its version, one paragraph per block of text', () => {
    expect(textOf).toContain('Scope of the service management system (version 3)');
    const paragraphs = allNodes(report).filter((n) => n.type === 'paragraph').map(plainText);
    expect(paragraphs).toContain('The SMS covers the payroll and HR services delivered from the Lisbon data centre.');
    expect(paragraphs).toContain('It includes the service desk.');
  });

  it('colours maturity lozenges by the gap to target', () => {
    const rows = allNodes(report).filter((n) => n.type === 'tableRow' && /^(Service design|Resolution|Relationship)/.test(plainText(n.content?.[0])));
    expect(rows.map((r) => statuses(r))).toEqual([
      [{ text: 'Level I', color: 'yellow' }, { text: 'Level II', color: 'blue' }],
      [{ text: 'Level II', color: 'green' }, { text: 'Level II', color: 'blue' }],
      [{ text: 'Not yet Level I', color: 'red' }, { text: 'Level III', color: 'blue' }],
    ]);
    expect(maturityGapColor(3, 2)).toBe('green');
  });

  it('lists each clause with its result lozenge, evidence cards and warnings', () => {
    const row = clauseRow(report, '8.5.1.1');
    expect(statuses(row.content?.[2])).toEqual([{ text: 'Conformant', color: 'green' }]);
    expect(plainText(row.content?.[2])).toContain('Set by 557058:sandbox-project-admin on 24 November 2026');
    expect(plainText(row.content?.[3])).toContain(`<${SITE}/browse/SMS-1> [Done] 10 d · Change management procedure approved`);
    expect(plainText(row.content?.[6])).toMatch(/open nonconformity/);
    expect(plainText(row.content?.[6])).toMatch(/below its target of level 2/);

    const stale = clauseRow(report, '4.3');
    expect(plainText(stale.content?.[3])).toContain('400 d (stale)');
    expect(() => clauseRow(report, '9.1')).toThrow('no row for 9.1');
    const folded = allNodes(report).find((n) => n.type === 'paragraph' && plainText(n).startsWith('Not assessed yet') && plainText(n).includes('9.1 '));
    expect(plainText(folded)).toContain('9.1 Monitoring, measurement, analysis and evaluation');
  });

  it('lists the open audit findings of a clause with a grade lozenge and a card for issue keys, most severe first', () => {
    const doc = buildGapReportAdf(
      aReportInput(
        {},
        aGapInput({
          records: [],
          evidence: [],
          findings: [
            aFinding({ id: 'SMS-12', grade: 'observation', clauseId: '8.7.1', summary: 'Reports reach customers late' }),
            aFinding({ id: 'SMS-11', grade: 'major_nc', clauseId: '8.7.1', summary: 'Availability not measured' }),
            aFinding({ id: 'SMS-13', grade: 'minor_nc', clauseId: '8.7.1', open: false, summary: 'Closed one' }),
          ],
        }),
      ),
    );
    const cellText = plainText(clauseRow(doc, '8.7.1').content?.[5]);
    expect(cellText).toBe(`<${SITE}/browse/SMS-11> [Major nonconformity] Availability not measured<${SITE}/browse/SMS-12> [Observation] Reports reach customers late`);
    expect(statuses(clauseRow(doc, '8.7.1').content?.[5])).toEqual([
      { text: 'Major nonconformity', color: 'red' },
      { text: 'Observation', color: 'blue' },
    ]);
    expect(plainText(clauseRow(doc, '8.7.1').content?.[2])).toContain('Nonconformant');
    expect(() => clauseRow(doc, '8.7.2')).toThrow('no row');
    expect(plainText(doc)).toContain('sms-major-nc');
    expect(adfErrors(doc)).toEqual([]);
  });

  it('has one clause table per top-level clause covering every assessable clause', () => {
    const tables = allNodes(report).filter((n) => n.type === 'table' && plainText(n.content?.[0]) === 'ClauseTitleResultEvidenceImplementation workOpen findingsWarnings');
    const rows = tables.reduce((sum, tbl) => sum + (tbl.content?.length ?? 0) - 1, 0);
    const folded = allNodes(report)
      .filter((n) => n.type === 'paragraph' && plainText(n).startsWith('Not assessed yet'))
      .reduce((sum, n) => sum + Number(/\((\d+)\)/.exec(plainText(n))?.[1] ?? 0), 0);
    expect(rows).toBeGreaterThan(0);
    expect(folded).toBeGreaterThan(0);
    expect(rows + folded).toBe(input.gaps.clauses.length);
  });

  it('shows phase progress with the epic as an inline card', () => {
    const row = allNodes(report).find((n) => n.type === 'tableRow' && plainText(n.content?.[0]) === 'Phase 1: foundations');
    expect(plainText(row)).toBe(`Phase 1: foundations<${SITE}/browse/SMS-100>82172.7 %`);
    expect(textOf).toContain('No issues yet');
  });

  it('lists the four implementation challenges as open risks by default', () => {
    for (const c of CHALLENGES) expect(textOf).toContain(c.title);
    expect(statuses(report).filter((s) => s.text === 'Open')).toHaveLength(4);
  });

  it('lists only unresolved challenges from a given register', () => {
    const doc = buildGapReportAdf(
      aReportInput({
        challenges: [
          { challengeId: 'fading-drivers', status: 'watching', note: 'Sponsor changed in Q3' },
          { challengeId: 'cultural-resistance', status: 'resolved' },
        ],
      }),
    );
    const text = plainText(doc);
    expect(text).toContain('Drivers fade during implementation[Watching]');
    expect(text).toContain('Sponsor changed in Q3');
    expect(text).not.toContain('Resistance to change');
    const allResolved = buildGapReportAdf(aReportInput({ challenges: [{ challengeId: 'fading-drivers', status: 'resolved' }] }));
    expect(plainText(allResolved)).toContain('No open risks');
  });

  it('says which clauses improved and regressed since the last publish', () => {
    const heading = report.content.findIndex((n) => n.type === 'paragraph' && plainText(n).startsWith('Improved'));
    expect(plainText(report.content[heading])).toBe('Improved (2)');
    expect(plainText(report.content[heading + 1])).toBe(
      '4.3 Determining the scope of the service management system: from nonconformant to [Partially conformant]' +
        '8.5.1.1 Change management policy: from partially conformant to [Conformant]',
    );
    expect(plainText(report.content[heading + 2])).toBe('Regressed (1)');
    expect(plainText(report.content[heading + 3])).toContain('8.6.1 Incident management: from conformant to [Not assessed]');
  });

  it('explains the readiness formula with its figures in an expand', () => {
    const exp = report.content.find((n) => n.type === 'expand' && String(n.attrs?.title).startsWith('Readiness formula'));
    const { numerator, denominator } = input.gaps.readiness.overall;
    expect(plainText(exp)).toContain(`Overall: (${input.gaps.readiness.overall.counts.conformant} × 1 + ${input.gaps.readiness.overall.counts.partially_conformant} × 0.5) ÷ ${denominator}`);
    expect(numerator).toBeGreaterThan(0);
    expect(report.content.indexOf(exp as (typeof report.content)[number])).toBeGreaterThan(report.content.findIndex((n) => plainText(n) === 'Clause by clause'));
    expect(plainText(exp)).toContain('Readiness = (1 × conformant');
    expect(plainText(exp)).toContain('A result set by a person always wins');
  });

  it('builds the same document for the same input', () => {
    expect(JSON.stringify(buildGapReportAdf(aReportInput()))).toBe(JSON.stringify(report));
  });
});

describe('buildGapReportAdf for an empty project', () => {
  const empty = buildGapReportAdf(
    aReportInput({ scopeStatement: '  ', scopeVersion: undefined, maturity: [], phases: [], previous: undefined }, aGapInput()),
  );
  const text = plainText(empty);

  it('is valid ADF', () => {
    expect(adfErrors(empty)).toEqual([]);
  });

  it('shows helpful empty states instead of empty sections', () => {
    expect(text).toContain('No evidence is mapped yet');
    expect(text).toContain('The scope statement has not been written yet');
    expect(text).toContain('No maturity assessment is recorded yet');
    expect(text).toContain('No implementation plan yet');
    expect(text).toContain('This is the first publish');
    expect(text).toContain('Readiness 0 %');
    expect(allNodes(empty).filter((n) => n.type === 'inlineCard')).toEqual([]);
  });
});

describe('site URL and links', () => {
  it('normalises the site URL and rejects anything but https (plain http only on a loopback sandbox host)', () => {
    expect(normaliseSiteBaseUrl('https://example.atlassian.net/')).toBe('https://example.atlassian.net');
    expect(normaliseSiteBaseUrl('http://localhost:4000')).toBe('http://localhost:4000');
    for (const bad of ['javascript:alert(1)', 'not a url', 'https://a.net/?x=1', 'ftp://a.net', 'http://evil.example/x', 'http://example.atlassian.net']) {
      expect(() => normaliseSiteBaseUrl(bad)).toThrow(ValidationError);
    }
    expect(() => buildGapReportAdf(aReportInput({ siteBaseUrl: 'javascript:alert(1)' }))).toThrow(ValidationError);
  });

  it('searches the evidence of a clause and the headings above it by the smsClause alias, without planned work or findings', () => {
    expect(clauseEvidenceJql('SMS', '8.5.1.1')).toBe(
      'project = "SMS" AND smsClause in ("8.5.1.1", "8.5.1", "8.5", "8") AND smsPlan IS EMPTY AND (labels IS EMPTY OR labels NOT IN ("sms-major-nc", "sms-minor-nc", "sms-observation", "sms-ofi")) ORDER BY key ASC',
    );
    expect(clauseEvidenceJql('A"B', '4.1')).toContain('project = "A\\"B"');
  });
});

describe('splitReportByGroup', () => {
  const input = aReportInput();
  const split = splitReportByGroup(input);

  it('gives a valid overview and one valid page per top-level clause', () => {
    expect(adfErrors(split.overview)).toEqual([]);
    expect(split.groups.map((g) => g.groupId)).toEqual(['4', '5', '6', '7', '8', '9', '10']);
    for (const g of split.groups) expect(adfErrors(g.doc)).toEqual([]);
    expect(split.groups[0]?.title).toBe('4 Context of the organization');
  });

  it('moves each clause row to its group page and keeps the overview free of clause rows', () => {
    const page8 = split.groups.find((g) => g.groupId === '8');
    expect(() => clauseRow(page8?.doc, '8.5.1.1')).not.toThrow();
    expect(() => clauseRow(page8?.doc, '4.1')).toThrow();
    expect(() => clauseRow(split.overview, '8.5.1.1')).toThrow();
    expect(plainText(split.overview)).toContain('child pages');
    const rowsOnPages = split.groups.reduce((n, g) => n + Math.max(0, allNodes(g.doc).filter((x) => x.type === 'tableRow').length - 1), 0);
    const foldedOnPages = split.groups.reduce(
      (n, g) => n + allNodes(g.doc).filter((x) => x.type === 'paragraph' && plainText(x).startsWith('Not assessed yet')).reduce((m, x) => m + Number(/\((\d+)\)/.exec(plainText(x))?.[1] ?? 0), 0),
      0,
    );
    expect(rowsOnPages + foldedOnPages).toBe(input.gaps.clauses.length);
  });

  it('makes each page smaller than the whole report', () => {
    const whole = estimateAdfBytes(buildGapReportAdf(input));
    for (const g of split.groups) expect(estimateAdfBytes(g.doc)).toBeLessThan(whole);
    expect(estimateAdfBytes(split.overview)).toBeLessThan(whole);
  });
});

describe('estimateAdfBytes', () => {
  it('equals the UTF-8 size of the serialized document', () => {
    const report = buildGapReportAdf(aReportInput({ projectName: 'Überwachung 👩‍💻 خدمة' }));
    expect(estimateAdfBytes(report)).toBe(Buffer.byteLength(JSON.stringify(report), 'utf8'));
  });

  it('grows with the evidence listed', () => {
    const small = buildGapReportAdf(aReportInput({}, aGapInput()));
    const gaps = analyseGaps(aGapInput({ evidence: [{ issueKey: 'SMS-7', summary: 'x', statusCategory: 'done', updated: '2026-11-01T00:00:00Z', kinds: [], clauses: ['4.1'] }] }), gapOptions());
    expect(estimateAdfBytes(buildGapReportAdf(aReportInput({ gaps })))).toBeGreaterThan(estimateAdfBytes(small));
  });
});

describe('count phrases agree with their numbers (0, 1 and 2)', () => {
  const counts = (n: number) => ({ conformant: n, partially_conformant: n, nonconformant: n, not_assessed: n, not_applicable: n });

  it('words the results of the clauses without a verb to agree with', () => {
    expect(clauseCountsInWords(counts(0), 0)).toBe('Of 0 clauses: 0 conformant, 0 partially conformant, 0 not yet conformant and 0 not assessed yet');
    expect(clauseCountsInWords(counts(1), 1)).toBe(
      'Of 1 clause: 1 conformant, 1 partially conformant, 1 not yet conformant and 1 not assessed yet; 1 marked not applicable, which blocks a conformity claim (ISO/IEC 20000-1 allows no exclusions)',
    );
    expect(clauseCountsInWords(counts(2), 2)).toMatch(/^Of 2 clauses: 2 conformant, .*; 2 marked not applicable/);
  });

  /** The report of a project whose clause 8.5.1.1 has `n` evidence issues, added since a previous publish that listed none. */
  function reportWith(n: number): string {
    const evidence = Array.from({ length: n }, (_, i) => anEvidence({ issueKey: `SMS-${i + 1}` }));
    const previous = { takenAt: daysAgo(30), results: {}, evidence: {} };
    return plainText(buildGapReportAdf(aReportInput({ previous }, aGapInput({ evidence }))));
  }

  it.each([
    [0, 'The clauses have 0 issues as evidence.', undefined],
    [1, 'The clauses have 1 issue as evidence.', '8.5.1.1 Change management policy: 1 issue added'],
    [2, 'The clauses have 2 issues as evidence.', '8.5.1.1 Change management policy: 2 issues added'],
  ])('with %i evidence issues the summary and the changes say so in agreeing words', (n, summary, added) => {
    const text = reportWith(n);
    expect(text).toContain(summary);
    if (added !== undefined) expect(text).toContain(added);
    expect(text).not.toMatch(/\b1 (clauses|issues|days|levels|points|warnings)\b|\(s\)|\bare conformant/);
  });

  it('counts clauses, levels and days in agreeing words', () => {
    const text = plainText(buildGapReportAdf(aReportInput()));
    expect(text).toContain('1 level below'); // 8.5: level 1 against a target of 2
    expect(text).toContain('3 levels below'); // 8.3: level 0 against a target of 3
    expect(text).toContain('more than 180 days is flagged as stale');
    const titles = allNodes(buildGapReportAdf(aReportInput())).filter((n) => n.type === 'expand').map((n) => String(n.attrs?.title));
    expect(titles).toContain('1 clause with results, evidence, findings or planned work');
    expect(titles.filter((title) => /^\d+ clauses with/.test(title)).length).toBeGreaterThan(0);
  });
});
