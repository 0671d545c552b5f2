import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../packages/language/src/config/configuration.js';
import { BUILTIN_PROFILES, resolveProfile, type ScoringProfile } from '../../packages/language/src/scoring/index.js';

const config = (profile: string, profiles: Record<string, Partial<ScoringProfile>> = {}) =>
    ({ ...defaultConfig(), profile, profiles: profiles as Record<string, ScoringProfile> });

describe('resolveProfile', () => {
    it('defaults to national-2020: 10/50/30/10 (决策 and 过程 0), bands 80/60, grades 90/80/60, 130 %, 0.1, reasons below 90 %', () => {
        const p = resolveProfile(defaultConfig());
        expect(p.name).toBe('national-2020');
        expect(p.weights).toEqual({ execution: 10, output: 50, benefit: 30, satisfaction: 10, decision: 0, process: 0 });
        expect(p.bands).toEqual({ achieved: [0.8, 1], partly: [0.6, 0.8], missed: [0, 0.6] });
        expect(p.grades).toEqual({ excellent: 90, good: 80, fair: 60 });
        expect([p.reverse, p.deviationAbove, p.tolerance, p.reasonBelow]).toEqual(['ratio', 1.3, 0.1, 0.9]);
    });

    it('selects hubei-2020: execution 20, 产出 40, 效益 40 with 满意度 inside, bands 80/50', () => {
        const p = resolveProfile(config('hubei-2020'));
        expect(p.weights).toMatchObject({ execution: 20, output: 40, benefit: 40, satisfaction: 0 });
        expect(p.countsAs?.satisfaction).toBe('benefit');
        expect(p.bands.partly).toEqual([0.5, 0.8]);
        expect(p.bands.missed).toEqual([0, 0.5]);
    });

    it('falls back to national-2020 for an unknown name', () => {
        expect(resolveProfile(config('guangxi-2019'))).toEqual(BUILTIN_PROFILES['national-2020']);
    });

    it('lets the configuration add a profile, filling what it leaves out from national-2020', () => {
        const p = resolveProfile(config('yunnan-2022', { 'yunnan-2022': { weights: { execution: 10, output: 40, benefit: 30, satisfaction: 20 }, reverse: 'linear' } }));
        expect(p.name).toBe('yunnan-2022');
        expect(p.weights.satisfaction).toBe(20);
        expect(p.reverse).toBe('linear');
        expect(p.bands).toEqual(BUILTIN_PROFILES['national-2020']!.bands);
    });

    it('lets the configuration override part of a built-in profile', () => {
        const p = resolveProfile(config('hubei-2020', { 'hubei-2020': { tolerance: 0.5, grades: { excellent: 85 } as ScoringProfile['grades'] } }));
        expect(p.tolerance).toBe(0.5);
        expect(p.grades).toEqual({ excellent: 85, good: 80, fair: 60 });
        expect(p.weights.execution).toBe(20);
    });
});
