/** Gap report (ADF): public surface. */
export * from './report-input';
export * from './gap-report';
export { safeLine, safeParagraphs, truncate, utf8Length, ELLIPSIS } from './safe-text';
export * from './manager-summary';
export * from './clause-register';
