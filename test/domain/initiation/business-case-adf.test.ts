import {
  BUSINESS_CASE_ELEMENTS,
  BUSINESS_CASE_ELEMENT_IDS,
  type Initiation,
  approveBusinessCase,
  businessCaseAdf,
  businessCasePageTitle,
  emptyInitiation,
} from '../../../src/domain/initiation';
import { adfErrors, allNodes, plainText } from '../report/validate-adf';

const HOSTILE = '<script>alert(1)</script> **bold** {"type":"mention"} \u0000 \u202Eevil';

function filled(): Initiation {
  const ini = emptyInitiation();
  const elements = Object.fromEntries(BUSINESS_CASE_ELEMENT_IDS.map((id) => [id, `Our text for ${id}.`]));
  return {
    ...ini,
    businessCase: approveBusinessCase({ elements, sponsor: null, approval: null }, '557058:sponsor', '2026-03-01T10:00:00.000Z'),
    baselineFindings: { workload: 'About 400 incidents a month.' },
    kpis: [
      {
        id: 'mttr',
        name: 'Time to restore',
        unit: 'hours',
        direction: 'lower',
        baseline: 40,
        target: 8,
        source: { kind: 'jqlMedianDuration', jql: 'issuetype = Incident', from: 'created', to: 'resolutiondate', durationUnit: 'hours' },
        measurements: [{ at: '2026-03-01T00:00:00Z', value: 24, note: '' }],
      },
    ],
    targetState: { kind: 'multi-phase', description: 'Certified in a year.', objectives: [{ id: 'fast', text: 'Restore faster', csfs: ['On-call'], kpiIds: ['mttr'], phaseIds: ['p1'] }] },
    planChecklist: { budget: { done: true, note: 'Agreed with finance' } },
  };
}

describe('businessCaseAdf', () => {
  it('is a valid ADF document with every section, element and the approval', () => {
    const doc = businessCaseAdf({ projectKey: 'SMS', projectName: 'Service Management', generatedAt: '2026-03-02T00:00:00Z', initiation: filled(), plan: { phases: [{ id: 'p1', name: 'Phase one' }] } });
    expect(adfErrors(doc)).toEqual([]);
    const text = plainText(doc);
    for (const el of BUSINESS_CASE_ELEMENTS) expect(text).toContain(`${el.letter}) ${el.label}`);
    expect(text).toContain('[Approved] by 557058:sponsor on 1 March 2026');
    expect(text).toContain('Management support (maturity Level I): obtained');
    expect(text).toContain('About 400 incidents a month.');
    expect(text).toContain('Time to restore');
    expect(text).toContain('[50% of the way]');
    expect(text).toContain('Median hours from Created to Resolved of: issuetype = Incident');
    expect(text).toContain('[Every phase serves an objective]');
    expect(text).toContain('Agreed with finance');
    expect(text).toContain('Challenge register');
  });

  it('shows an empty initiation honestly and stays valid', () => {
    const doc = businessCaseAdf({ projectKey: 'SMS', projectName: 'S', generatedAt: '2026-03-02T00:00:00Z', initiation: emptyInitiation() });
    expect(adfErrors(doc)).toEqual([]);
    const text = plainText(doc);
    expect(text).toContain('[Not approved]');
    expect(text).toContain('Not written yet.');
    expect(text).toContain('No KPIs defined yet.');
    expect(text).toContain('There is no phase plan yet');
  });

  it('carries hostile user text as plain text nodes only', () => {
    const ini = filled();
    ini.businessCase = { ...ini.businessCase, elements: { ...ini.businessCase.elements, drivers: HOSTILE } };
    ini.kpis = [{ ...ini.kpis[0]!, name: HOSTILE }];
    const doc = businessCaseAdf({ projectKey: 'SMS', projectName: HOSTILE, generatedAt: '2026-03-02T00:00:00Z', initiation: ini });
    expect(adfErrors(doc)).toEqual([]);
    const types = new Set(allNodes(doc).map((n) => n.type));
    expect(types.has('mention')).toBe(false);
    expect(plainText(doc)).toContain('<script>alert(1)</script> **bold**');
    expect(plainText(doc)).not.toContain('\u0000');
  });

  it('names the page after the project', () => {
    expect(businessCasePageTitle('Service Management', 'SMS')).toBe('Business case: Service Management');
    expect(businessCasePageTitle('  ', 'SMS')).toBe('Business case: SMS');
  });
});
