/** Internal audit, nonconformity and corrective action, management review, certification readiness: public surface. */
export * from './sampling';
export * from './audit-programme';
export * from './nonconformity';
export * from './certification-readiness';
export * from './review-pack';
export * from './review-pack-adf';
export * from './audit-issue-adf';
export * from './review-data';
export * from './audit-cycle';
export * from './programme-view';
