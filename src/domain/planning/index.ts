export * from './plan';
export * from './plan-interactions';
export * from './propose-plan';
export * from './plan-editing';
export * from './plan-validation';
export * from './interface-drafts';
