// The scoring engine: pure functions from an assessment and a profile to rule scores, and the
// `Scores` service that caches them for checks, hover, code lens and the CLI's `score` command.
export * from './profile.js';
export * from './profiles.js';
export * from './keywords.js';
export * from './formulas.js';
export * from './assessment-score.js';
export { round, percent } from './round.js';
export { Scores, type ScoredAssessment } from './scores.js';
