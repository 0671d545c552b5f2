import { describe, expect, it } from 'vitest';
import { inUnitOf, productOf, sameAmount, sumOf, type Measure } from '../../packages/language/src/units/index.js';

const n = (value: number, unit?: string): Measure => ({ kind: 'number', value, unit });

describe('products of a budget breakdown', () => {
    it('cancels units: 2000 人 × 50 元/人*月 × 12 月 is 1 200 000 元 (everything after the first / is the denominator)', () => {
        expect(productOf([n(2000, '人'), n(50, '元/人*月'), n(12, '月')])).toEqual({ ok: true, value: n(1_200_000, '元') });
    });

    it('converts scales on the way: 万元, 年 in months, 万人, a percentage as a share', () => {
        expect(productOf([n(2, '年'), n(10, '万元/月')])).toEqual({ ok: true, value: n(2_400_000, '元') });
        expect(productOf([n(1.2, '万人'), n(100, '元/人')])).toEqual({ ok: true, value: n(1_200_000, '元') });
        expect(productOf([n(100, '万元'), n(80, '%')])).toEqual({ ok: true, value: n(800_000, '元') });
        expect(productOf([n(3, '万元')])).toEqual({ ok: true, value: n(30_000, '元') });
    });

    it('says what is left when units do not cancel to money, and which of it the table does not know', () => {
        expect(productOf([n(100, '只'), n(500, '元/只')])).toEqual({ ok: true, value: n(50_000, '元') });
        expect(productOf([n(100, '只'), n(500, '元')])).toEqual({ ok: false, reason: 'unknown', unit: '只*元', unknown: ['只'] });
        expect(productOf([n(2000, '人'), n(12, '月')])).toEqual({ ok: false, reason: 'not-money', unit: '人*月' });
        expect(productOf([n(50, '元/人*月'), n(12, '月')])).toEqual({ ok: false, reason: 'not-money', unit: '元/人' });
        expect(productOf([n(2, '元'), n(3, '元')])).toEqual({ ok: false, reason: 'not-money', unit: '元*元' });
        expect(productOf([n(2), n(3)])).toEqual({ ok: false, reason: 'not-money', unit: '1' });
        expect(productOf([{ kind: 'date', day: 0, text: '1970-01-01' }])).toEqual({ ok: false, reason: 'not-money', unit: '1970-01-01' });
    });
});

describe('sums and conversions of amounts', () => {
    it('adds rows in the unit of the first, without float noise', () => {
        expect(sumOf([n(260, '万元'), n(400_000, '元')])).toEqual(n(300, '万元'));
        expect(sumOf([n(0.1, '万元'), n(0.2, '万元')])).toEqual(n(0.3, '万元'));
        expect(sumOf([n(1, '万元'), n(1, '人')])).toBeUndefined();
        expect(sumOf([])).toBeUndefined();
    });

    it('expresses an amount in another unit, and compares amounts to the cent', () => {
        expect(inUnitOf(n(1_800_000, '元'), n(150, '万元'))).toEqual(n(180, '万元'));
        expect(inUnitOf(n(1, '人'), n(1, '万元'))).toBeUndefined();
        expect(sameAmount(n(300, '万元'), n(3_000_000, '元'))).toBe(true);
        expect(sameAmount(n(300, '万元'), n(3_000_000.01, '元'))).toBe(false);
        expect(sameAmount(n(300, '万元'), n(300, '个'))).toBeUndefined();
    });
});
