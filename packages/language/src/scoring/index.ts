// The scoring engine: pure functions from an assessment and a profile to rule scores.
// Checks, hover, code lens and the CLI's `score` command all go through here.
export * from './profile.js';
export * from './profiles.js';
export * from './keywords.js';
export * from './formulas.js';
export * from './assessment-score.js';
export { round, percent } from './round.js';
