/** Phase evaluation (TS 20000-5 5.6, 5.7): public surface. */
export * from './phase-evaluation';
export * from './lessons-learned';
export * from './plan-revision';
export * from './evaluation-action';
