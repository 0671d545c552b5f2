import { describe, expect, it } from 'vitest';
import { comparable, parseUnit, productOf, productUnit, type Measure } from '../../packages/language/src/units/index.js';
import { buildWorkspace, messageOf } from '../support/workspace.js';

/*
 * funds/breakdown-formula and funds/sources-total as a budget officer writes them: counting units
 * the table does not know (只, 头) cancel, area/length/weight convert, and an all-zero 预算执行
 * line over its 其中 rows is an empty total row, not a mismatch.
 */
const n = (value: number, unit?: string): Measure => ({ kind: 'number', value, unit });

describe('productOf with units outside the unit table', () => {
    it('cancels an unknown word against itself, with 万 before it', () => {
        expect(productOf([n(100, '只'), n(500, '元/只')])).toEqual({ ok: true, value: n(50_000, '元') });
        expect(productOf([n(2, '万只'), n(5, '元/只')])).toEqual({ ok: true, value: n(100_000, '元') });
        expect(productOf([n(200, '头'), n(150, '元/头*月'), n(12, '月')])).toEqual({ ok: true, value: n(360_000, '元') });
    });

    it('converts area, length and weight', () => {
        expect(productOf([n(100, '亩'), n(500, '元/亩')])).toEqual({ ok: true, value: n(50_000, '元') });
        expect(productOf([n(100, '亩'), n(7.5, '元/平方米')])).toEqual({ ok: true, value: n(500_000, '元') });
        expect(productOf([n(2, '公顷'), n(1000, '元/亩')])).toEqual({ ok: true, value: n(30_000, '元') });
        expect(productOf([n(3, '公里'), n(20, '元/米')])).toEqual({ ok: true, value: n(60_000, '元') });
        expect(productOf([n(20, '吨'), n(3, '元/斤')])).toEqual({ ok: true, value: n(120_000, '元') });
        expect(productOf([n(1.5, '万亩'), n(200, '元/亩')])).toEqual({ ok: true, value: n(3_000_000, '元') });
    });

    it('names an unknown unit only when it is left after cancelling', () => {
        expect(productOf([n(100, '只'), n(500, '元')])).toEqual({ ok: false, reason: 'unknown', unit: '只*元', unknown: ['只'] });
        expect(productOf([n(100, '只'), n(500, '元/头')])).toEqual({ ok: false, reason: 'unknown', unit: '只*元/头', unknown: ['只', '头'] });
        expect(productOf([n(100, '亩'), n(500, '元')])).toEqual({ ok: false, reason: 'not-money', unit: '亩*元' });
        expect(productOf([n(2000, '人'), n(12, '月')])).toEqual({ ok: false, reason: 'not-money', unit: '人*月' });
    });

    it('reads area, length and weight as units everywhere, not only in products', () => {
        expect(parseUnit('亩')).toMatchObject({ dimension: 'area', base: '平方米', known: true });
        expect(parseUnit('万亩')).toMatchObject({ dimension: 'area', base: '平方米', factor: 2e7 / 3 });
        expect(comparable(n(3, '公里'), n(2500, '米'))).toEqual({ ok: true, a: 3000, b: 2500 });
        expect(comparable(n(1, '吨'), n(1, '亩'))).toMatchObject({ ok: false });
        expect(productUnit('只')).toMatchObject({ base: '只', factor: 1, known: false });
    });
});

describe('the rules in English', () => {
    it('funds/breakdown-formula: cancelling units are silent, a leftover unknown unit is named', async () => {
        const ws = await buildWorkspace({
            'p.kpi': [
                '项目 P "p" {',
                '    测算 {',
                '        "喂养" 5 万元 = 100 只 × 500 元/只',
                '        "农田" 5 万元 = 100 亩 × 500 元/亩',
                '        "只数" 5 万元 = 100 只 × 500 元',
                '        "饲料" 4 万元 = 100 吨 × 4000 元/吨',
                '    }',
                '}',
                '',
            ].join('\n'),
        }, 'en');
        expect(ws.diagnostics('p.kpi').filter(d => d.code === 'funds/breakdown-formula').map(d => `${d.range.start.line + 1} ${messageOf(d)}`)).toEqual([
            "5 The units of 100 只 × 500 元 come to '只*元', not money; unknown units left: '只'",
            "6 '饲料' comes to 40 万元 by its product (100 吨 × 4000 元/吨), not 4 万元",
        ]);
    });

    it('funds/sources-total: an empty total row is silent; a written one that differs names the 预算执行 total row', async () => {
        const ws = await buildWorkspace({
            'p.kpi': '项目 P "p" {\n    预算 260 万元\n}\n',
            'a.kpi': [
                '自评 S "s" 对象 P {',
                '    预算执行 全年预算 0 全年执行 0',
                '        其中 财政拨款 全年预算 220 万元 全年执行 170 万元',
                '        其中 其他资金 全年预算 40 万元 全年执行 30 万元',
                '}',
                '自评 T "t" 对象 P {',
                '    预算执行 全年预算 250 万元 全年执行 200 万元',
                '        其中 财政拨款 全年预算 220 万元 全年执行 170 万元',
                '        其中 其他资金 全年预算 40 万元 全年执行 30 万元',
                '}',
                '',
            ].join('\n'),
        }, 'en');
        expect(ws.diagnostics('a.kpi').filter(d => d.code === 'funds/sources-total').map(d => `${d.range.start.line + 1} ${messageOf(d)}`)).toEqual([
            '7 The of-which rows do not add up to the execution total row: full-year budget 260 万元, not 250 万元',
        ]);
    });
});
