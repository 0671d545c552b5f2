import { describe, expect, it } from 'vitest';
import {
    BUILTIN_PROFILES, executionOutcome, gradeOf, quantitativeOutcome, ratingOutcome, round, weigh,
    type RatingId, type ScoringProfile,
} from '../../packages/language/src/scoring/index.js';
import { parseDate, type Constraint, type Measure, type Op } from '../../packages/language/src/units/index.js';

const national = BUILTIN_PROFILES['national-2020']!;
const hubei = BUILTIN_PROFILES['hubei-2020']!;
const linear: ScoringProfile = { ...national, reverse: 'linear' };

const n = (value: number, unit?: string): Measure => ({ kind: 'number', value, unit });
const d = (text: string): Measure => parseDate(text)!;
const c = (op: Op, value: Measure): Constraint => ({ op, value });

/** The rule score of one row: weight × the outcome's share, rounded as shown. */
const score = (actual: Measure, target: Constraint, weight: number, profile = national) =>
    weigh(quantitativeOutcome(actual, target, profile), weight).ruleScore;

describe('quantitative rows', () => {
    it.each([
        // met → full weight, whatever the margin
        ['>= met', n(89.19, '%'), c('>=', n(80, '%')), 30, 30],
        ['>= met exactly', n(80, '%'), c('>=', n(80, '%')), 30, 30],
        ['<= met exactly', n(12.52, '元/通'), c('<=', n(12.52, '元/通')), 10, 10],
        // missed >= → weight × actual ÷ target
        ['>= missed', n(84, '%'), c('>=', n(100, '%')), 5, 4.2],
        ['>= missed, other unit on the same scale', n(9000, '元'), c('>=', n(1, '万元')), 10, 9],
        ['>= missed, actual 0', n(0, '%'), c('>=', n(95, '%')), 10, 0],
        ['>= missed, negative actual', n(-5, '%'), c('>=', n(10, '%')), 10, 0],
        ['> missed at the value itself', n(95, '%'), c('>', n(95, '%')), 10, 10],
        // missed <= (reverse) → weight × target ÷ actual, capped at the weight, never below 0
        ['<= missed', n(15, '秒'), c('<=', n(10, '秒')), 10, 6.67],
        ['<= missed, far above twice the target', n(50, '秒'), c('<=', n(10, '秒')), 10, 2],
        ['<= missed across units', n(1, '分钟'), c('<=', n(20, '秒')), 9, 3],
        // target 0
        ['<= 0 missed', n(3, '起'), c('<=', n(0, '起')), 10, 0],
        ['= 0 met by 0', n(0, '起'), c('=', n(0, '起')), 10, 10],
        ['= 0 missed', n(1, '起'), c('=', n(0, '起')), 10, 0],
        ['>= 0 met by 0', n(0, '%'), c('>=', n(0, '%')), 10, 10],
        // = and bare values: reached when at least the value
        ['= 100% with 100%', n(100, '%'), c('=', n(100, '%')), 10, 10],
        ['= 100% with 98%', n(98, '%'), c('=', n(100, '%')), 10, 9.8],
        ['= 95% with 100%', n(100, '%'), c('=', n(95, '%')), 10, 10],
        // dates: on or before a <= / = date is met, else 0
        ['<= date met', d('2020-05-31'), c('<=', d('2020-06-30')), 10, 10],
        ['<= date met on the day', d('2020-06-30'), c('<=', d('2020-06')), 10, 10],
        ['<= date missed', d('2020-07-01'), c('<=', d('2020-06-30')), 10, 0],
        ['= date missed', d('2020-07-01'), c('=', d('2020-06-30')), 10, 0],
        // rounding to two decimals, half up
        ['rounds 2/3 of 10', n(2, '个'), c('>=', n(3, '个')), 10, 6.67],
        ['rounds 1.005 up', n(100.5, '%'), c('>=', n(1000, '%')), 10, 1.01],
    ] as const)('%s', (_name, actual, target, weight, expected) => {
        expect(score(actual, target, weight)).toBe(expected);
    });

    it('the linear reverse formula reaches 0 at twice the target and stays there', () => {
        expect(score(n(15, '秒'), c('<=', n(10, '秒')), 10, linear)).toBe(5);
        expect(score(n(20, '秒'), c('<=', n(10, '秒')), 10, linear)).toBe(0);
        expect(score(n(35, '秒'), c('<=', n(10, '秒')), 10, linear)).toBe(0);
    });

    it('reports achievement as actual ÷ target with four decimals', () => {
        expect(quantitativeOutcome(n(89.19, '%'), c('>=', n(95, '%')), national).achievement).toBe(0.9388);
        expect(quantitativeOutcome(n(0, '%'), c('>=', n(0, '%')), national).achievement).toBeUndefined();
        expect(quantitativeOutcome(d('2020-05-31'), c('<=', d('2020-06-30')), national).achievement).toBeUndefined();
    });

    it('does not score values that cannot be compared, and says why', () => {
        const outcome = quantitativeOutcome(n(20, '秒'), c('>=', n(95, '%')), national);
        expect(outcome.mismatch).toBe('dimension');
        expect(weigh(outcome, 10).ruleScore).toBeUndefined();
        expect(outcome.met).toBeUndefined();
        expect(outcome.reason().zh).toContain('20 秒');
        expect(quantitativeOutcome(d('2020-05-31'), c('>=', n(95, '%')), national).mismatch).toBe('kind');
    });

    it('explains the computation in both languages', () => {
        const { explanation } = weigh(quantitativeOutcome(n(84, '%'), c('>=', n(100, '%')), national), 5);
        expect(explanation.zh).toBe('实际 84% 未达到目标 ≥100%，按完成比例 84% 计分：5 × 84% = 4.2 分');
        expect(explanation.en).toBe('Actual 84% misses the target ≥100%; scored at its achievement 84%: 5 × 84% = 4.2');
        const met = weigh(quantitativeOutcome(n(89.19, '%'), c('>=', n(80, '%')), national), 30).explanation;
        expect(met.zh).toBe('实际 89.19% 达到目标 ≥80%，得满分 30 分');
        expect(weigh(quantitativeOutcome(n(15, '秒'), c('<=', n(10, '秒')), national), 10).explanation.zh).toContain('目标 ÷ 实际 = 66.67%');
    });

    it('keeps its explanation when a score is sent as JSON or to another thread (score -f json, the web page)', () => {
        const { explanation } = weigh(quantitativeOutcome(n(84, '%'), c('>=', n(100, '%')), national), 5);
        const words = { zh: '实际 84% 未达到目标 ≥100%，按完成比例 84% 计分：5 × 84% = 4.2 分', en: 'Actual 84% misses the target ≥100%; scored at its achievement 84%: 5 × 84% = 4.2' };
        expect(JSON.parse(JSON.stringify({ explanation }))).toEqual({ explanation: words });
        expect(structuredClone(explanation)).toEqual(words);
        expect({ ...explanation }).toEqual(words);
    });

    it('without a weight, says how the row fares but gives no score', () => {
        const result = weigh(quantitativeOutcome(n(84, '%'), c('>=', n(100, '%')), national), undefined);
        expect(result.ruleScore).toBeUndefined();
        expect(result.explanation.zh).toContain('未填分值');
    });
});

