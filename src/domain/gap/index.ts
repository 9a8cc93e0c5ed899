/** Gap analysis: public surface. */
export * from './gap-model';
export * from './proposal-rules';
export * from './readiness';
export * from './analyse-gaps';
export * from './changes-since';
export * from './finding-labels';
export * from './issue-roles';
export * from './clause-record';
