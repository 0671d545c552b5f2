export * from './unit-table.js';
export * from './measure.js';
export * from './constraint.js';
export * from './sign-words.js';
export * from './amounts.js';
export * from './bare-values.js';
export * from './number-words.js';
