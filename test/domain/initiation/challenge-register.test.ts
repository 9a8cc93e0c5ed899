import { CHALLENGES } from '../../../src/domain/challenges';
import {
  challengeRegisterSchema,
  completeRegister,
  defaultChallengeRegister,
  mitigationProgress,
  riskBand,
  riskScore,
  toReportChallengeRows,
  challengeOwnerIds,
} from '../../../src/domain/initiation';
import { analyseGaps } from '../../../src/domain/gap';
import { buildGapReportAdf } from '../../../src/domain/report';

describe('challenge register', () => {
  it('starts with every known challenge open at 3 x 3', () => {
    const reg = defaultChallengeRegister();
    expect(reg.map((r) => r.challengeId)).toEqual(CHALLENGES.map((c) => c.id));
    expect(reg.every((r) => r.status === 'open' && riskScore(r) === 9)).toBe(true);
  });

  it('bands scores into low, medium and high', () => {
    expect([riskBand(4), riskBand(8), riskBand(15), riskBand(25)]).toEqual(['low', 'medium', 'high', 'high']);
  });

  it('counts ticked mitigations among the challenge considerations', () => {
    const c = CHALLENGES[0]!;
    const row = { ...defaultChallengeRegister()[0]!, mitigations: { [c.considerations[0]!.id]: true, [c.considerations[1]!.id]: false } };
    expect(mitigationProgress(row)).toEqual({ done: 1, total: c.considerations.length });
  });

  it('refuses a mitigation that is not a consideration of that challenge, and duplicate rows', () => {
    const reg = defaultChallengeRegister();
    const bad = [{ ...reg[0]!, mitigations: { 'fading-drivers/plan-maintained': true } }];
    expect(challengeRegisterSchema.safeParse(bad).success).toBe(false);
    expect(challengeRegisterSchema.safeParse([reg[0], reg[0]]).success).toBe(false);
    expect(challengeRegisterSchema.safeParse([{ ...reg[0]!, likelihood: 6 }]).success).toBe(false);
  });

  it('fills in missing rows in table order', () => {
    const only = [{ ...defaultChallengeRegister()[3]!, status: 'resolved' as const }];
    const full = completeRegister(only);
    expect(full).toHaveLength(4);
    expect(full[3]?.status).toBe('resolved');
  });

  it('feeds the gap report: resolved rows drop out, the others carry score, owner and related clauses', () => {
    const reg = defaultChallengeRegister().map((r, i) =>
      i === 0 ? { ...r, likelihood: 5, impact: 4, owner: 'Pat', note: 'Board meets in May' } : i === 1 ? { ...r, status: 'resolved' as const } : r,
    );
    const rows = toReportChallengeRows(reg);
    expect(rows[0]).toMatchObject({ challengeId: CHALLENGES[0]!.id, status: 'open', relatedClauses: [...CHALLENGES[0]!.relatedClauses] });
    expect(rows[0]?.note).toContain('Risk 20/25 (high');
    expect(rows[0]?.note).toContain('owner Pat');
    expect(rows[0]?.note).toContain('Board meets in May');
    const adf = JSON.stringify(
      buildGapReportAdf({
        siteBaseUrl: 'https://example.atlassian.net',
        projectKey: 'SMS',
        projectName: 'SMS',
        generatedAt: '2026-03-01T00:00:00Z',
        scopeStatement: 'x',
        gaps: analyseGaps({ records: [], evidence: [] }, { now: new Date('2026-03-01T00:00:00Z'), maxEvidenceAgeDays: 180 }),
        maturity: [],
        phases: [],
        challenges: rows,
      }),
    );
    expect(adf).toContain('Board meets in May');
    expect(adf).not.toContain(CHALLENGES[1]!.title);
  });

  it('names each owner by the display name it is given (owners are stored as account ids), and keeps an unknown id', () => {
    const reg = defaultChallengeRegister().map((r, i) => (i === 0 ? { ...r, owner: '557058:pat' } : i === 2 ? { ...r, owner: '557058:gone' } : r));
    expect(challengeOwnerIds(reg)).toEqual(['557058:pat', '557058:gone']);
    const rows = toReportChallengeRows(reg, { '557058:pat': 'Pat Project-Admin' });
    expect(rows[0]?.note).toContain('owner Pat Project-Admin;');
    expect(rows[0]?.note).not.toContain('557058:pat');
    expect(rows[1]?.note).toContain('owner not assigned;');
    expect(rows[2]?.note).toContain('owner 557058:gone;');
  });
});
