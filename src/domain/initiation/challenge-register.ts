/**
 * The challenge register: each implementation challenge of TS 20000-5 clause 6 (Table 2) treated as a risk
 * with likelihood and impact (1–5), an owner, a status, and the challenge's key considerations as a checklist
 * of mitigations. It feeds the gap report's risk section through toReportChallengeRows.
 */
import { z } from 'zod';
import { type ClauseId } from '../catalogue/catalogue';
import { CHALLENGES, type ChallengeId } from '../challenges';
import { CHALLENGE_STATUSES, type ChallengeRegisterRow } from '../report/report-input';

const CHALLENGE_IDS = CHALLENGES.map((c) => c.id) as [ChallengeId, ...ChallengeId[]];
export const challengeIdSchema = z.enum(CHALLENGE_IDS);

const rating = z.number().int().min(1).max(5);

export const challengeRiskSchema = z.object({
  challengeId: challengeIdSchema,
  likelihood: rating,
  impact: rating,
  /** accountId or a name; null = nobody yet. */
  owner: z.string().trim().max(128).nullable(),
  status: z.enum(CHALLENGE_STATUSES),
  /** Consideration id -> ticked (the mitigation is in place). Unknown ids are refused by the register schema. */
  mitigations: z.record(z.string().min(1).max(120), z.boolean()),
  note: z.string().max(2000),
});
export type ChallengeRisk = z.infer<typeof challengeRiskSchema>;

export const challengeRegisterSchema = z.array(challengeRiskSchema).max(CHALLENGES.length).superRefine((rows, ctx) => {
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (seen.has(r.challengeId)) ctx.addIssue({ code: 'custom', path: [i, 'challengeId'], message: `Challenge ${r.challengeId} appears twice.` });
    seen.add(r.challengeId);
    const known = new Set(CHALLENGES.find((c) => c.id === r.challengeId)?.considerations.map((c) => c.id) ?? []);
    for (const key of Object.keys(r.mitigations)) {
      if (!known.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'mitigations', key], message: `${key} is not a consideration of ${r.challengeId}.` });
    }
  });
});
export type ChallengeRegister = z.infer<typeof challengeRegisterSchema>;

/** Every known challenge open, likelihood and impact 3, nothing ticked. */
export function defaultChallengeRegister(): ChallengeRegister {
  return CHALLENGES.map((c) => ({ challengeId: c.id, likelihood: 3, impact: 3, owner: null, status: 'open', mitigations: {}, note: '' }));
}

/** The stored register with a row for every known challenge (missing ones filled with defaults), in table order. */
export function completeRegister(rows: ChallengeRegister): ChallengeRegister {
  const byId = new Map(rows.map((r) => [r.challengeId, r]));
  return defaultChallengeRegister().map((d) => byId.get(d.challengeId) ?? d);
}

/** likelihood × impact, 1..25. */
export const riskScore = (r: Pick<ChallengeRisk, 'likelihood' | 'impact'>): number => r.likelihood * r.impact;

export type RiskBand = 'low' | 'medium' | 'high';
export function riskBand(score: number): RiskBand {
  return score >= 15 ? 'high' : score >= 8 ? 'medium' : 'low';
}

export function mitigationProgress(r: ChallengeRisk): { done: number; total: number } {
  const considerations = CHALLENGES.find((c) => c.id === r.challengeId)?.considerations ?? [];
  return { done: considerations.filter((c) => r.mitigations[c.id] === true).length, total: considerations.length };
}

export function relatedClausesOf(challengeId: ChallengeId): readonly ClauseId[] {
  return CHALLENGES.find((c) => c.id === challengeId)?.relatedClauses ?? [];
}

/** The account ids of the register's owners (stored as account ids), for a display-name lookup. */
export const challengeOwnerIds = (register: ChallengeRegister): string[] =>
  completeRegister(register).flatMap((r) => (r.owner !== null && r.owner !== '' ? [r.owner] : []));

/**
 * Rows for the gap report (GapReportInput.challenges): status, and a note with score, owner and mitigations.
 * `names` maps owner account ids to display names (looked up by the caller); an id it lacks is shown as stored.
 */
export function toReportChallengeRows(register: ChallengeRegister, names: Readonly<Record<string, string>> = {}): ChallengeRegisterRow[] {
  return completeRegister(register).map((r) => {
    const c = CHALLENGES.find((x) => x.id === r.challengeId);
    const score = riskScore(r);
    const m = mitigationProgress(r);
    const parts = [
      `Risk ${score}/25 (${riskBand(score)}: likelihood ${r.likelihood}, impact ${r.impact})`,
      `owner ${r.owner === null || r.owner === '' ? 'not assigned' : (names[r.owner] ?? r.owner)}`,
      `${m.done} of ${m.total} mitigations in place`,
    ];
    const note = r.note.trim() === '' ? parts.join('; ') : `${parts.join('; ')}. ${r.note.trim()}`;
    return {
      challengeId: r.challengeId,
      ...(c !== undefined ? { title: c.title } : {}),
      status: r.status,
      note,
      relatedClauses: [...relatedClausesOf(r.challengeId)],
    };
  });
}
