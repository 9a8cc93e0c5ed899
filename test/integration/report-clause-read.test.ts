import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fastify, { type FastifyInstance } from 'fastify';
import { createEmulator, type Emulator } from '../../sandbox/emulator';
import { createHttpProductApi } from '../../sandbox/http-product-api';
import { MAPPING_PROPERTY_KEY, PLAN_ITEM_PROPERTY_KEY } from '../../src/domain/issue-index';
import type { GapAnalysis } from '../../src/domain/gap';
import { EVIDENCE_CARDS_PER_CLAUSE, GapReportService } from '../../src/services/gap-report.service';
import { InMemoryKvStore } from '../../src/storage/in-memory-kv-store';
import { buildServices } from '../../src/wiring';
import type { AppServices } from '../../src/app-services';

// The published report's clause-by-clause read (GapReportService.collectForReport, used past FULL_READ_LIMIT
// evidence issues) against the emulated Jira: it must give the same results and readiness as reading every
// mapped issue, with only the "how many" figures beyond each clause's newest page taken from approximate counts.
jest.setTimeout(120_000);

let dir: string;
let emulator: Emulator;
let server: FastifyInstance;
let services: AppServices;
let projectId: string;
let full: GapAnalysis;
let byClause: GapAnalysis;
let jiraCallsByClause: number;

interface Hit {
  id: string;
  key: string;
  fields: { status: { statusCategory: { key: string } }; updated: string };
}

const search = (jql: string): Hit[] => emulator.searchJql({ jql, fields: ['status', 'updated'], maxResults: 100 }, 'app').issues as Hit[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'clause-read-'));
  emulator = await createEmulator({ dataDir: dir, reset: true });
  server = fastify({ logger: false });
  await emulator.register(server);
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  // 400 issues; the generator maps a fifth of them to 8.6.1, 8.6.2 or 8.5.1 (over 10 each: more than one page of cards).
  const info = emulator.seedLargeProject(400, { key: 'CLR' });
  projectId = info.projectId;
  services = buildServices({ api: createHttpProductApi(url, () => undefined), store: new InMemoryKvStore(), queue: { push: async () => 'q' }, log: () => undefined });
  const jira = services.jira;

  const unmapped = search(`project = CLR AND smsClause IS EMPTY ORDER BY key ASC`);
  const done = unmapped.filter((i) => i.fields.status.statusCategory.key === 'done');
  const open = unmapped.filter((i) => i.fields.status.statusCategory.key !== 'done');
  // 4.1: 12 done issues, so the newest page is all done and whether one is stale takes an existence search.
  await jira.bulkSetIssuePropertyByList(done.slice(0, 12).map((i) => i.id), { [MAPPING_PROPERTY_KEY]: { clauses: ['4.1'], kinds: ['record'], phases: [] } }, { as: 'app' });
  // The heading 5.2 (so 5.2.1 and 5.2.2): 12 open issues, so whether one is done takes an existence search (none is).
  await jira.bulkSetIssuePropertyByList(open.slice(0, 12).map((i) => i.id), { [MAPPING_PROPERTY_KEY]: { clauses: ['5.2'], kinds: ['record'], phases: [] } }, { as: 'app' });
  // A finding and a plan item among the 8.6.1 issues: neither may count as evidence.
  const mapped861 = search(`project = CLR AND smsClause = "8.6.1" ORDER BY key ASC`);
  const openOne = mapped861.find((i) => i.fields.status.statusCategory.key !== 'done');
  await jira.editIssue(openOne?.key as string, { fields: { labels: ['sms-minor-nc'] } }, { as: 'app' });
  await jira.setIssueProperty(mapped861.find((i) => i !== openOne)?.key as string, PLAN_ITEM_PROPERTY_KEY, { planId: 'plan-1', phaseId: 'p1', subsetId: 's1', role: 'item', clauseId: '8.6.1' }, { as: 'app' });

  const gaps = services.gapReport;
  full = gaps.analyse(await gaps.collect(projectId, { as: 'app' }));
  const clauseWise = new GapReportService(
    { jira, clauseRecords: services.clauseRecords, scopes: services.scopes, assessments: services.assessments, plans: services.plans, initiationRecords: services.initiationRecords, now: () => new Date() },
    { fullReadLimit: 0 },
  );
  const data = await clauseWise.collectForReport(projectId, { as: 'app' });
  jiraCallsByClause = data.jiraCalls ?? 0;
  byClause = clauseWise.analyse(data);
});

