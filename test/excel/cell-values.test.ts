import { describe, expect, it } from 'vitest';
import { isEmptyMark, parseActual, parsePeriod, parseSplitTarget, parseTarget } from '../../packages/language/src/excel/cell-values.js';

describe('cell values as forms print them', () => {
    it('reads targets with ASCII, full-width and mathematical signs', () => {
        expect(parseTarget('≥95%')).toEqual({ kind: 'comparison', comparator: '>=', number: '95', unit: '%' });
        expect(parseTarget('>=95%')).toEqual({ kind: 'comparison', comparator: '>=', number: '95', unit: '%' });
        expect(parseTarget('≧95％')).toEqual({ kind: 'comparison', comparator: '>=', number: '95', unit: '%' });
        expect(parseTarget('＝8个')).toEqual({ kind: 'comparison', comparator: '=', number: '8', unit: '个' });
        expect(parseTarget('≤202.6万元')).toEqual({ kind: 'comparison', comparator: '<=', number: '202.6', unit: '万元' });
        expect(parseTarget('≤50元/人*月')).toEqual({ kind: 'comparison', comparator: '<=', number: '50', unit: '元/人*月' });
    });

    it('keeps a value without comparator bare and words as a qualitative target', () => {
        expect(parseTarget('100%')).toEqual({ kind: 'comparison', number: '100', unit: '%' });
        expect(parseTarget('效果明显')).toEqual({ kind: 'qualitative', text: '效果明显' });
        expect(parseTarget('≥95%以上（含）')).toEqual({ kind: 'qualitative', text: '≥95%以上（含）' });
    });

    it('joins Layout B’s separate sign, value and unit columns', () => {
        expect(parseSplitTarget('大于等于', '1800', '人')).toEqual({ kind: 'comparison', comparator: '>=', number: '1800', unit: '人' });
        expect(parseSplitTarget('≤', '10', '次')).toEqual({ kind: 'comparison', comparator: '<=', number: '10', unit: '次' });
        expect(parseSplitTarget('定性', '效果明显', undefined)).toEqual({ kind: 'qualitative', text: '效果明显' });
        expect(parseSplitTarget(undefined, '100', '%')).toEqual({ kind: 'comparison', number: '100', unit: '%' });
    });

    it('reads actuals: numbers with or without unit, ratings, other text', () => {
        expect(parseActual('1850')).toEqual({ kind: 'measured', number: '1850' });
        expect(parseActual('16个')).toEqual({ kind: 'measured', number: '16', unit: '个' });
        expect(parseActual('1,850')).toEqual({ kind: 'measured', number: '1850' });
        expect(parseActual('达成预期指标')).toEqual({ kind: 'rating', rating: '达成' });
        expect(parseActual('部分达成')).toEqual({ kind: 'rating', rating: '部分达成' });
        expect(parseActual('未达成')).toEqual({ kind: 'rating', rating: '未达成' });
        expect(parseActual('无')).toEqual({ kind: 'text', text: '无' });
        expect(parseActual('≥95%')).toEqual({ kind: 'measured', comparator: '>=', number: '95', unit: '%' });
    });

    it('treats dashes and slashes as empty, but not 无', () => {
        for (const mark of ['—', '-', '/', '／', '——', '']) expect(isEmptyMark(mark)).toBe(true);
        expect(isEmptyMark('无')).toBe(false);
        expect(isEmptyMark('0')).toBe(false);
    });

    it('reads periods in the ways forms print them', () => {
        expect(parsePeriod('2023年1月-2023年12月')).toEqual({ start: '2023-01', end: '2023-12' });
        expect(parsePeriod('2023.01-2024.06')).toEqual({ start: '2023-01', end: '2024-06' });
        expect(parsePeriod('2023-01 至 2023-12')).toEqual({ start: '2023-01', end: '2023-12' });
        expect(parsePeriod('2023年')).toEqual({ start: '2023-01', end: '2023-12' });
        expect(parsePeriod('长期')).toBeUndefined();
    });
});
