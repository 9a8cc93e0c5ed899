/** Initiation (TS 20000-5 5.3 and 5.4): business case, baseline, KPIs, target state, plan checklist, challenge register. */
export * from './business-case';
export * from './baseline';
export * from './kpi';
export * from './target-state';
export * from './plan-checklist';
export * from './challenge-register';
export * from './initiation';
export * from './business-case-adf';
export * from './initiation-edits';