describe('qualitative ratings', () => {
    it.each([
        ['achieved', national, 10, 10, [8, 10]],
        ['partly', national, 10, 8, [6, 8]],
        ['missed', national, 10, 6, [0, 6]],
        ['partly', hubei, 10, 8, [5, 8]],
        ['missed', hubei, 10, 5, [0, 5]],
        ['partly', national, 15, 12, [9, 12]],
    ] as const)('%s under %#', (rating, profile, weight, expected, band) => {
        const outcome = ratingOutcome(rating as RatingId, profile);
        expect(weigh(outcome, weight).ruleScore).toBe(expected);
        expect(outcome.band!.map(s => round(s * weight))).toEqual(band);
        expect(outcome.met).toBe(rating === 'achieved');
    });

    it('explains the band in points', () => {
        expect(weigh(ratingOutcome('partly', national), 10).explanation.zh).toBe('评级「部分达成」，可得分值的 60%–80%，即 6–8 分，按上限计 8 分');
    });
});

describe('budget execution', () => {
    it.each([
        ['all spent', n(10666, '万元'), n(10666, '万元'), 10, 10, 1],
        ['part spent', n(8000, '万元'), n(10000, '万元'), 10, 8, 0.8],
        ['spent above the budget is capped', n(10500, '万元'), n(10000, '万元'), 10, 10, 1.05],
        ['units convert', n(0.5, '亿元'), n(10000, '万元'), 20, 10, 0.5],
        ['nothing spent', n(0, '万元'), n(10000, '万元'), 10, 0, 0],
    ] as const)('%s', (_name, spent, budgeted, weight, expected, rate) => {
        const outcome = executionOutcome(spent, budgeted);
        expect(outcome.rate).toBe(rate);
        expect(weigh(outcome, weight).ruleScore).toBe(expected);
    });

    it('says so above 100 %', () => {
        expect(weigh(executionOutcome(n(10500, '万元'), n(10000, '万元')), 10).explanation.zh).toBe('执行率 105%（10500 万元 ÷ 10000 万元），超过 100% 按 100% 计：10 × 100% = 10 分');
    });

    it('gives no score for a zero budget or money against days', () => {
        expect(weigh(executionOutcome(n(10, '万元'), n(0, '万元')), 10).ruleScore).toBeUndefined();
        expect(executionOutcome(n(10, '天'), n(10, '万元')).mismatch).toBe('dimension');
    });
});

describe('grades', () => {
    it.each([
        [100, 'excellent'], [90, 'excellent'], [89.99, 'good'], [89.995, 'excellent'], [80, 'good'],
        [79.9, 'fair'], [60, 'fair'], [59.99, 'poor'], [0, 'poor'],
    ] as const)('%s → %s', (total, grade) => expect(gradeOf(total, national)).toBe(grade));
});

describe('rounding', () => {
    /** The rule as written: scaled, trimmed to 12 significant digits, rounded half up. */
    const byDefinition = (value: number, digits: number) => Math.round(Number((value * 10 ** digits).toPrecision(12))) / 10 ** digits;

    it('rounds as its definition does, near halves, for large numbers and at every precision', () => {
        const values = [1.005, 2.675, 0.125, -1.005, -2.5, 0.1 + 0.2, 1e7 + 0.005, 123456789.125, 1e10 + 0.005, 1234567890123.45, 99.995, 6.666666];
        // Pseudo-random values from a fixed seed, with two to six decimals.
        let seed = 17;
        for (let i = 0; i < 20_000; i++) {
            seed = (seed * 16807) % 2147483647;
            values.push(((seed % 2_000_000) - 1_000_000) / 10 ** (2 + (seed % 5)));
        }
        for (const digits of [0, 1, 2, 4]) {
            for (const value of values) expect(round(value, digits), `${value} to ${digits}`).toBe(byDefinition(value, digits));
        }
    });
});
