import { describe, expect, it } from 'vitest';
import { buildWorkspace, lineRules } from '../support/workspace.js';

/*
 * What a project or an assessment lacks (a family, a required row, a group's rows, an assessment
 * row) is not reported while a syntax error may be why it looks missing: a `}` missing or not
 * read, which files the groups after it under the wrong family, or text the parser could not read
 * that names it. The syntax error is reported; what is really missing is, once it is fixed.
 */
const TREE = `项目 P "p" {
    预算 100 万元
    总体目标 { 培训 "完成培训" }
    绩效指标 {
        产出指标 {
            数量指标 { "培训人数" >= 500 人 来源 "签到表" }
            质量指标 {
                "投诉办结率" = 100% 来源 "台账"
            }
        }
        效益指标 {
            社会效益 { "照护覆盖率" >= 60% 来源 "统计" }
        }
        满意度指标 { 服务对象满意度 { "满意度" >= 90% 来源 "问卷" } }
    }
}
`;

const ASSESSMENT = `自评 PA "pa" 对象 P {
    预算执行 全年预算 100 万元 全年执行 100 万元 分值 10 得分 10
    总体目标 培训 "完成"
    指标 "培训人数" 实际 600 人 分值 30 得分 30
    指标 "投诉办结率" 实际 100% 分值 20 得分 20
    指标 "照护覆盖率" 实际 65% 分值 30 得分 30
    指标 "满意度" 实际 95% 分值 10 得分 10
    问题 无
    合计 分值 100 得分 100
    等级 优
}
`;

/** `line:rule` of every diagnostic of a file. */
async function lint(files: Record<string, string>, file: string): Promise<string[]> {
    const ws = await buildWorkspace(files);
    return lineRules(ws.diagnostics(file));
}

/** TREE with the `}` of 质量指标 left out, as the tester's form had it. */
const OPEN_GROUP = TREE.replace('来源 "台账"\n            }\n', '来源 "台账"\n');

describe('what is missing, after a syntax error', () => {
    it('the tree as written has no finding', async () => {
        expect(await lint({ 'p.kpi': TREE, 'a.kpi': ASSESSMENT }, 'p.kpi')).toEqual([]);
        expect(await lint({ 'p.kpi': TREE, 'a.kpi': ASSESSMENT }, 'a.kpi')).toEqual([]);
    });

    it('a group left open: only the syntax error, not 没有效益指标, nor the level-1 weights of the assessment', async () => {
        // `效益指标 {` is read as a level-2 group of 产出指标; the error is noticed at `社会效益 {`.
        const files = { 'p.kpi': OPEN_GROUP, 'a.kpi': ASSESSMENT };
        expect(await lint(files, 'p.kpi')).toEqual(['11:syntax/parsing']);
        // Not score/profile-weights (产出指标分值合计 80, 效益指标 0): the rows are filed wrongly.
        expect(await lint(files, 'a.kpi')).toEqual([]);
    });

    it('a block left open at its end, or a brace typed full-width: the families wait', async () => {
        const atEnd = TREE.replace('"问卷" } }\n    }\n}\n', '"问卷" } }\n}\n');
        expect(await lint({ 'p.kpi': atEnd }, 'p.kpi')).toEqual(['15:syntax/parsing']);
        const missingSatisfactionClose = TREE.replace('"问卷" } }', '"问卷" }');
        expect(await lint({ 'p.kpi': missingSatisfactionClose }, 'p.kpi')).toEqual(['16:syntax/parsing']);
        const fullWidth = TREE.replace('效益指标 {', '效益指标 ｛');
        expect(await lint({ 'p.kpi': fullWidth }, 'p.kpi')).toEqual(['11:syntax/lexing']);
    });

    it('a row broken inside balanced braces: what the tree really lacks is still reported', async () => {
        const noBenefit = TREE.replace(/        效益指标 \{\n.*\n        \}\n/, '').replace('来源 "签到表" }', '来源 "签到表 }');
        const found = await lint({ 'p.kpi': noBenefit }, 'p.kpi');
        expect(found).toContain('4:target/missing-benefit');
        expect(found.filter(f => f.includes('syntax/')).length).toBeGreaterThan(0);
    });

    it('a group whose rows the parser could not read is not empty', async () => {
        const unread = TREE.replace('"投诉办结率" = 100% 来源 "台账"', '{ "投诉办结率" = 100% 来源 "台账"');
        const found = await lint({ 'p.kpi': unread }, 'p.kpi');
        expect(found.some(f => f.endsWith('syntax/parsing'))).toBe(true);
        expect(found.filter(f => !f.includes('syntax/'))).toEqual([]);
    });

    it('a satisfaction row under a group left open is not misfiled', async () => {
        // 满意度指标 is read as a level-2 group of 效益指标.
        const open = TREE.replace('来源 "统计" }\n        }\n', '来源 "统计" }\n');
        const found = await lint({ 'p.kpi': open }, 'p.kpi');
        expect(found.filter(f => !f.includes('syntax/'))).toEqual([]);
    });

    it('an assessment row the parser could not read: its indicator is not called unassessed, another one is', async () => {
        const row = ASSESSMENT.replace('指标 "投诉办结率"', '指标 { "投诉办结率"').replace('    指标 "满意度" 实际 95% 分值 10 得分 10\n', '');
        const found = await lint({ 'p.kpi': TREE, 'a.kpi': row }, 'a.kpi');
        expect(found.filter(f => f.includes('syntax/'))).toEqual(['5:syntax/parsing']);
        // 满意度 is unassessed; 投诉办结率 is on the broken line.
        expect(found.filter(f => f.endsWith('assessment/indicator-not-assessed'))).toEqual(['1:assessment/indicator-not-assessed']);
    });

    it('a goal line the parser could not read: the goal is not called uncovered', async () => {
        const goal = ASSESSMENT.replace('总体目标 培训 "完成"', '总体目标 { 培训 "完成"');
        const found = await lint({ 'p.kpi': TREE, 'a.kpi': goal }, 'a.kpi');
        expect(found.some(f => f.includes('syntax/'))).toBe(true);
        expect(found).not.toContain('1:assessment/goal-not-covered');
    });

    it('a required row the parser could not read is not reported missing; other required rows are', async () => {
        const standard = `标准 S "s" {\n    要求 合格率 "合格率" >= 90% 必设\n    要求 回复率 "回复率" = 100% 必设\n}\n`;
        const applied = TREE.replace('预算 100 万元', '预算 100 万元\n    适用 S');
        const row = applied.replace('"投诉办结率" = 100% 来源 "台账"', '"投诉办结率" = 100% 来源 "台账"\n                合格率 { "合格率" >= 92% 来源 "台账"');
        const found = await lint({ 's.kpi': standard, 'p.kpi': row }, 'p.kpi');
        expect(found.some(f => f.includes('syntax/'))).toBe(true);
        // 回复率 is missing; 合格率 stands on the line the parser could not read.
        expect(found.filter(f => f.endsWith('target/required-indicator'))).toEqual(['3:target/required-indicator']);
    });
});
