import { EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { createKpiServices, type Locale } from '../../packages/language/src/index.js';
import { onceOnlyClauses } from '../../packages/language/src/parser/repeated-clauses.js';
import { buildWorkspace, messageOf } from '../support/workspace.js';

/*
 * A row's clauses come in any order, each once (`指标 接通率 实际 89% 分值 30 得分 30`). Given
 * twice (得分 30 … 得分 25, a row pasted over another), the parser keeps the last and the first
 * is lost without a word: the check says so, naming both values, on the second clause.
 */

const ASSESSMENT = (row: string) => `自评 甲自评 "自评" 对象 甲 {\n    ${row}\n}\n`;
const TARGETS = (row: string) => `项目 甲 "项目" {\n    绩效指标 {\n        产出指标 {\n            数量指标 {\n                ${row}\n            }\n        }\n    }\n}\n`;

async function repeated(files: Record<string, string>, locale: Locale = 'zh-CN') {
    const ws = await buildWorkspace(files, locale);
    return Object.keys(files).flatMap(file => ws.diagnostics(file)
        .filter(d => d.code === 'syntax/parsing')
        .map(d => ({ file, line: d.range.start.line, from: d.range.start.character, to: d.range.end.character, message: messageOf(d), severity: d.severity })));
}

describe('a clause given twice in one row', () => {
    it('is an error on the second clause, naming both values', async () => {
        const row = '指标 接通率 实际 89% 分值 30 得分 30 得分 25';
        const found = await repeated({ 'a.kpi': ASSESSMENT(row) });
        expect(found).toEqual([{
            file: 'a.kpi', line: 1, severity: 1,
            from: 4 + row.indexOf('得分 25'), to: 4 + row.length,
            message: '「得分」写了两次：30 和 25，只有后一个有效；请删去其中一个',
        }]);
        const [en] = await repeated({ 'a.kpi': ASSESSMENT(row) }, 'en');
        expect(en!.message).toBe("'得分' is given twice, 30 and 25: only the last counts; remove one");
    });

    it('in a target row, an execution row and an English file, quoting long values short', async () => {
        const source = '"热线话务系统统计报表（每月汇总后由运营单位盖章报送）"';
        const targets = await repeated({ 'a.kpi': TARGETS(`受理量 >= 100 万件 来源 ${source} 说明 "a" 来源 "工单系统"`) });
        expect(targets.map(f => f.message)).toEqual(['「来源」写了两次："热线话务系统统计报表（每月汇总后由运营单位盖… 和 "工单系统"，只有后一个有效；请删去其中一个']);
        // In a file with a syntax error too, which Chevrotain parses and recovers.
        const execution = await repeated({ 'a.kpi': ASSESSMENT('预算执行 全年预算 100 万元 全年执行 90 万元 执行率 90% 分值 10 执行率 95%\n    指标 >= 3') });
        expect(execution.map(f => f.message)).toContain('「执行率」写了两次：90% 和 95%，只有后一个有效；请删去其中一个');
        expect(execution.length).toBeGreaterThan(1);
        // A comment between a clause's keyword and its value.
        const english = await repeated({ 'a.kpi': 'assessment A "a" for P {\n    indicator X actual 89% score 30 actual /* recounted */ 90%\n}\n' }, 'en');
        expect(english.map(f => f.message)).toEqual(["'actual' is given twice, 89% and 90%: only the last counts; remove one"]);
    });

    it('is not reported for clauses given once, links given in several 依据, or the same clause in two rows', async () => {
        expect(await repeated({
            'a.kpi': ASSESSMENT('指标 接通率 实际 89% 分值 30 得分 30\n    指标 转办率 得分 10 实际 96% 分值 10'),
            'b.kpi': TARGETS('接通率 >= 80% 依据 合同甲.接通率 依据 标准乙.接通率 来源 "报表"'),
        })).toEqual([]);
    });

    it('leaves the findings about the clause on the value that counts, the last', async () => {
        const ws = await buildWorkspace({
            'p.kpi': TARGETS('A "a" >= 500 棵 来源 "s"'),
            'a.kpi': ASSESSMENT([
                '预算执行 全年预算 100 万元 全年执行 80 万元 执行率 80% 分值 10 得分 8 执行率 75%',
                '指标 A 实际 480 棵 分值 50 得分 50 得分 45 偏差 "原因"',
                '指标 A 实际 480 棵 实际 90% 分值 50 得分 48 偏差 "原因"',
            ].join('\n    ')),
        });
        const text = ws.documents.get('a.kpi')!.textDocument;
        const on = (rule: string) => ws.diagnostics('a.kpi').filter(d => d.code === rule).map(d => text.getText(d.range));
        expect(on('funds/rate-mismatch')).toEqual(['75%']);
        expect(on('score/off-rule')).toEqual(['45']);
        expect(on('assessment/unit-mismatch')).toEqual(['90%']);
    });

    it('covers every clause the grammar lets a row repeat', () => {
        const { keys, types } = onceOnlyClauses(createKpiServices(EmptyFileSystem).kpi.Grammar);
        expect([...types].sort()).toEqual(['Execution', 'Indicator', 'IndicatorAssessment']);
        expect([...keys].sort()).toEqual([
            'Execution adjustment', 'Execution deviation', 'Execution rate', 'Execution score', 'Execution weight',
            'Indicator lastYear', 'Indicator note', 'Indicator source',
            'IndicatorAssessment actual', 'IndicatorAssessment deviation', 'IndicatorAssessment measuredAs', 'IndicatorAssessment score', 'IndicatorAssessment weight',
        ]);
    });
});

describe('a line a self-assessment holds once, written again', () => {
    it('is an error on the second, naming the line of the first, in the file\'s language', async () => {
        const text = '自评 甲自评 "自评" 对象 甲 {\n    评价日 2021-03-31\n    合计 分值 100 得分 90\n    等级 优\n    自评等级 良\n    total weight 100 score 80\n    问题 "a"\n    问题 "b"\n}\n';
        expect(await repeated({ 'a.kpi': text })).toEqual([
            { file: 'a.kpi', line: 4, from: 4, to: 8, severity: 1, message: '「自评等级」一份自评只写一行：第 4 行已写过，只有其中一行有效；请删去其中一行' },
            { file: 'a.kpi', line: 5, from: 4, to: 9, severity: 1, message: '「total」一份自评只写一行：第 3 行已写过，只有其中一行有效；请删去其中一行' },
        ]);
        expect((await repeated({ 'a.kpi': text }, 'en')).map(f => f.message)[0]).toBe("'自评等级' is written once per assessment: line 4 has it already and only one of them counts; remove one");
    });
});
