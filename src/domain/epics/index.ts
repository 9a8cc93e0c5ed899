export * from './plan-item-property';
export * from './epic-content';
export * from './epic-plan';
export * from './reconcile-epics';
export * from './epic-call-bound';
export * from './epic-type';
export * from './sync-preview';
