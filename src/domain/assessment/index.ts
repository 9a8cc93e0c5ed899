export * from './assessment-units';
export * from './assessment';
export * from './unit-summary';
export * from './snapshot';
export * from './record-size';
export * from './assessment-split';
