/**
 * A scoring profile is data, not code: provinces weigh and score self-assessments
 * differently (DOMAIN.md), and a configuration file can add its own profiles.
 */
export interface ScoringProfile {
    /** Level-1 weights; `cost` is used by the 2021 scheme only. */
    weights: { execution: number; output: number; benefit: number; satisfaction: number; cost?: number };
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
