import { ENTITY_PROPERTY_ALIASES, entityPropertyAliasesFrom } from '../../sandbox/emulator/catalog';

describe('entityPropertyAliasesFrom', () => {
  it('takes the JQL aliases of indexed issue properties from the manifest, lower-cased', () => {
    const yaml = [
      'modules:',
      '  jira:entityProperty:',
      '    - key: a',
      '      entityType: issue',
      '      propertyKey: prop-a',
      '      values:',
      '        - { path: x, type: string, searchAlias: fooBar }',
      '        - { path: y, type: string }',
      '    - key: b',
      '      entityType: project',
      '      propertyKey: prop-b',
      '      values:',
      '        - { path: z, type: string, searchAlias: notForIssues }',
    ].join('\n');
    expect(entityPropertyAliasesFrom(yaml)).toEqual({ foobar: { propertyKey: 'prop-a', path: 'x' } });
  });

  it('gives the emulator every alias the app manifest declares, including the plan-item ones', () => {
    expect(ENTITY_PROPERTY_ALIASES).toMatchObject({
      smsclause: { propertyKey: 'sms-navigator-mapping', path: 'clauses' },
      smsplan: { propertyKey: 'sms-navigator-plan-item', path: 'planId' },
    });
  });
});
