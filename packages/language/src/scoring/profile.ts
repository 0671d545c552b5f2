import type { Level1Family } from '../model/categories.js';

/**
 * A scoring profile is data, not code: provinces weigh and score self-assessments
 * differently (DOMAIN.md), and a configuration file can add its own profiles.
 */
export interface ScoringProfile {
    /** The name the configuration selects it by (set by `resolveProfile`), for messages. */
    name?: string;
    /**
     * Level-1 weights; `cost` is used by the 2021 scheme only, `decision` and `process` (项目决策 /
     * 项目管理) by evaluation frameworks that score process rows beside the results.
     */
    weights: { execution: number; output: number; benefit: number; satisfaction: number; cost?: number; decision?: number; process?: number };
    /**
     * Level-1 families this profile weighs as part of another one: the 2015 scheme files
     * 满意度 under 效益 (Hubei: `{ satisfaction: 'benefit' }`), and a 2020 profile counts a
     * 2021-scheme 成本 row where it came from (`{ cost: 'output' }`).
     */
    countsAs?: Partial<Record<Level1Family, Level1Family>>;
    /**
     * Missed `<=` (reverse) indicators: 'ratio' = weight × target ÷ actual (national, Hubei);
     * 'linear' = (1 − (actual − target) ÷ target) × weight, 0 at twice the target (vendor systems).
     */
    reverse: 'ratio' | 'linear';
    /** Qualitative ratings as shares of the weight: [low, high]. */
    bands: { achieved: [number, number]; partly: [number, number]; missed: [number, number] };
    /** Lowest total of each grade. */
    grades: { excellent: number; good: number; fair: number };
    /** A deviation reason is due at or above this share of the target (1.3 = 130 %). */
    deviationAbove: number;
    /** Allowed difference between a claimed and a computed score. */
    tolerance: number;
    /**
     * A reason is due when budget execution, or what a breakdown component spent, is below this
     * share of its plan (0.9: "预算执行率未达到90%的需说明原因").
     */
    reasonBelow: number;
}
