import { emptyInitiation } from '../../../src/domain/initiation';
import { businessCaseAdf } from '../../../src/domain/initiation/business-case-adf';
import { buildGapReportAdf } from '../../../src/domain/report';
import { BIDI_CONTROLS, neutraliseBidi, safeLine } from '../../../src/domain/report/safe-text';
import { aGapInput, anEvidence } from '../../builders/gap.builder';
import { aReportInput } from '../../builders/report.builder';
import { adfErrors, allNodes } from './validate-adf';

// Every bidi control the rule names: embeddings/overrides, isolates, LRM/RLM, ALM.
const CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
const DISGUISED = `Access review ${CONTROLS.join('')}done\u202Etxt.exe`;

const carriesBidi = (doc: unknown): string[] =>
  allNodes(doc).flatMap((n) => {
    const values = [n.text, typeof n.attrs?.text === 'string' ? n.attrs.text : undefined].filter((v): v is string => v !== undefined);
    return values.filter((v) => new RegExp(BIDI_CONTROLS.source).test(v));
  });

describe('bidi controls in published text', () => {
  it('neutraliseBidi removes each control and keeps right-to-left letters', () => {
    for (const c of CONTROLS) expect(neutraliseBidi(`a${c}b`)).toBe('ab');
    expect(neutraliseBidi('שלום abc مرحبا')).toBe('שלום abc مرحبا');
    expect(safeLine(`x\u202Ey`, 80, '?')).toBe('xy');
  });

  it('the gap report carries none of them, whatever the issue summaries hold', () => {
    const input = aReportInput({ projectName: `Service${'\u202E'} Management` }, aGapInput({ evidence: [anEvidence({ summary: DISGUISED })] }));
    const doc = buildGapReportAdf(input);
    expect(adfErrors(doc)).toEqual([]);
    expect(carriesBidi(doc)).toEqual([]);
    expect(JSON.stringify(doc)).toContain('Access review donetxt.exe');
  });

  it('the business case page carries none of them', () => {
    const initiation = emptyInitiation();
    const doc = businessCaseAdf({ projectKey: 'SMS', projectName: `S\u202Eevil`, generatedAt: '2026-03-02T00:00:00Z', initiation, people: { a: DISGUISED } });
    expect(carriesBidi(doc)).toEqual([]);
  });
});
