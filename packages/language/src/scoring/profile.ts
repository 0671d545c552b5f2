import type { Level1Family } from '../model/categories.js';

/**
 * A scoring profile is data, not code: provinces weigh and score self-assessments
 * differently (DOMAIN.md), and a configuration file can add its own profiles.
 */
export interface ScoringProfile {
    /** The name the configuration selects it by (set by `resolveProfile`), for messages. */
    name?: string;
    /** Level-1 weights; `cost` is used by the 2021 scheme only. */
    weights: { execution: number; output: number; benefit: number; satisfaction: number; cost?: number };
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
}
