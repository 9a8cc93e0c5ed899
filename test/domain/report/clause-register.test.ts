import { analyseGaps } from '../../../src/domain/gap';
import { REGISTER_COLUMNS, buildEvidenceMatrixAdf, clauseRegister, evidenceText, registerTable, toCsv } from '../../../src/domain/report';
import { aClauseRecord, aFinding, aGapInput, anEvidence, daysAgo, gapOptions } from '../../builders/gap.builder';
import { SITE, aReportInput } from '../../builders/report.builder';
import { adfErrors, allNodes, plainText } from './validate-adf';

const analysis = analyseGaps(
  aGapInput({
    records: [aClauseRecord({ clauseId: '8.5.1.1', result: 'partially_conformant', setByName: 'Ana Lima', note: 'Emergency changes lack review' })],
    evidence: [anEvidence({ issueKey: 'SMS-1', clauses: ['8.5.1.1'] }), anEvidence({ issueKey: 'SMS-3', clauses: ['8.5.1.1'], updated: daysAgo(400), statusCategory: 'indeterminate' })],
    findings: [aFinding({ id: 'SMS-9', grade: 'major_nc', clauseId: '8.5.1.1', summary: 'No CAB minutes' })],
    plannedWork: [{ issueKey: 'SMS-40', summary: 'Write the change policy', statusCategory: 'new', clauses: ['8.5.1.1'] }],
  }),
  gapOptions(),
);

describe('clauseRegister', () => {
  const rows = clauseRegister(analysis);

  it('has one row per assessable clause, results in words, who set it and why', () => {
    expect(rows).toHaveLength(analysis.clauses.length);
    const row = rows.find((r) => r.clauseId === '8.5.1.1');
    expect(row).toMatchObject({ result: 'Partially conformant', setBy: 'Ana Lima on 24 November 2026', why: 'Emergency changes lack review' });
    const proposed = rows.find((r) => r.clauseId === '9.1');
    expect(proposed).toMatchObject({ result: 'Not assessed', setBy: 'Proposed by SMS Navigator' });
    expect(proposed?.why).toMatch(/No Jira issue is mapped/);
  });

  it('lists evidence with status and age, findings and planned work apart', () => {
    const [, row] = registerTable(rows).filter((r) => r[0] === 'Clause' || r[0] === '8.5.1.1');
    expect(row).toEqual([
      '8.5.1.1',
      'Change management policy',
      'Partially conformant',
      'Ana Lima on 24 November 2026',
      'Emergency changes lack review',
      'SMS-1 (Done, 10 days old); SMS-3 (In progress, 400 days old, stale)',
      'SMS-9 (Major nonconformity): No CAB minutes',
      'SMS-40 (Open)',
    ]);
    expect(registerTable(rows)[0]).toEqual([...REGISTER_COLUMNS]);
    expect(JSON.stringify(registerTable(rows))).not.toMatch(/not_assessed|partially_conformant|major_nc|indeterminate/);
  });

  it('caps a cell at the given number of items with "and N more"', () => {
    const [, row] = registerTable(rows, 1).filter((r) => r[0] === 'Clause' || r[0] === '8.5.1.1');
    expect(row?.[5]).toBe('SMS-1 (Done, 10 days old); and 1 more');
  });
});

describe('toCsv', () => {
  it('quotes every cell, doubles quotes, ends lines with CRLF and defuses formulas', () => {
    expect(toCsv([['a', 'b "c"'], ['=SUM(A1)', '-1', '@x', 'plain, text']])).toBe('"a","b ""c"""\r\n"\'=SUM(A1)","\'-1","\'@x","plain, text"\r\n');
  });
});

describe('buildEvidenceMatrixAdf', () => {
  it('is valid ADF with one row per clause and evidence as inline cards', () => {
    const input = aReportInput();
    const doc = buildEvidenceMatrixAdf(input);
    expect(adfErrors(doc)).toEqual([]);
    const rows = allNodes(doc).filter((n) => n.type === 'tableRow');
    expect(rows).toHaveLength(input.gaps.clauses.length + 1);
    expect(allNodes(doc).some((n) => n.type === 'inlineCard')).toBe(true);
    expect(plainText(doc)).not.toMatch(/not_assessed|partially_conformant|→/);
    // Eight columns: the table takes Confluence's full width rather than the fixed page column.
    expect(allNodes(doc).find((n) => n.type === 'table')?.attrs).toMatchObject({ layout: 'full-width' });
  });

  it('adds beside each card only what the card does not show: the age of evidence, the grade of a finding', () => {
    const doc = buildEvidenceMatrixAdf(aReportInput({}, aGapInput({
      evidence: [anEvidence({ issueKey: 'SMS-1', clauses: ['8.5.1.1'], updated: daysAgo(1) })],
      findings: [aFinding({ id: 'SMS-9', grade: 'major_nc', clauseId: '8.5.1.1', summary: 'No CAB minutes' })],
    })));
    const row = allNodes(doc).find((n) => n.type === 'tableRow' && plainText(n.content?.[0]) === '8.5.1.1');
    const [evidence, findings] = [plainText(row?.content?.[5]), plainText(row?.content?.[6])];
    // The card (key, summary and status, rendered by Confluence) stands as its URL in plain text.
    expect(evidence).toBe(`<${SITE}/browse/SMS-1> (1 day old)`);
    expect(findings).toBe(`<${SITE}/browse/SMS-9> Major nonconformity`);
    expect(plainText(row)).not.toContain('No CAB minutes'); // the card shows the summary once
  });
});

describe('evidenceText', () => {
  it.each([
    [0, 'SMS-1 (Done, 0 days old)'],
    [1, 'SMS-1 (Done, 1 day old)'],
    [2, 'SMS-1 (Done, 2 days old)'],
  ])('says the age of %i days in agreeing words', (ageDays, text) => {
    expect(evidenceText({ key: 'SMS-1', summary: 'Policy', status: 'Done', ageDays, stale: false })).toBe(text);
  });
});
