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
        // A sign and a bound that disagree say no one thing.
        expect(parseTarget('≤95%以上')).toEqual({ kind: 'qualitative', text: '≤95%以上' });
    });

    it('reads a value printed in Chinese numerals as the figures it says, where a .kpi file is told to write them', () => {
        expect(parseTarget('百分之九十五以上')).toEqual({ kind: 'comparison', comparator: '>=', number: '95', unit: '%' });
        expect(parseTarget('不低于百分之九十')).toEqual({ kind: 'comparison', comparator: '>=', number: '90', unit: '%' });
        // Digits and place words: 35000 people, not 3 of a unit 万5千人.
        expect(parseTarget('3万5千人')).toEqual({ kind: 'comparison', number: '35000', unit: '人' });
        expect(parseTarget('二十个')).toEqual({ kind: 'comparison', number: '20', unit: '个' });
        expect(parseActual('三万五千人')).toEqual({ kind: 'measured', number: '35000', unit: '人' });
        // 3万人 is 3 of the unit 万人; words that begin with a numeral are words.
        expect(parseTarget('3万人')).toEqual({ kind: 'comparison', number: '3', unit: '万人' });
        expect(parseTarget('十分满意')).toEqual({ kind: 'qualitative', text: '十分满意' });
    });

    it('reads comparators in words, before the value or after it, as the lexer does', () => {
        const ge95 = { kind: 'comparison', comparator: '>=', number: '95', unit: '%' };
        expect(parseTarget('≥95%以上（含）')).toEqual(ge95);
        expect(parseTarget('95%以上')).toEqual(ge95);
        expect(parseTarget('不低于95%')).toEqual(ge95);
        expect(parseTarget('达到95%及以上')).toEqual(ge95);
        expect(parseTarget('1800人以上')).toEqual({ kind: 'comparison', comparator: '>=', number: '1800', unit: '人' });
        expect(parseTarget('不超过202.6万元')).toEqual({ kind: 'comparison', comparator: '<=', number: '202.6', unit: '万元' });
        expect(parseTarget('30分钟以内')).toEqual({ kind: 'comparison', comparator: '<=', number: '30', unit: '分钟' });
        // 内 alone after a unit of time or distance; not after other words.
        expect(parseTarget('2023/6底前')).toEqual({ kind: 'date', comparator: '<=', date: '2023-06' });
        expect(parseTarget('2023-06末前完成')).toEqual({ kind: 'date', comparator: '<=', date: '2023-06' });
        expect(parseTarget('30分钟内')).toEqual({ kind: 'comparison', comparator: '<=', number: '30', unit: '分钟' });
        expect(parseTarget('3个工作日内')).toEqual({ kind: 'comparison', comparator: '<=', number: '3', unit: '个工作日' });
        expect(parseTarget('16个区内')).toEqual({ kind: 'comparison', number: '16', unit: '个区内' });
        // 超过 and （不含） leave the value out.
        expect(parseTarget('超过90%')).toEqual({ kind: 'comparison', comparator: '>', number: '90', unit: '%' });
        expect(parseTarget('10天以内（不含）')).toEqual({ kind: 'comparison', comparator: '<', number: '10', unit: '天' });
        // The note before the bound, as official documents also print it.
        expect(parseTarget('95%（含）以上')).toEqual(ge95);
        expect(parseTarget('10天（不含）以内')).toEqual({ kind: 'comparison', comparator: '<', number: '10', unit: '天' });
        expect(parseSplitTarget(undefined, '95（含）以上', '%')).toEqual(ge95);
        // A note alone after the value, with the sign it agrees with; one that contradicts it leaves the text.
        expect(parseTarget('≥95%（含）')).toEqual(ge95);
        expect(parseTarget('≥95%以上（含）')).toEqual(ge95);
        expect(parseTarget('＞90%（不含）')).toEqual({ kind: 'comparison', comparator: '>', number: '90', unit: '%' });
        expect(parseTarget('≥95%（不含）')).toEqual({ kind: 'qualitative', text: '≥95%（不含）' });
        expect(parseTarget('不早于2023-01-01')).toEqual({ kind: 'date', comparator: '>=', date: '2023-01-01' });
        expect(parseSplitTarget('不低于', '95', '%')).toEqual(ge95);
        expect(parseSplitTarget(undefined, '95以上', '%')).toEqual(ge95);
        expect(parseActual('95%以上')).toEqual({ kind: 'measured', comparator: '>=', number: '95', unit: '%' });
    });

    it('reads English comparators in words as the lexer does', () => {
        const ge95 = { kind: 'comparison', comparator: '>=', number: '95', unit: '%' };
        expect(parseTarget('at least 95%')).toEqual(ge95);
        expect(parseTarget('No less than 95%')).toEqual(ge95);
        expect(parseTarget('95% or more')).toEqual(ge95);
        expect(parseTarget('no more than 20 s')).toEqual({ kind: 'comparison', comparator: '<=', number: '20', unit: 's' });
        expect(parseTarget('no later than 2023-06-30')).toEqual({ kind: 'date', comparator: '<=', date: '2023-06-30' });
        expect(parseTarget('2023-06-30 or earlier')).toEqual({ kind: 'date', comparator: '<=', date: '2023-06-30' });
        // `by` and `before` before a date only.
        expect(parseTarget('by 2023-06-30')).toEqual({ kind: 'date', comparator: '<=', date: '2023-06-30' });
        expect(parseTarget('Before 2023年6月30日')).toEqual({ kind: 'date', comparator: '<=', date: '2023-06-30' });
        expect(parseTarget('by 95%')).toEqual({ kind: 'qualitative', text: 'by 95%' });
        // A sign and words that disagree, as in Chinese; a word that only begins like one.
        expect(parseTarget('<= 95% or more')).toEqual({ kind: 'qualitative', text: '<= 95% or more' });
        expect(parseTarget('overall 95%')).toEqual({ kind: 'qualitative', text: 'overall 95%' });
    });

    it('keeps the unit symbols forms print as printed, as the lexer reads them', () => {
        expect(parseTarget('≥5000㎡')).toEqual({ kind: 'comparison', comparator: '>=', number: '5000', unit: '㎡' });
        expect(parseTarget('≥ 5万m³/日')).toEqual({ kind: 'comparison', comparator: '>=', number: '5', unit: '万m³/日' });
        expect(parseTarget('≤２６℃')).toEqual({ kind: 'comparison', comparator: '<=', number: '26', unit: '℃' });
        expect(parseSplitTarget('大于等于', '５０００', '㎡')).toEqual({ kind: 'comparison', comparator: '>=', number: '5000', unit: '㎡' });
        expect(parseActual('5200㎡')).toEqual({ kind: 'measured', number: '5200', unit: '㎡' });
    });

    it('reads a remark in brackets after a value as the lexer does, and keeps it to write after the value', () => {
        expect(parseTarget('≥2万人（户籍）')).toEqual({ kind: 'comparison', comparator: '>=', number: '2', unit: '万人', remark: '（户籍）' });
        expect(parseTarget('95%以上（全市）')).toEqual({ kind: 'comparison', comparator: '>=', number: '95', unit: '%', remark: '（全市）' });
        expect(parseActual('96.5%（全部转办）')).toEqual({ kind: 'measured', number: '96.5', unit: '%', remark: '（全部转办）' });
        expect(parseActual('2023年6月30日(已验收)')).toEqual({ kind: 'date', date: '2023-06-30', remark: '(已验收)' });
        // A word after a percentage that says only that it is done.
        expect(parseActual('100%完成')).toEqual({ kind: 'measured', number: '100', unit: '%', remark: '完成' });
        // A yuan sign before the amount, as the lexer reads it typed.
        expect(parseTarget('≤¥500万元')).toEqual({ kind: 'comparison', comparator: '<=', number: '500', unit: '万元' });
        expect(parseSplitTarget('≥', '95（全市）', '%')).toEqual({ kind: 'comparison', comparator: '>=', number: '95', unit: '%', remark: '（全市）' });
        // A note the comparator reads, words with brackets: no remark.
        expect(parseTarget('≥95%（含）')).toEqual({ kind: 'comparison', comparator: '>=', number: '95', unit: '%' });
        expect(parseTarget('效果明显（群众认可）')).toEqual({ kind: 'qualitative', text: '效果明显（群众认可）' });
    });

    it('reads a known unit in brackets after the number as the unit, as the printed form means it', () => {
        expect(parseTarget('≥1800（人）')).toEqual({ kind: 'comparison', comparator: '>=', number: '1800', unit: '人' });
        expect(parseTarget('1800(人)以上')).toEqual({ kind: 'comparison', comparator: '>=', number: '1800', unit: '人' });
        expect(parseTarget('100（%）')).toEqual({ kind: 'comparison', number: '100', unit: '%' });
        expect(parseActual('200（万元）')).toEqual({ kind: 'measured', number: '200', unit: '万元' });
        // The unit, then a remark after it.
        expect(parseTarget('≥1800（人）（户籍）')).toEqual({ kind: 'comparison', comparator: '>=', number: '1800', unit: '人', remark: '（户籍）' });
        // Words that are no unit stay a remark.
        expect(parseTarget('≥1800（户籍）')).toEqual({ kind: 'comparison', comparator: '>=', number: '1800', remark: '（户籍）' });
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
        expect(parseActual('按期完成')).toEqual({ kind: 'rating', rating: '达成' });
        expect(parseActual('未完成')).toEqual({ kind: 'rating', rating: '未达成' });
        expect(parseActual('完成')).toEqual({ kind: 'rating', rating: '达成' });
        expect(parseActual('已达到')).toEqual({ kind: 'rating', rating: '达成' });
        expect(parseActual('未达到')).toEqual({ kind: 'rating', rating: '未达成' });
        expect(parseActual('Achieved')).toEqual({ kind: 'rating', rating: '达成' });
        expect(parseActual('Not achieved')).toEqual({ kind: 'rating', rating: '未达成' });
        expect(parseActual('基本完成')).toEqual({ kind: 'text', text: '基本完成' });
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
        // Whole years, as a multi-year 申报表 prints them.
        expect(parsePeriod('2023-2025年')).toEqual({ start: '2023-01', end: '2025-12' });
        expect(parsePeriod('2023年至2025年')).toEqual({ start: '2023-01', end: '2025-12' });
        expect(parsePeriod('2025-2023年')).toBeUndefined();
        expect(parsePeriod('2023-01 至 2023-12')).toEqual({ start: '2023-01', end: '2023-12' });
        expect(parsePeriod('2023年')).toEqual({ start: '2023-01', end: '2023-12' });
        expect(parsePeriod('长期')).toBeUndefined();
    });
});
