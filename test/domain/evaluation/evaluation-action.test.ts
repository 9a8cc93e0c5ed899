import { EVALUATION_ACTION_LABEL, MAX_ACTION_LINKS, actionIssueDraft, actionLinkTargets, actionSummary, findActionIssue, missingLinks } from '../../../src/domain/evaluation';
import { adfProblems } from '../../../src/services/adf-validation';

const input = {
  phaseId: 'phase-a',
  phaseName: 'Foundation',
  objectiveId: 'phase-a#2',
  objectiveText: 'Every major incident is reviewed within five days.',
  agreed: { verdict: 'not_met' as const, cause: 'No one owned the reviews.\n\nThe template came late.', action: 'Name a review owner per service.' },
  evidenceKeys: ['SMS-12', 'SMS-3', 'SMS-12'],
  epicKeys: ['SMS-200', 'SMS-3'],
};

describe('the agreed action of an objective not fully met', () => {
  it('is drafted as a labelled issue with valid ADF naming the objective, the cause and the action, and the property that names the objective', () => {
    const draft = actionIssueDraft(input);
    expect(draft.summary).toBe('Action · Foundation: Every major incident is reviewed within five days.');
    expect(draft.labels).toEqual([EVALUATION_ACTION_LABEL]);
    expect(draft.property).toEqual({ phaseId: 'phase-a', objectiveId: 'phase-a#2' });
    expect(adfProblems(draft.description)).toEqual([]);
    const texts = JSON.stringify(draft.description);
    for (const t of ['not met', 'No one owned the reviews.', 'The template came late.', 'Name a review owner per service.']) expect(texts).toContain(t);
  });

  it('links to the evidence first, then the epics, without repeats and within the cap', () => {
    expect(actionLinkTargets(input.evidenceKeys, input.epicKeys)).toEqual(['SMS-3', 'SMS-12', 'SMS-200']);
    const many = Array.from({ length: 30 }, (_, i) => `SMS-${i + 1}`);
    expect(actionLinkTargets(many, ['SMS-900'])).toHaveLength(MAX_ACTION_LINKS);
    expect(missingLinks(['SMS-3', 'SMS-12'], ['SMS-12'])).toEqual(['SMS-3']);
  });

  it('keeps a long title within Jira’s summary limit on one line', () => {
    const s = actionSummary('Phase\nOne', 'x'.repeat(400));
    expect(s.length).toBeLessThanOrEqual(255);
    expect(s.startsWith('Action · Phase One: ')).toBe(true);
  });

  it('finds the action already made for the same phase and objective (the oldest), ignoring others and foreign properties', () => {
    const issues = [
      { key: 'SMS-40', property: { phaseId: 'phase-a', objectiveId: 'phase-a#2' } },
      { key: 'SMS-9', property: { phaseId: 'phase-a', objectiveId: 'phase-a#2' } },
      { key: 'SMS-8', property: { phaseId: 'phase-b', objectiveId: 'phase-a#2' } },
      { key: 'SMS-7', property: 'garbage' },
    ];
    expect(findActionIssue(issues, 'phase-a', 'phase-a#2')).toBe('SMS-9');
    expect(findActionIssue(issues, 'phase-a', 'phase-a#1')).toBeNull();
  });
});
