import type { KpiConfig } from '../config/configuration.js';
import type { ScoringProfile } from './profile.js';

export const DEFAULT_PROFILE = 'national-2020';

/**
 * Profiles that ship with KPI Spec. national-2020: 财预〔2020〕10号 (10/50/30/10, reverse rows
 * weight × target ÷ actual, bands 80–100 / 60–80 / 0–60 %). hubei-2020: execution 20, 产出 40,
 * 效益 40 with 满意度 filed under 效益 as in the 2015 scheme, same reverse formula, bands 80/50.
 */
export const BUILTIN_PROFILES: Readonly<Record<string, ScoringProfile>> = {
    'national-2020': {
        name: 'national-2020',
        weights: { execution: 10, output: 50, benefit: 30, satisfaction: 10, decision: 0, process: 0 },
        countsAs: { cost: 'output' },
        reverse: 'ratio',
        bands: { achieved: [0.8, 1], partly: [0.6, 0.8], missed: [0, 0.6] },
        grades: { excellent: 90, good: 80, fair: 60 },
        deviationAbove: 1.3,
        tolerance: 0.1,
        reasonBelow: 0.9,
    },
    'hubei-2020': {
        name: 'hubei-2020',
        weights: { execution: 20, output: 40, benefit: 40, satisfaction: 0, decision: 0, process: 0 },
        countsAs: { cost: 'output', satisfaction: 'benefit' },
        reverse: 'ratio',
        bands: { achieved: [0.8, 1], partly: [0.5, 0.8], missed: [0, 0.5] },
        grades: { excellent: 90, good: 80, fair: 60 },
        deviationAbove: 1.3,
        tolerance: 0.1,
        reasonBelow: 0.9,
    },
};

/**
 * The profile a configuration selects: one of its own `profiles` (laid over the built-in
 * profile of the same name, else over national-2020, so a partial profile still scores),
 * a built-in one, or national-2020 for an unknown name.
 */
export function resolveProfile(config: Pick<KpiConfig, 'profile' | 'profiles'>): ScoringProfile {
    const name = config.profile || DEFAULT_PROFILE;
    const builtin = BUILTIN_PROFILES[name];
    const custom = config.profiles?.[name] as Partial<ScoringProfile> | undefined;
    if (!custom) return builtin ?? BUILTIN_PROFILES[DEFAULT_PROFILE]!;
    const base = builtin ?? BUILTIN_PROFILES[DEFAULT_PROFILE]!;
    return {
        ...base,
        ...custom,
        name,
        weights: { ...base.weights, ...custom.weights },
        bands: { ...base.bands, ...custom.bands },
        grades: { ...base.grades, ...custom.grades },
    };
}
