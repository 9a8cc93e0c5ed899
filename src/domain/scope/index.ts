export * from './scope';
export * from './scope-version';
export * from './scope-statement';
export * from './scope-warnings';
export * from './scope-diff';
export { joinList } from './scope-text';
export * from './scope-preview';
