import { describe, expect, it } from 'vitest';
import { doubtfulReading, withMeasureWord, type Constraint, type Op } from '../../packages/language/src/units/index.js';

const target = (op: Op, value: number, unit: string): Constraint => ({ op, value: { kind: 'number', value, unit } });

describe('withMeasureWord', () => {
    it.each([
        ['万', '万人', '万人'],
        ['万', '人', '万人'],
        ['万', '亩', '万亩'],
        ['万', '万元', '万元'],
        ['亿', '万元', '亿元'],
        ['万', 'm³', '万m³'],
    ])('%s under %s is %s', (unit, other, worded) => {
        expect(withMeasureWord(unit, other)).toBe(worded);
    });

    it.each([
        ['万人', '万人'], // a unit with its word
        ['万', '%'], // no word takes 万
        ['万', '元/人'], // a compound unit
        ['万', '只'], // an unknown word
        ['万', undefined],
        [undefined, '万人'],
        ['亿', '人'], // 亿人 is no unit of the table
    ])('%s under %s: none', (unit, other) => {
        expect(withMeasureWord(unit, other)).toBeUndefined();
    });
});

describe('doubtfulReading', () => {
    it('a 0–1 number under a percentage of 10 or more that is better higher: a fraction', () => {
        expect(doubtfulReading(0.96, target('>=', 90, '%'))).toEqual({
            kind: 'fraction', read: { kind: 'number', value: 0.96, unit: '%' }, meant: { kind: 'number', value: 96, unit: '%' }, share: 0.96 / 90,
        });
        expect(doubtfulReading(1, target('=', 100, '%'))?.meant.value).toBe(100);
        expect(doubtfulReading(0.5, target('>', 10, '％'))?.meant).toEqual({ kind: 'number', value: 50, unit: '％' });
        expect(doubtfulReading(0.07, target('>=', 95, '%'))?.meant.value).toBe(7);
    });

    it('not when the percentage reading is plausible', () => {
        expect(doubtfulReading(95, target('>=', 90, '%'))).toBeUndefined();
        expect(doubtfulReading(0.5, target('<=', 1, '%'))).toBeUndefined(); // a rate kept under 1%
        expect(doubtfulReading(0.15, target('<=', 20, '%'))).toBeUndefined(); // lower is better: 0.15% is fine
        expect(doubtfulReading(0.8, target('>=', 5, '%'))).toBeUndefined(); // a small target
        expect(doubtfulReading(0, target('>=', 90, '%'))).toBeUndefined(); // 0 is 0 either way
        expect(doubtfulReading(1.5, target('>=', 90, '%'))).toBeUndefined();
        expect(doubtfulReading(0.9, target('>=', 900, '‰'))).toBeUndefined();
    });

    it('a number at least 1000 times its target in the target\'s 万-word, close to it in the word itself', () => {
        expect(doubtfulReading(12500, target('>=', 1.2, '万人'))).toEqual({
            kind: 'word', read: { kind: 'number', value: 12500, unit: '万人' }, meant: { kind: 'number', value: 12500, unit: '人' }, share: 12500 / 1.2,
        });
        expect(doubtfulReading(480000, target('<=', 50, '万元'))?.meant).toEqual({ kind: 'number', value: 480000, unit: '元' });
        expect(doubtfulReading(20000, target('>=', 3, '万亩'))?.meant.unit).toBe('亩');
        expect(doubtfulReading(12500, target('>=', 1.2, '万元/人'))?.meant.unit).toBe('元/人');
    });

    it('not when the 万-word reading is plausible, or the word itself is not', () => {
        expect(doubtfulReading(1.25, target('>=', 1.2, '万人'))).toBeUndefined();
        expect(doubtfulReading(800, target('>=', 1.2, '万人'))).toBeUndefined(); // 666 times: not ≥ 1000
        expect(doubtfulReading(5_000_000, target('>=', 1.2, '万人'))).toBeUndefined(); // 5,000,000 人 is 417 times the target too
        expect(doubtfulReading(12500, target('>=', 1.2, '人'))).toBeUndefined(); // no 万 in the target
    });
});