afterAll(async () => {
  await server.close();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the report read clause by clause', () => {
  it('proposes the same result for every clause as the full read, so readiness is exact', () => {
    expect(byClause.clauses.map((c) => [c.clauseId, c.result, c.ruleId])).toEqual(full.clauses.map((c) => [c.clauseId, c.result, c.ruleId]));
    expect(byClause.readiness).toEqual(full.readiness);
    const result = (a: GapAnalysis, id: string): string | undefined => a.clauses.find((c) => c.clauseId === id)?.result;
    expect(result(full, '5.2.1')).toBe('nonconformant');
    expect(result(full, '5.2.2')).toBe('nonconformant');
    expect(['conformant', 'partially_conformant']).toContain(result(full, '4.1'));
  });

  it('lists the newest evidence of a clause and gives the rest as approximate counts, labelled as such', () => {
    for (const c of full.clauses.filter((x) => x.evidence.length > EVIDENCE_CARDS_PER_CLAUSE)) {
      const sampled = byClause.clauses.find((x) => x.clauseId === c.clauseId);
      expect(sampled?.evidence.length).toBe(EVIDENCE_CARDS_PER_CLAUSE);
      expect(sampled?.evidenceBeyond).toEqual({ approxTotal: c.evidence.length, approxStale: c.evidence.filter((e) => e.stale).length });
      const newest = [...c.evidence].sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated)).slice(0, EVIDENCE_CARDS_PER_CLAUSE);
      expect(new Set(sampled?.evidence.map((e) => e.issueKey))).toEqual(new Set(newest.map((e) => e.issueKey)));
    }
    expect(byClause.evidenceCount).toBe(full.evidenceCount);
    expect(byClause.evidenceCountApproximate).toBe(true);
    expect(full.evidenceCountApproximate).toBeUndefined();
  });

  it('keeps findings and planned work out of the evidence, as the full read does', () => {
    const c861 = (a: GapAnalysis) => a.clauses.find((c) => c.clauseId === '8.6.1');
    expect(c861(byClause)?.openFindings.map((f) => f.id)).toEqual(c861(full)?.openFindings.map((f) => f.id));
    expect(c861(byClause)?.openFindings).toHaveLength(1);
    expect(c861(byClause)?.plannedWork.map((w) => w.issueKey)).toEqual(c861(full)?.plannedWork.map((w) => w.issueKey));
    expect(c861(byClause)?.plannedWork).toHaveLength(1);
    const excluded = new Set([...(c861(full)?.openFindings.map((f) => f.id) ?? []), ...(c861(full)?.plannedWork.map((w) => w.issueKey) ?? [])]);
    expect(c861(byClause)?.evidence.filter((e) => excluded.has(e.issueKey))).toEqual([]);
  });

  it('reads each assessable clause once, plus counts and existence searches only where the newest page does not settle them', () => {
    const overflowing = byClause.clauses.filter((c) => c.evidenceBeyond !== undefined);
    expect(overflowing.map((c) => c.clauseId)).toEqual(full.clauses.filter((c) => c.evidence.length > EVIDENCE_CARDS_PER_CLAUSE).map((c) => c.clauseId));
    // An existence search only for a fact the listed (newest) evidence leaves open.
    const unsettled = overflowing.reduce(
      (n, c) => n + (c.evidence.some((e) => e.statusCategory === 'done') ? 0 : 1) + (c.evidence.some((e) => e.statusCategory !== 'done' || e.stale) ? 0 : 1),
      0,
    );
    expect(unsettled).toBeGreaterThanOrEqual(2); // 5.2.1 and 5.2.2 list no done issue
    // 1 project count + one page per assessable clause + 2 counts per overflowing clause + the existence searches + plan items + findings
    expect(jiraCallsByClause).toBe(1 + full.clauses.length + 2 * overflowing.length + unsettled + 2);
  });
});
