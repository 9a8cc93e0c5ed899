import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import {
  JQL_ALIASES,
  MAPPING_PROPERTY_KEY,
  PLAN_ITEM_PROPERTY_KEY,
  REQUEST_PROPERTY_KEY,
  clauseAndHeadingIds,
  clauseIssuesJql,
  issuesByIdJql,
  mappedIssuesJql,
  planIssuesJql,
  reportIssuesJql,
  unmappedIssuesJql,
} from '../../src/domain/issue-index';

interface EntityProperty {
  key: string;
  entityType: string;
  propertyKey: string;
  values: { path: string; type: string; searchAlias?: string }[];
}

const manifest = YAML.parse(readFileSync(path.join(__dirname, '../../manifest.yml'), 'utf8')) as { modules: { 'jira:entityProperty': EntityProperty[] } };
const indexes = manifest.modules['jira:entityProperty'];
const aliasOf = (propertyKey: string, valuePath: string): string | undefined =>
  indexes.find((i) => i.propertyKey === propertyKey)?.values.find((v) => v.path === valuePath)?.searchAlias;

describe('the issue index (property keys, JQL aliases) matches manifest.yml', () => {
  it('indexes the issue properties the app searches by', () => {
    expect(indexes.map((i) => i.propertyKey).sort()).toEqual([MAPPING_PROPERTY_KEY, PLAN_ITEM_PROPERTY_KEY, REQUEST_PROPERTY_KEY].sort());
    for (const i of indexes) expect(i.entityType).toBe('issue');
  });

  it('declares every alias the app writes into JQL, on the value the app means', () => {
    expect(aliasOf(MAPPING_PROPERTY_KEY, 'clauses')).toBe(JQL_ALIASES.clause);
    expect(aliasOf(MAPPING_PROPERTY_KEY, 'phases')).toBe(JQL_ALIASES.phase);
    expect(aliasOf(MAPPING_PROPERTY_KEY, 'kinds')).toBe(JQL_ALIASES.evidence);
    expect(aliasOf(PLAN_ITEM_PROPERTY_KEY, 'planId')).toBe(JQL_ALIASES.plan);
    expect(aliasOf(PLAN_ITEM_PROPERTY_KEY, 'phaseId')).toBe(JQL_ALIASES.planPhase);
    expect(aliasOf(REQUEST_PROPERTY_KEY, 'id')).toBe(JQL_ALIASES.request);
  });
});

describe('the JQL the app writes', () => {
  it('"mapped to a clause" is the clause or a heading above it, every value escaped', () => {
    expect(clauseAndHeadingIds('8.5.1.1')).toEqual(['8.5.1.1', '8.5.1', '8.5', '8']);
    expect(clauseAndHeadingIds('9')).toEqual(['9']);
    expect(clauseIssuesJql('SMS', '8.6.1')).toBe('project = "SMS" AND smsClause in ("8.6.1", "8.6", "8") ORDER BY key ASC');
    expect(clauseIssuesJql('A"B', '4.1')).toBe('project = "A\\"B" AND smsClause in ("4.1", "4") ORDER BY key ASC');
  });

  it('escapes a value that tries to leave its literal', () => {
    const jql = unmappedIssuesJql('X" OR project = OTHER');
    expect(jql).toBe('project = "X\\" OR project = OTHER" AND smsClause is EMPTY ORDER BY key ASC');
    expect(mappedIssuesJql('SMS')).toBe('project = "SMS" AND smsClause is not EMPTY ORDER BY key ASC');
    expect(issuesByIdJql('SMS', ['1', '2"'])).toBe('project = "SMS" AND id in ("1", "2\\"")');
    expect(planIssuesJql('10000', 'main')).toBe('project = "10000" AND issue.property[sms-navigator-plan-item].planId = "main" ORDER BY key ASC');
    expect(reportIssuesJql('10000')).toBe(
      'project = "10000" AND (smsClause IS NOT EMPTY OR issue.property[sms-navigator-plan-item].role = "epic") ORDER BY key ASC',
    );
  });
});
